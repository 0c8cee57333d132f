package fr.apl.zoning;

import fr.apl.place.CommuneValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Zones territories: aggregates commune APL to territories, classifies them with a rule, then
 * applies the classes forced by decision, kept apart from the rule's.
 *
 * <p>Immutable; the same inputs give the same zoning, in territory-code order.
 *
 * @param aggregation territory APL and what the aggregation reported
 * @param classification the rule's classes and their summary
 * @param territories one row per territory, in code order
 * @param forcedUnknown territories of the forced-class table that no commune belongs to
 */
public record Zoning(
    Aggregation aggregation,
    Classification classification,
    List<ZonedTerritory> territories,
    List<String> forcedUnknown) {

  /**
   * Makes the lists immutable.
   *
   * @param aggregation territory APL and what the aggregation reported
   * @param classification the rule's classes and their summary
   * @param territories one row per territory, non-null; copied
   * @param forcedUnknown forced territories no commune belongs to, non-null; copied
   */
  public Zoning {
    territories = List.copyOf(territories);
    forcedUnknown = List.copyOf(forcedUnknown);
  }

  /**
   * Zones.
   *
   * @param apl APL by commune
   * @param weight population by commune
   * @param map territory and region of each commune
   * @param rule the classification rule
   * @param forced class forced by decision, by territory (empty for none); each one of the
   *     rule's {@link ZoningRule#classes()}
   * @return the zoning, territories in code order
   * @throws IllegalArgumentException when a forced class is not one of the rule's, or the rule
   *     lacks what it needs (a region, its ceilings)
   */
  public static Zoning of(
      CommuneValues apl,
      CommuneValues weight,
      TerritoryMap map,
      ZoningRule rule,
      Map<String, String> forced) {
    for (Map.Entry<String, String> e : forced.entrySet()) {
      if (!rule.classes().contains(e.getValue())) {
        throw new IllegalArgumentException("class forced on territory " + e.getKey()
            + " must be one of the rule's classes " + String.join(", ", rule.classes())
            + ", given: '" + e.getValue() + "'");
      }
    }
    Aggregation a = Aggregation.of(apl, weight, map);
    Classification c = rule.classify(a.territories());
    List<ZonedTerritory> rows = new ArrayList<>(a.territories().size());
    TreeMap<String, String> unknown = new TreeMap<>(forced);
    for (TerritoryApl t : a.territories()) {
      String ruleClass = c.classByTerritory().get(t.territory());
      String f = forced.get(t.territory());
      unknown.remove(t.territory());
      rows.add(new ZonedTerritory(t, ruleClass, f, f != null ? f : ruleClass));
    }
    return new Zoning(a, c, rows, new ArrayList<>(unknown.keySet()));
  }

  /**
   * {@return the final class of each commune (that of its territory), in commune-code order}
   * Communes whose territory has no class are left out. The map is new and read-only.
   */
  public Map<String, String> communeClasses() {
    Map<String, String> byTerritory = new TreeMap<>();
    for (ZonedTerritory z : territories) {
      if (z.finalClass() != null) {
        byTerritory.put(z.apl().territory(), z.finalClass());
      }
    }
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : aggregation.communeTerritory().entrySet()) {
      String cls = byTerritory.get(e.getValue());
      if (cls != null) {
        out.put(e.getKey(), cls);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Compares with a previous zoning: territories whose final class changed, appeared or went.
   *
   * @param previousClass final class of each territory before
   * @param previousApl APL of each territory before (missing entries count as NaN)
   * @return the changes, in territory-code order
   */
  public List<ClassChange> changesFrom(
      Map<String, String> previousClass, Map<String, Double> previousApl) {
    Map<String, ZonedTerritory> now = new TreeMap<>();
    for (ZonedTerritory z : territories) {
      now.put(z.apl().territory(), z);
    }
    java.util.TreeSet<String> all = new java.util.TreeSet<>(now.keySet());
    all.addAll(previousClass.keySet());
    List<ClassChange> out = new ArrayList<>();
    for (String t : all) {
      ZonedTerritory z = now.get(t);
      String before = previousClass.get(t);
      String after = z == null ? null : z.finalClass();
      if (!java.util.Objects.equals(before, after)) {
        out.add(new ClassChange(
            t,
            before,
            after,
            previousApl.getOrDefault(t, Double.NaN),
            z == null ? Double.NaN : z.apl().apl()));
      }
    }
    return out;
  }
}
