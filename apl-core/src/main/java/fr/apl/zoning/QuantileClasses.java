package fr.apl.zoning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Classifies into classes cut at national population shares, the method of the other
 * professions' zonings (nurses: 5.3 % très sous-dotée, 9.4 % sous-dotée, 36.6 % intermédiaire,
 * 20.4 % très dotée, 28.3 % sur-dotée): territories ranked by APL (lowest first; ties by code)
 * fill the classes in order. A cut that falls inside a territory puts that territory in the
 * lower class (the class in which its population starts). The APL thresholds that result are in
 * {@link ClassSummary#maxApl()}.
 *
 * @param names class names, least served first
 * @param shares population shares of the classes, &gt; 0, adding up to 1 (± 0.001)
 */
public record QuantileClasses(List<String> names, double[] shares) implements ZoningRule {

  /** Class names of the five-class zonings, least served first. */
  public static final List<String> FIVE_CLASSES =
      List.of("tres_sous_dotee", "sous_dotee", "intermediaire", "tres_dotee", "sur_dotee");

  /**
   * Validates the shares.
   *
   * @param names class names, least served first, non-null; copied
   * @param shares population shares, &gt; 0, adding up to 1 (± 0.001), one per name; copied
   * @throws IllegalArgumentException on fewer than two classes, a count mismatch or bad shares
   */
  public QuantileClasses {
    names = List.copyOf(names);
    shares = shares.clone();
    if (names.size() != shares.length || shares.length < 2) {
      throw new IllegalArgumentException("need as many class names as shares, at least two");
    }
    double sum = 0;
    for (double s : shares) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("class shares must be > 0, given: " + s);
      }
      sum += s;
    }
    if (Math.abs(sum - 1) > 1e-3) {
      throw new IllegalArgumentException(
          "class shares must add up to 100 %, given: " + 100 * sum + " %");
    }
  }

  /**
   * Returns five classes with the given shares (the nurses' zoning: 0.053, 0.094, …).
   *
   * @param shares five population shares, least served first, adding up to 1
   * @return the rule with {@link #FIVE_CLASSES}
   * @throws IllegalArgumentException on a count other than five or bad shares
   */
  public static QuantileClasses five(double... shares) {
    return new QuantileClasses(FIVE_CLASSES, shares);
  }

  @Override
  public List<String> classes() {
    return names;
  }

  /** {@return the population shares of the classes, in class order; a copy} */
  @Override
  public double[] shares() {
    return shares.clone();
  }

  @Override
  public Classification classify(List<TerritoryApl> territories) {
    List<TerritoryApl> ranked = ZoningRule.ranked(territories);
    double total = 0;
    for (TerritoryApl t : ranked) {
      total += t.population();
    }
    double[] cutEnd = new double[shares.length];
    double acc = 0;
    for (int k = 0; k < shares.length; k++) {
      acc += shares[k];
      cutEnd[k] = acc * total;
    }
    cutEnd[shares.length - 1] = Double.POSITIVE_INFINITY;
    Map<String, String> out = new TreeMap<>();
    double before = 0;
    int k = 0;
    for (TerritoryApl t : ranked) {
      while (before >= cutEnd[k] - 1e-12 * total) {
        k++;
      }
      out.put(t.territory(), names.get(k));
      before += t.population();
    }
    List<String> parts = new ArrayList<>();
    for (int q = 0; q < shares.length; q++) {
      parts.add(String.format(Locale.ROOT, "%s %.1f %%", names.get(q), 100 * shares[q]));
    }
    return Classification.of(
        "population-share classes: " + String.join(", ", parts), names, territories, out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuantileClasses q
        && names.equals(q.names)
        && java.util.Arrays.equals(shares, q.shares);
  }

  @Override
  public int hashCode() {
    return names.hashCode() * 31 + java.util.Arrays.hashCode(shares);
  }

  @Override
  public String toString() {
    return "QuantileClasses" + names + java.util.Arrays.toString(shares);
  }
}
