package fr.apl.geo.write;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the writers share, so that a table one writer takes, every writer takes: the column names
 * are distinct from each other and from the names the writers add ({@code code}, {@code name}, and
 * the GeoPackage's {@code fid} and {@code geom}), ignoring case, since SQLite column names ignore
 * it.
 */
final class WriterChecks {

  /** The names the writers give their own fields. */
  static final List<String> RESERVED = List.of("code", "name", "fid", "geom");

  private WriterChecks() {}

  /**
   * Refuses duplicate or reserved column names.
   *
   * @param table the table about to be written
   * @throws IllegalArgumentException naming the first offending column
   */
  static void requireDistinctColumns(FeatureTable table) {
    Set<String> seen = new HashSet<>(RESERVED);
    for (FeatureTable.Column c : table.columns()) {
      if (c.name() == null || c.name().isEmpty()) {
        throw new IllegalArgumentException("layer " + table.layer() + ": a column has no name");
      }
      String key = c.name().toLowerCase(Locale.ROOT);
      if (RESERVED.contains(key)) {
        throw new IllegalArgumentException("layer " + table.layer() + ": column " + c.name()
            + " clashes with the writers' own field " + key + " (reserved: " + RESERVED + ")");
      }
      if (!seen.add(key)) {
        throw new IllegalArgumentException("layer " + table.layer() + ": two columns are named "
            + c.name() + " (names are compared ignoring case)");
      }
    }
  }
}
