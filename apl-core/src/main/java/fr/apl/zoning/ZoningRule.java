package fr.apl.zoning;

import java.util.List;

/**
 * Classifies territories from their APL. Implementations are immutable and thread-safe; a
 * territory with no population (APL NaN) is never classified.
 */
public interface ZoningRule {

  /** {@return the class names, least served first; immutable} */
  List<String> classes();

  /**
   * Classifies the territories (in any order; the result does not depend on it).
   *
   * @param territories the territories with their APL and population, non-null
   * @return the class of each territory with an APL, and a summary per class
   * @throws IllegalArgumentException when the rule lacks what it needs (a region, its ceilings)
   */
  Classification classify(List<TerritoryApl> territories);

  /**
   * Sorts territories by APL, lowest first, ties by territory code: the order of every rank rule.
   *
   * @param territories the territories, non-null; not changed
   * @return a new list without the territories whose APL is NaN
   */
  static List<TerritoryApl> ranked(List<TerritoryApl> territories) {
    List<TerritoryApl> out = new java.util.ArrayList<>();
    for (TerritoryApl t : territories) {
      if (!Double.isNaN(t.apl())) {
        out.add(t);
      }
    }
    out.sort(java.util.Comparator.comparingDouble(TerritoryApl::apl)
        .thenComparing(TerritoryApl::territory));
    return out;
  }
}
