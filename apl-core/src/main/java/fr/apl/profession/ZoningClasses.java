package fr.apl.profession;

import java.util.List;
import java.util.Locale;

/**
 * Holds the zoning classes of a profession: the rule and its values, as {@code apl zoning} takes
 * them.
 *
 * <ul>
 *   <li>{@code national}: two APL thresholds, the upper bounds of {@code zip} and {@code vivier}
 *       (general practitioners: 2.5 and 4, arrêté du 13 novembre 2017);
 *   <li>{@code quantiles}: the population shares in percent of the five classes, least served
 *       first (nurses: 5.3, 9.4, 36.6, 20.4, 28.3).
 * </ul>
 *
 * @param rule {@code national} or {@code quantiles}
 * @param values the thresholds (2, increasing) or the shares (5, &gt; 0, adding up to 100 ± 0.1)
 */
public record ZoningClasses(String rule, List<Double> values) {

  /**
   * Validates the rule and its values.
   *
   * @param rule {@code national} or {@code quantiles}
   * @param values as the rule needs; copied
   * @throws IllegalArgumentException on another rule, or values the rule cannot take
   */
  public ZoningClasses {
    if (rule == null) {
      throw new IllegalArgumentException("the zoning rule must be national or quantiles");
    }
    values = List.copyOf(values);
    for (double v : values) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(
            "zoning values must be finite and > 0, given: " + values);
      }
    }
    switch (rule) {
      case "national":
        if (values.size() != 2 || !(values.get(0) < values.get(1))) {
          throw new IllegalArgumentException(
              "the national rule takes two increasing thresholds (zip, vivier), given: " + values);
        }
        break;
      case "quantiles":
        double sum = 0;
        for (double v : values) {
          sum += v;
        }
        if (values.size() != 5 || Math.abs(sum - 100) > 0.1) {
          throw new IllegalArgumentException("the quantiles rule takes five population shares in"
              + " percent adding up to 100, given: " + values);
        }
        break;
      default:
        throw new IllegalArgumentException(
            "the zoning rule must be national or quantiles, given: " + rule);
    }
  }

  /** {@return the values as {@code apl zoning} writes them: {@code 2.5,4}} */
  public String valuesText() {
    StringBuilder b = new StringBuilder();
    for (double v : values) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v));
    }
    return b.toString();
  }
}
