package fr.apl.io.csv;

import fr.apl.commune.CodeHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a commune code history: one row per old code, {@code ancien_code,code_actuel} (as the
 * COG table of merged communes; also {@code old_code,current_code} or {@code old,new}); other
 * columns, such as {@code nom_actuel}, are ignored.
 */
public final class CodeHistoryCsv {

  private static final String[] OLD = {"ancien_code", "old_code", "old", "codgeo_ini", "com_ini"};
  private static final String[] CURRENT =
      {"code_actuel", "current_code", "new_code", "new", "codgeo_fin", "com_fin"};

  private CodeHistoryCsv() {}

  /**
   * Reads a code history file.
   *
   * @throws InputException on a missing column, an empty code, an old code given twice with
   *     different current codes (a commune split), or a cycle
   */
  public static CodeHistory read(Path path, ReadOptions options) throws IOException {
    try (CsvReader csv = CsvReader.open(path, options.encoding())) {
      int old = csv.requireColumn("old code", OLD);
      int current = csv.requireColumn("current code", CURRENT);
      Map<String, String> map = new HashMap<>();
      Map<String, Long> lineOf = new HashMap<>();
      List<String> f;
      while ((f = csv.next()) != null) {
        String o = f.get(old).trim();
        String n = f.get(current).trim();
        if (o.isEmpty() || n.isEmpty()) {
          throw csv.error("old and current codes must not be empty");
        }
        String before = map.putIfAbsent(o, n);
        if (before != null && !before.equals(n)) {
          throw csv.error("old code " + o + " maps to " + n + " here and to " + before
              + " at line " + lineOf.get(o) + " (a split commune cannot be mapped to one code)");
        }
        lineOf.putIfAbsent(o, csv.line());
      }
      try {
        return CodeHistory.of(map);
      } catch (IllegalArgumentException e) {
        throw new InputException(csv.source(), 0, e.getMessage());
      }
    }
  }
}
