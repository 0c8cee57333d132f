package fr.apl.io.csv;

import fr.apl.commune.CommuneValues;
import fr.apl.supply.Supply;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads supply already counted per practice commune: {@code commune,consultations} and optionally
 * {@code consultations_moins65} (and any {@code consultations_moinsNN}): consultations of the
 * doctors younger than NN.
 */
public final class SupplyCsv {

  /** Matches the header of a capped column, the cap in group 1. */
  public static final Pattern CAPPED = Pattern.compile("consultations_moins(\\d{1,3})",
      Pattern.CASE_INSENSITIVE);

  /**
   * Holds the columns of a supply file.
   *
   * @param all supply of all doctors
   * @param underAge supply of the doctors younger than each cap, by cap
   */
  public record Columns(Supply all, SortedMap<Integer, Supply> underAge) {

    /** Makes the map immutable. */
    public Columns {
      underAge = Collections.unmodifiableSortedMap(new TreeMap<>(underAge));
    }
  }

  private SupplyCsv() {}

  /**
   * Reads a supply file.
   *
   * @throws InputException on bad data, naming file, line and value
   */
  public static Columns read(Path path) throws IOException {
    return read(path, ReadOptions.defaults());
  }

  /**
   * Reads a supply file with the given encoding and column names.
   *
   * @throws InputException on bad data, naming file, line and value
   */
  public static Columns read(Path path, ReadOptions options) throws IOException {
    try (CsvReader csv = CsvReader.open(path, options.encoding())) {
      ColumnMapping names = options.columns();
      int code = csv.requireColumn("commune", names.candidates(ColumnMapping.COMMUNE));
      int all = csv.requireColumn("consultations", names.candidates(ColumnMapping.CONSULTATIONS));
      Map<Integer, Integer> cappedColumns = new TreeMap<>();
      List<String> header = csv.header();
      for (int k = 0; k < header.size(); k++) {
        Matcher m = CAPPED.matcher(header.get(k));
        if (m.matches()) {
          cappedColumns.put(Integer.parseInt(m.group(1)), k);
        }
      }
      CommuneValues.Builder allValues = CommuneValues.builder();
      Map<Integer, CommuneValues.Builder> capped = new TreeMap<>();
      for (Integer cap : cappedColumns.keySet()) {
        capped.put(cap, CommuneValues.builder());
      }
      Map<String, Long> seen = new HashMap<>();
      List<String> f;
      while ((f = csv.next()) != null) {
        String c = PopulationCsv.commune(csv, f, code, seen);
        double a = PopulationCsv.nonNegative(csv, f, all, "consultations");
        allValues.add(c, a);
        for (Map.Entry<Integer, Integer> e : cappedColumns.entrySet()) {
          String what = header.get(e.getValue());
          double v = PopulationCsv.nonNegative(csv, f, e.getValue(), what);
          if (v > a * (1 + 1e-12)) {
            throw csv.error(what + " (" + f.get(e.getValue()).trim()
                + ") exceeds consultations of all doctors (" + f.get(all).trim() + ")");
          }
          capped.get(e.getKey()).add(c, v);
        }
      }
      if (seen.isEmpty()) {
        throw new InputException(csv.source(), 0, "no commune below the header");
      }
      SortedMap<Integer, Supply> underAge = new TreeMap<>();
      for (Map.Entry<Integer, CommuneValues.Builder> e : capped.entrySet()) {
        underAge.put(e.getKey(), Supply.of(e.getValue().build()));
      }
      return new Columns(Supply.of(allValues.build()), underAge);
    }
  }
}
