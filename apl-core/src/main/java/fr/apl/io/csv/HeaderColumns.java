package fr.apl.io.csv;

import fr.apl.problem.Problems;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one header, found by role: names given twice reported at once, each required
 * column found by its mapped names (or reported missing, with the names it may have), optional
 * ones found when present, and at the end a column taken for two roles reported. Every reader's
 * header goes through one of these, so that the same header problem reads the same everywhere.
 * Not thread-safe; one per read.
 */
final class HeaderColumns {

  private final Problems out;
  private final String file;
  private final long line;
  private final List<String> header;
  private final ColumnMapping names;
  private final List<String> roles = new ArrayList<>();
  private final List<Integer> columns = new ArrayList<>();
  private boolean ok;

  /**
   * Starts on a header, reporting the names it gives twice.
   *
   * @param out where problems go
   * @param file the file as messages name it
   * @param line the header's line
   * @param header the header's names
   * @param names the column mapping
   */
  HeaderColumns(Problems out, String file, long line, List<String> header, ColumnMapping names) {
    this.out = out;
    this.file = file;
    this.line = line;
    this.header = header;
    this.names = names;
    this.ok = Rules.uniqueColumns(out, file, line, header);
  }

  /** Finds a column that must be there; reports it missing; returns its index or -1. */
  int require(String role, String key) {
    int k = Rules.find(header, names.candidates(key));
    ok &= Rules.requireColumn(out, file, line, header, k, role, key, names);
    return role(role, k);
  }

  /** Finds a column that may be absent; returns its index or -1. */
  int optional(String role, String key) {
    return role(role, Rules.find(header, names.candidates(key)));
  }

  /** Counts a column found otherwise in the check of roles; returns it. */
  int role(String role, int column) {
    roles.add(role);
    columns.add(column);
    return column;
  }

  /** Marks the header unusable (a problem the reader reported itself). */
  void fail() {
    ok = false;
  }

  /**
   * Reports the columns taken for two roles; call it once, after the last column is found.
   *
   * @return true when the header has no problem: every row may be read
   */
  boolean ok() {
    int[] c = new int[columns.size()];
    for (int k = 0; k < c.length; k++) {
      c[k] = columns.get(k);
    }
    ok &= Rules.distinctRoles(out, file, line, header, roles.toArray(new String[0]), c);
    return ok;
  }
}
