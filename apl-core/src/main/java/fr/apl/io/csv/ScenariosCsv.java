package fr.apl.io.csv;

import fr.apl.supply.Supply;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads supply scenarios: {@code scenario,commune,consultations} (the commune's supply in that
 * scenario) or {@code scenario,commune,delta} (added to the base supply; negative for a
 * retirement). Communes a scenario does not list keep the base supply. Scenarios come out in
 * the order of their first row.
 */
public final class ScenariosCsv {

  private ScenariosCsv() {}

  /**
   * Reads a scenario file and applies it to a base supply.
   *
   * @param base the supply the scenarios change (all doctors)
   * @return the supply of each scenario, by name, in file order
   * @throws InputException on a bad name, number, a commune given twice in one scenario, or a
   *     delta that makes a supply negative
   */
  public static Map<String, Supply> read(Path path, Supply base) throws IOException {
    try (CsvReader csv = CsvReader.open(path)) {
      int name = csv.requireColumn("scenario", "scenario");
      int code = csv.requireColumn("commune", PopulationCsv.COMMUNE);
      int set = csv.column("consultations");
      int delta = csv.column("delta");
      if ((set < 0) == (delta < 0)) {
        throw new InputException(csv.source(), 1, "expected one of the columns consultations"
            + " (new supply) or delta (change of supply); header is: "
            + String.join(",", csv.header()));
      }
      Map<String, Map<String, Double>> changes = new LinkedHashMap<>();
      Map<String, Long> seen = new HashMap<>();
      List<String> f;
      while ((f = csv.next()) != null) {
        String s = f.get(name).trim();
        if (!s.matches("[A-Za-z0-9_-]+")) {
          throw csv.error("scenario name must be letters, digits, '_' or '-', given: '" + s + "'");
        }
        String c = f.get(code).trim();
        if (c.isEmpty()) {
          throw csv.error("commune code is empty");
        }
        Long first = seen.putIfAbsent(s + "\u0000" + c, csv.line());
        if (first != null) {
          throw csv.error("commune " + c + " is given twice in scenario " + s + " (first at line "
              + first + ")");
        }
        double value;
        if (set >= 0) {
          value = PopulationCsv.nonNegative(csv, f, set, "consultations");
        } else {
          double d = csv.number(f, delta, "delta");
          value = base.consultationsPerYear().get(c) + d;
          if (!(value >= 0) || Double.isInfinite(value)) {
            throw csv.error("delta " + f.get(delta).trim() + " makes the supply of " + c
                + " negative (" + value + ")");
          }
        }
        changes.computeIfAbsent(s, x -> new TreeMap<>()).put(c, value);
      }
      if (changes.isEmpty()) {
        throw new InputException(csv.source(), 0, "no scenario below the header");
      }
      Map<String, Supply> out = new LinkedHashMap<>();
      for (Map.Entry<String, Map<String, Double>> e : changes.entrySet()) {
        out.put(e.getKey(), base.with(e.getValue()));
      }
      return out;
    }
  }
}
