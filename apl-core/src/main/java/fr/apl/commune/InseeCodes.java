package fr.apl.commune;

/**
 * Checks INSEE commune codes and says how to repair the usual spreadsheet damage.
 *
 * <p>A commune code has 5 characters: a department ({@code 01}–{@code 19}, {@code 21}–{@code 95},
 * {@code 2A}, {@code 2B}) and a 3-digit commune number from {@code 001}, or an overseas department
 * {@code 971}–{@code 976} and a 2-digit number. The municipal arrondissements of Paris
 * ({@code 75101}–{@code 75120}), Lyon ({@code 69381}–{@code 69389}) and Marseille
 * ({@code 13201}–{@code 13216}) fit that pattern and are valid. Department {@code 20} was split
 * into 2A and 2B in 1976; a code {@code 20xxx} comes from an old file or a spreadsheet.
 *
 * <p>Stateless and thread-safe; no method accepts null.
 */
public final class InseeCodes {

  private InseeCodes() {}

  /**
   * Returns true when {@code code} is a well-formed INSEE commune (or arrondissement) code.
   *
   * @param code the code to check, non-null
   * @return true for five characters: department 01-95 (not 20), 2A or 2B and three digits not
   *     {@code 000}, or 971-976 and two digits not {@code 00}
   */
  public static boolean isValid(String code) {
    if (code.length() != 5) {
      return false;
    }
    char a = code.charAt(0);
    char b = code.charAt(1);
    if (a == '2' && (b == 'A' || b == 'B')) {
      return digits(code, 2) && !code.endsWith("000");
    }
    if (!digits(code, 0)) {
      return false;
    }
    int department = (a - '0') * 10 + (b - '0');
    if (department == 97) {
      char c = code.charAt(2);
      return c >= '1' && c <= '6' && !code.endsWith("00");
    }
    return department >= 1 && department <= 95 && department != 20 && !code.endsWith("000");
  }

  /**
   * Returns what is wrong with a code that is not valid and how to repair it, or null when the
   * code is valid. The first sentence says what is wrong; the suggestion, when there is one, is
   * given by {@link #suggestion(String)}.
   *
   * @param code the code to check, non-null
   * @return one sentence naming the code, or null when the code is valid
   */
  public static String problem(String code) {
    if (isValid(code)) {
      return null;
    }
    if (code.isEmpty()) {
      return "commune code is empty";
    }
    if (suggestion(code) != null && code.length() < 5) {
      return "commune code " + code + " has lost its leading zero";
    }
    if (code.length() == 5 && code.startsWith("20") && digits(code, 0)) {
      return "commune code " + code + " uses department 20: Corsica is 2A or 2B since 1976";
    }
    return "not an INSEE commune code: " + code;
  }

  /**
   * Returns the code that was most likely meant, or null: {@code 1001} → {@code 01001} (a
   * spreadsheet dropped the zero), {@code 1001.0} → {@code 01001}, {@code 2a004} →
   * {@code 2A004}. A Corsican {@code 20xxx} has no single suggestion (2A or 2B).
   *
   * @param code the code as read, non-null
   * @return a valid code different from {@code code}, or null when there is none to suggest
   */
  public static String suggestion(String code) {
    String c = code.trim();
    int dot = c.indexOf('.');
    if (dot > 0 && c.substring(dot + 1).chars().allMatch(ch -> ch == '0')) {
      c = c.substring(0, dot);
    }
    if (c.length() == 5 && (c.startsWith("2a") || c.startsWith("2b"))) {
      c = c.toUpperCase(java.util.Locale.ROOT);
    }
    if (c.length() == 4 && digits(c, 0)) {
      c = "0" + c;
    }
    return !c.equals(code) && isValid(c) ? c : null;
  }

  /**
   * Returns the hint to show for an invalid code.
   *
   * @param code the invalid code as read, non-null
   * @return how to repair it: the suggested code, the two Corsican codes, or the expected format
   */
  public static String hint(String code) {
    String s = suggestion(code);
    if (s != null) {
      return "write " + s + " (format the column as text in the spreadsheet)";
    }
    if (code.length() == 5 && code.startsWith("20") && digits(code, 0)) {
      return "write 2A" + code.substring(2) + " (Corse-du-Sud) or 2B" + code.substring(2)
          + " (Haute-Corse), or map old codes with a code history";
    }
    return "expected 5 characters: department 01-95, 2A or 2B and 3 digits, or 971-976 and"
        + " 2 digits";
  }

  private static boolean digits(String s, int from) {
    for (int k = from; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
