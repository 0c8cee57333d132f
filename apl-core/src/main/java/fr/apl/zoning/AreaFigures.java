package fr.apl.zoning;

import java.util.List;
import java.util.Map;

/**
 * Holds the figures that reports quote for one area (France, a region, a department): how many
 * communes and inhabitants lie below each APL threshold, the weighted mean and deciles of APL, for
 * each APL variant, and the population share of each zoning class.
 *
 * @param level {@code france}, {@code region} or {@code department}
 * @param code the area's code ({@code FR} for France)
 * @param communes number of communes with an APL
 * @param population their population (weights)
 * @param variants figures of each APL variant, in the order given
 * @param classShares population share of each class, in the rule's order (empty without zoning)
 */
public record AreaFigures(
    String level,
    String code,
    int communes,
    double population,
    List<VariantFigures> variants,
    Map<String, Double> classShares) {

  /**
   * Holds the figures of one APL variant over an area.
   *
   * @param variant the variant's column name, e.g. {@code apl}
   * @param mean mean APL weighted by population (NaN with no population)
   * @param deciles weighted deciles D1…D9: the lowest APL below or at which at least q of the
   *     population lives
   * @param thresholds the APL thresholds (1, 2.5, 4)
   * @param communesBelow communes with APL strictly below each threshold
   * @param populationBelow their population
   */
  public record VariantFigures(
      String variant,
      double mean,
      double[] deciles,
      double[] thresholds,
      int[] communesBelow,
      double[] populationBelow) {

    /**
     * Returns the population share below threshold {@code k}.
     *
     * @param k the threshold's index in {@link #thresholds()}
     * @param population the area's population (weights), as in {@link AreaFigures#population()}
     * @return a share in [0, 1], or NaN when {@code population} is not &gt; 0
     */
    public double shareBelow(int k, double population) {
      return population > 0 ? populationBelow[k] / population : Double.NaN;
    }
  }
}
