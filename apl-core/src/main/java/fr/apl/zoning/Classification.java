package fr.apl.zoning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds the class a rule gives each territory, and a summary per class.
 *
 * @param rule a one-line description of the rule and its parameters
 * @param classByTerritory class of each classified territory, in territory-code order
 *     (territories with no population are not classified)
 * @param summaries one summary per class, in the rule's class order (least served first)
 */
public record Classification(
    String rule, Map<String, String> classByTerritory, List<ClassSummary> summaries) {

  /**
   * Makes the collections immutable.
   *
   * @param rule a one-line description of the rule
   * @param classByTerritory class of each classified territory, non-null; copied in code order
   * @param summaries one summary per class, non-null; copied
   */
  public Classification {
    classByTerritory = Collections.unmodifiableMap(new TreeMap<>(classByTerritory));
    summaries = List.copyOf(summaries);
  }

  /** Builds the summaries of the given classes from the territories and their classes. */
  static Classification of(
      String rule,
      List<String> classes,
      List<TerritoryApl> territories,
      Map<String, String> classByTerritory) {
    double total = 0;
    for (TerritoryApl t : territories) {
      if (classByTerritory.containsKey(t.territory())) {
        total += t.population();
      }
    }
    List<ClassSummary> summaries = new ArrayList<>();
    for (String c : classes) {
      int n = 0;
      double pop = 0;
      double min = Double.NaN;
      double max = Double.NaN;
      for (TerritoryApl t : territories) {
        if (c.equals(classByTerritory.get(t.territory()))) {
          n++;
          pop += t.population();
          min = Double.isNaN(min) ? t.apl() : Math.min(min, t.apl());
          max = Double.isNaN(max) ? t.apl() : Math.max(max, t.apl());
        }
      }
      summaries.add(new ClassSummary(c, n, pop, total > 0 ? pop / total : 0, min, max));
    }
    return new Classification(rule, classByTerritory, summaries);
  }
}
