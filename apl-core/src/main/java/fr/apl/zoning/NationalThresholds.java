package fr.apl.zoning;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Classifies by fixed APL thresholds, the 2017 national method (arrêté du 13 novembre 2017):
 * APL ≤ 2.5 → {@code zip} (national selection); 2.5 &lt; APL ≤ 4 → {@code vivier}; APL &gt; 4 →
 * {@code hors_zonage}. Thresholds and which side is inclusive are settable.
 *
 * @param zipMax upper threshold of zip, finite
 * @param vivierMax upper threshold of vivier, finite, &gt;= zipMax
 * @param upperInclusive true for APL ≤ threshold (the arrêté), false for APL &lt; threshold
 */
public record NationalThresholds(double zipMax, double vivierMax, boolean upperInclusive)
    implements ZoningRule {

  /**
   * Validates the thresholds.
   *
   * @param zipMax upper threshold of zip, finite
   * @param vivierMax upper threshold of vivier, finite, &gt;= zipMax
   * @param upperInclusive true for APL ≤ threshold
   * @throws IllegalArgumentException on a non-finite threshold or vivierMax &lt; zipMax
   */
  public NationalThresholds {
    if (!Double.isFinite(zipMax) || !Double.isFinite(vivierMax) || vivierMax < zipMax) {
      throw new IllegalArgumentException(
          "thresholds must be finite and increasing, given: " + zipMax + ", " + vivierMax);
    }
  }

  /** {@return the 2017 rule: ≤ 2.5 zip, ≤ 4 vivier} */
  public static NationalThresholds of2017() {
    return new NationalThresholds(2.5, 4.0, true);
  }

  @Override
  public List<String> classes() {
    return List.of("zip", "vivier", "hors_zonage");
  }

  @Override
  public Classification classify(List<TerritoryApl> territories) {
    Map<String, String> out = new TreeMap<>();
    for (TerritoryApl t : territories) {
      double a = t.apl();
      if (Double.isNaN(a)) {
        continue;
      }
      boolean zip = upperInclusive ? a <= zipMax : a < zipMax;
      boolean vivier = upperInclusive ? a <= vivierMax : a < vivierMax;
      out.put(t.territory(), zip ? "zip" : vivier ? "vivier" : "hors_zonage");
    }
    String op = upperInclusive ? "<=" : "<";
    return Classification.of(
        String.format(
            Locale.ROOT,
            "national thresholds: zip if APL %s %s, vivier if APL %s %s, else hors_zonage",
            op,
            zipMax,
            op,
            vivierMax),
        classes(),
        territories,
        out);
  }
}
