package fr.apl.io.csv;

import fr.apl.commune.CodeHistory;
import fr.apl.problem.Check;
import fr.apl.problem.Problems;
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
  private static final String[] CURRENT = {
    "code_actuel", "current_code", "new_code", "new", "codgeo_fin", "com_fin"
  };

  private CodeHistoryCsv() {}

  /**
   * Reads a code history file, the first error thrown.
   *
   * @param path the code history file ({@code ancien_code,code_actuel}), CSV plain or gzip
   * @param options encoding and column names, non-null
   * @return the history, chains resolved
   * @throws IOException when the file cannot be read
   * @throws InputException on a missing column, an empty code, an old code given twice with
   *     different current codes (a commune split), or a cycle
   */
  public static CodeHistory read(Path path, ReadOptions options) throws IOException {
    return ReadContext.failFast(options, ctx -> read(path, ctx));
  }

  /**
   * Reads a code history file once, reporting every problem to the context's collector.
   *
   * @param path the code history file, CSV plain or gzip
   * @param ctx read options and the collector of problems, non-null
   * @return the history, or null when the file has an error (reported)
   * @throws IOException when the file cannot be read
   */
  public static CodeHistory read(Path path, ReadContext ctx) throws IOException {
    long errorsBefore = ctx.problems().errors();
    try (CsvReader csv = CsvReader.open(path, ctx)) {
      if (csv == null) {
        return null;
      }
      Problems out = ctx.problems();
      String file = csv.source();
      List<String> header = csv.header();
      int old = Rules.find(header, OLD);
      int current = Rules.find(header, CURRENT);
      if (old < 0 || current < 0) {
        out.add(
            Check.MISSING_COLUMN,
            file,
            1,
            String.join(",", header),
            "no " + (old < 0 ? "old code" : "current code") + " column: expected one of "
                + String.join(", ", old < 0 ? OLD : CURRENT),
            "the COG table of old codes has ancien_code and" + " code_actuel");
        return null;
      }
      Map<String, String> map = new HashMap<>();
      Map<String, Long> lineOf = new HashMap<>();
      List<String> f;
      while ((f = csv.next()) != null) {
        String o = f.get(old).trim();
        String n = f.get(current).trim();
        if (o.isEmpty() || n.isEmpty()) {
          out.add(
              Check.INVALID_CODE,
              file,
              csv.line(),
              null,
              "old and current codes must not" + " be empty",
              "fill in both codes or remove the row");
          continue;
        }
        String before = map.putIfAbsent(o, n);
        if (before != null && !before.equals(n)) {
          out.add(
              Check.DUPLICATE_COMMUNE,
              file,
              csv.line(),
              o,
              "old code maps to " + n + " here and to " + before + " at line " + lineOf.get(o),
              "a split commune cannot" + " be mapped to one code");
        }
        lineOf.putIfAbsent(o, csv.line());
      }
      if (out.errors() > errorsBefore) {
        return null;
      }
      try {
        return CodeHistory.of(map);
      } catch (IllegalArgumentException e) {
        out.add(
            Check.INVALID_VALUE,
            file,
            0,
            null,
            e.getMessage(),
            "old codes must lead to a" + " current code");
        return null;
      }
    }
  }
}
