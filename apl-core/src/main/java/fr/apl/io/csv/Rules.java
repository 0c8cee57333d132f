package fr.apl.io.csv;

import fr.apl.commune.Arrondissements;
import fr.apl.commune.CodeHistory;
import fr.apl.commune.InseeCodes;
import fr.apl.problem.Check;
import fr.apl.problem.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The rules every reader applies to a header and to the fields of a row, each written once with
 * its one message: commune codes, counts, columns, Paris/Lyon/Marseille given twice. A rule
 * reports to a {@link Problems} collector and returns what the reader keeps (null or NaN for a
 * bad field), so that a reader goes on to the end of its file and lists every problem.
 */
final class Rules {

  private Rules() {}

  // ---------------------------------------------------------------- codes

  /**
   * Checks a commune code field; returns it trimmed, or null when it is empty or (with {@code
   * seen}) given twice, both reported.
   *
   * @param seen codes seen so far in the file with their first line, or null when a code may
   *     repeat (doctors)
   */
  static String communeCode(
      ReadContext ctx, String file, long line, String text, Map<String, Long> seen, String what) {
    String c = text.trim();
    if (c.isEmpty()) {
      ctx.problems()
          .add(
              Check.INVALID_CODE,
              file,
              line,
              null,
              what + " code is empty",
              "fill in the code or remove the row");
      return null;
    }
    if (ctx.isInvalidCode(c)) {
      reportCode(ctx.problems(), file, line, c, "");
    }
    if (seen != null) {
      Long first = seen.putIfAbsent(c, line);
      if (first != null) {
        ctx.problems()
            .add(
                Check.DUPLICATE_COMMUNE,
                file,
                line,
                c,
                what + " is given twice," + " first at line " + first,
                "keep one row per commune");
        return null;
      }
    }
    return c;
  }

  /** Reports a code that is not an INSEE code, with its suggestion. */
  static void reportCode(Problems out, String file, long line, String code, String more) {
    String s = InseeCodes.suggestion(code);
    Check check = s != null && code.length() == 4
        ? Check.LEADING_ZERO
        : code.length() == 5 && code.startsWith("20") && code.chars().allMatch(Character::isDigit)
            ? Check.CORSICA_20
            : Check.INVALID_CODE;
    String message = check == Check.LEADING_ZERO
        ? "commune code lost its leading zero"
        : check == Check.CORSICA_20
            ? "commune code uses department 20: Corsica is 2A or 2B" + " since 1976"
            : "not an INSEE commune code";
    out.add(check, file, line, code, message + more, InseeCodes.hint(code));
  }

  /** Returns true when a code is wrong for these rules: not an INSEE code nor an old one. */
  static boolean isInvalidCode(boolean inseeCodes, CodeHistory history, String c) {
    return inseeCodes && InseeCodes.problem(c) != null && !history.isOld(c);
  }

  // ---------------------------------------------------------------- numbers

  /**
   * Parses a count: a finite number &gt;= 0; reports and returns NaN otherwise.
   *
   * @param owner the commune or doctor the value belongs to, or null
   */
  static double count(
      Problems out,
      String file,
      long line,
      String text,
      String subject,
      String owner,
      String hint) {
    String t = text.trim();
    double v = Numbers.parse(t);
    if (v >= 0 && v != Double.POSITIVE_INFINITY) {
      return v; // the usual case: no message built
    }
    String what = owner == null ? subject : subject + " of " + owner;
    if (isSpecial(t, v)) {
      out.add(Check.NOT_FINITE, file, line, t, what + " must be finite", hint);
      return Double.NaN;
    }
    if (Double.isNaN(v)) {
      out.add(
          Check.NOT_A_NUMBER,
          file,
          line,
          "'" + t + "'",
          what + " must be a number",
          "write digits with a decimal point or comma, no thousands separator");
      return Double.NaN;
    }
    // What is left is a finite negative number.
    out.add(Check.NEGATIVE, file, line, t, what + " must be >= 0", hint);
    return Double.NaN;
  }

  /** The most inhabitants a commune can have: more is a unit or data mistake (Paris: 2.1e6). */
  static final double MAX_POPULATION = 1e9;
  /** The most consultations a commune or a doctor can count in a year (France: 3e8 in all). */
  static final double MAX_ACTS = 1e8;
  /** The most full-time equivalents one practitioner can count at one practice. */
  static final double MAX_FTE = 10;
  /** The largest age weight: DREES weights are 0.5 to 2.4 times the national mean. */
  static final double MAX_AGE_WEIGHT = 1e3;

