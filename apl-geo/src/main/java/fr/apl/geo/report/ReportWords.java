package fr.apl.geo.report;

import fr.apl.geo.MapClasses;
import java.util.Locale;

/**
 * Writes the report's words and numbers in one language: French groups thousands with a narrow
 * no-break space (U+202F, the "espace fine insécable") and writes a decimal comma, {@code 12 122}
 * and {@code 2,5}; English writes {@code 12,122} and {@code 2.5}. Never reads the machine's
 * locale. Immutable.
 */
final class ReportWords {

  /** The French thousands separator and the space before {@code %}: a narrow no-break space. */
  static final char THIN = '\u202f';

  private final boolean french;

  ReportWords(boolean french) {
    this.french = french;
  }

  /** {@return true for French} */
  boolean french() {
    return french;
  }

  /** {@return a fixed text in this language} */
  String t(ReportText text) {
    return text.in(french);
  }

  /** {@return a fixed text with its {@code %s} filled} */
  String t(ReportText text, Object... args) {
    return String.format(Locale.ROOT, text.in(french), args);
  }

  /** {@return a number rounded to a whole one, thousands grouped: 12 122} */
  String integer(double v) {
    return decimal(v, 0);
  }

  /** {@return a number with this many decimals, thousands grouped: 3,53} */
  String decimal(double v, int digits) {
    if (Double.isNaN(v)) {
      return "–";
    }
    String s = String.format(Locale.ROOT, "%." + digits + "f", v);
    boolean negative = s.startsWith("-");
    if (negative) {
      s = s.substring(1);
    }
    int dot = s.indexOf('.');
    String whole = dot < 0 ? s : s.substring(0, dot);
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < whole.length(); k++) {
      if (k > 0 && (whole.length() - k) % 3 == 0) {
        b.append(french ? THIN : ',');
      }
      b.append(whole.charAt(k));
    }
    if (dot >= 0) {
      b.append(french ? ',' : '.').append(s, dot + 1, s.length());
    }
    // -0 (a tiny negative rounded) is written 0.
    boolean zero = b.toString().replaceAll("[^1-9]", "").isEmpty();
    return (negative && !zero ? "-" : "") + b;
  }

  /** {@return a threshold or break as DREES writes it: 2,5 and 4 (no trailing zero)} */
  String threshold(double v) {
    String s = MapClasses.number(v);
    return french ? s.replace('.', ',') : s;
  }

  /** {@return a share in [0, 1] as a percentage with one decimal: 5,3 % or 5.3%} */
  String percent(double share) {
    return decimal(100 * share, 1) + (french ? THIN + "%" : "%");
  }

  /**
   * Returns a count and its noun, singular or plural: French takes the singular for 0 and 1
   * ("0 commune", "1 habitant"), English for 1 only.
   *
   * @param n the count, rounded to a whole number
   * @param one the singular noun
   * @param many the plural noun
   * @return e.g. {@code 53 communes}
   */
  String count(double n, ReportText one, ReportText many) {
    return integer(n) + " " + t(singular(n) ? one : many);
  }

  /** {@return true when a count takes the singular in this language} */
  boolean singular(double n) {
    long r = Math.round(n);
    return french ? r <= 1 : r == 1;
  }

  /** {@return a class label with this language's decimal mark: [2,5 ; 4[ in French} */
  String classLabel(String label) {
    return french ? label.replace('.', ',').replace("; ", " ; ") : label;
  }
}