  /**
   * Parses a count as {@link #count} does, and refuses one above {@code max}, a value no real
   * input has (its arithmetic would overflow or lose every other commune).
   */
  static double bounded(
      Problems out,
      String file,
      long line,
      String text,
      String subject,
      String owner,
      String hint,
      double max) {
    double v = count(out, file, line, text, subject, owner, hint);
    if (v > max) {
      out.add(
          Check.ABSURD_VALUE,
          file,
          line,
          text.trim(),
          (owner == null ? subject : subject + " of " + owner) + " is above " + show(max),
          "check the unit and the" + " column: no real input comes near");
      return Double.NaN;
    }
    return v;
  }

  private static String show(double v) {
    return String.format(Locale.ROOT, "%.0e", v).replace("e+0", "e").replace("e+", "e");
  }

  /** Returns true for a NaN or infinite value, or text that spells one (refused by Numbers). */
  static boolean isSpecial(String trimmed, double v) {
    if (Double.isInfinite(v)) {
      return true;
    }
    if (!Double.isNaN(v)) {
      return false;
    }
    String low = trimmed.toLowerCase(Locale.ROOT);
    return low.equals("nan") || low.replace("-", "").replace("+", "").startsWith("inf");
  }

  // ---------------------------------------------------------------- files and columns

  /** Reports a file with a header and no data row. */
  static void headerOnly(Problems out, String file, String message) {
    out.add(Check.HEADER_ONLY, file, 0, null, message, "the file has a header and no data row");
  }

  /** Returns the index of the first header name equal (ignoring case) to one of names, or -1. */
  static int find(List<String> header, String... names) {
    for (String n : names) {
      for (int k = 0; k < header.size(); k++) {
        if (header.get(k).equalsIgnoreCase(n)) {
          return k;
        }
      }
    }
    return -1;
  }

  /** Reports a missing column; returns false when it is missing. */
  static boolean requireColumn(
      Problems out,
      String file,
      long line,
      List<String> header,
      int index,
      String what,
      String key,
      ColumnMapping names) {
    if (index >= 0) {
      return true;
    }
    String given = names.get(key);
    out.add(
        Check.MISSING_COLUMN,
        file,
        line,
        String.join(",", header),
        "no " + what + " column: expected "
            + (given != null ? "'" + given + "' (column mapping) or " : "") + "one of "
            + String.join(", ", ColumnMapping.defaults(key)),
        "rename the column, or name it in the column mapping: " + key + "=NAME");
    return false;
  }

  /** Reports header names given twice (ignoring case); returns true when there is none. */
  static boolean uniqueColumns(Problems out, String file, long line, List<String> header) {
    Map<String, Integer> seen = new HashMap<>();
    boolean ok = true;
    for (int k = 0; k < header.size(); k++) {
      String n = header.get(k).toLowerCase(Locale.ROOT);
      Integer first = seen.putIfAbsent(n, k);
      if (first != null && !n.isEmpty()) {
        out.add(
            Check.DUPLICATE_COLUMN,
            file,
            line,
            null,
            "column " + header.get(k) + " appears twice (fields " + (first + 1) + " and " + (k + 1)
                + ")",
            "rename or remove one of them");
        ok = false;
      }
    }
    return ok;
  }

  /**
   * Reports columns used for two roles (e.g. a mapping that names the commune column as the
   * population); returns true when every role has its own column.
   *
   * @param roles role names, in the order of {@code columns}
   * @param columns the column index of each role, -1 for a role without column
   */
  static boolean distinctRoles(
      Problems out, String file, long line, List<String> header, String[] roles, int[] columns) {
    boolean ok = true;
    for (int a = 0; a < columns.length; a++) {
      for (int b = a + 1; b < columns.length; b++) {
        if (columns[a] >= 0 && columns[a] == columns[b]) {
          out.add(
              Check.MISSING_COLUMN,
              file,
              line,
              header.get(columns[a]),
              "one column is" + " used both as " + roles[a] + " and as " + roles[b],
              "name a column of its own" + " for each in the column mapping");
          ok = false;
        }
      }
    }
    return ok;
  }

  // ---------------------------------------------------------------- arrondissements

  /** Reports a municipality given both whole and by arrondissement in one file. */
  static void wholeAndArrondissements(Problems out, String file, Map<String, Long> codes) {
    for (Arrondissements.City city : Arrondissements.CITIES) {
      Long whole = codes.get(city.code());
      if (whole == null) {
        continue;
      }
      TreeSet<String> parts = new TreeSet<>();
      for (String c : codes.keySet()) {
        if (city.code().equals(Arrondissements.municipalityOf(c))) {
          parts.add(c);
        }
      }
      if (!parts.isEmpty()) {
        out.add(
            Check.ARRONDISSEMENTS_AND_WHOLE,
            file,
            whole,
            city.code() + " and " + Problems.firstCodes(new ArrayList<>(parts)),
            city.name() + " is given both as a whole and by" + " arrondissement",
            "give the arrondissements " + city.arrondissements() + " only, as DREES does"
                + " (the whole would be counted twice)");
      }
    }
  }
}
