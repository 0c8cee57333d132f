package fr.apl.zoning;

import fr.apl.commune.Arrondissements;
import fr.apl.place.CommuneValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates commune APL to territories: territory APL = Σ w_i · APL_i / Σ w_i over its communes,
 * w the resident population (DREES, médecins) or the standardised population (nurses).
 *
 * <p>A commune missing from the territory table is reported, never dropped silently. An
 * arrondissement of Paris, Lyon or Marseille missing from the table takes the territory of its
 * municipality when the table lists that (and is reported as such). Sums run in commune-code
 * order: the same inputs give the same bits.
 *
 * @param territories territories in code order, those with no population included (APL NaN)
 * @param communeTerritory territory of each commune with an APL and a territory, in code order
 * @param communesWithoutTerritory communes with an APL that the table does not list
 * @param arrondissementsMapped arrondissements given the territory of their municipality
 * @param territoriesWithoutPopulation territories whose communes weigh 0 in total
 * @param tableCommunesWithoutApl communes of the table that have no APL
 */
public record Aggregation(
    List<TerritoryApl> territories,
    Map<String, String> communeTerritory,
    List<String> communesWithoutTerritory,
    List<String> arrondissementsMapped,
    List<String> territoriesWithoutPopulation,
    int tableCommunesWithoutApl) {

  /**
   * Makes the collections immutable.
   *
   * @param territories territories in code order, non-null; copied
   * @param communeTerritory territory of each commune, non-null; copied in code order
   * @param communesWithoutTerritory communes the table does not list, non-null; copied
   * @param arrondissementsMapped arrondissements given their municipality's territory; copied
   * @param territoriesWithoutPopulation territories whose communes weigh 0; copied
   * @param tableCommunesWithoutApl communes of the table that have no APL, &gt;= 0
   */
  public Aggregation {
    territories = List.copyOf(territories);
    communeTerritory = java.util.Collections.unmodifiableMap(new TreeMap<>(communeTerritory));
    communesWithoutTerritory = List.copyOf(communesWithoutTerritory);
    arrondissementsMapped = List.copyOf(arrondissementsMapped);
    territoriesWithoutPopulation = List.copyOf(territoriesWithoutPopulation);
  }

  /**
   * Aggregates.
   *
   * @param apl APL by commune
   * @param weight population by commune (a commune with no weight weighs 0)
   * @param map territory (and region) of each commune
   * @return the territories and what was reported; O(communes log territories)
   */
  public static Aggregation of(CommuneValues apl, CommuneValues weight, TerritoryMap map) {
    Map<String, double[]> sums = new TreeMap<>(); // territory -> {Σw·apl, Σw, communes}
    Map<String, Map<String, Double>> regionWeight = new TreeMap<>();
    Map<String, String> communeTerritory = new TreeMap<>();
    List<String> without = new ArrayList<>();
    List<String> mapped = new ArrayList<>();
    for (int k = 0; k < apl.size(); k++) {
      String c = apl.code(k);
      String t = map.territory(c);
      String regionKey = c;
      if (t == null) {
        String city = Arrondissements.municipalityOf(c);
        t = city == null ? null : map.territory(city);
        if (t != null) {
          mapped.add(c);
          regionKey = city;
        }
      }
      if (t == null) {
        without.add(c);
        continue;
      }
      communeTerritory.put(c, t);
      double w = weight.get(c);
      double[] s = sums.computeIfAbsent(t, x -> new double[3]);
      s[0] += w * apl.value(k);
      s[1] += w;
      s[2] += 1;
      String r = map.region(regionKey);
      if (r != null) {
        regionWeight.computeIfAbsent(t, x -> new TreeMap<>()).merge(r, w, Double::sum);
      }
    }
    List<TerritoryApl> out = new ArrayList<>(sums.size());
    List<String> empty = new ArrayList<>();
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      double[] s = e.getValue();
      if (!(s[1] > 0)) {
        empty.add(e.getKey());
      }
      out.add(new TerritoryApl(
          e.getKey(),
          majority(regionWeight.get(e.getKey())),
          (int) s[2],
          s[1],
          s[1] > 0 ? s[0] / s[1] : Double.NaN));
    }
    int tableWithout = 0;
    for (String c : map.communes()) {
      if (!apl.contains(c) && !isCityOfGivenArrondissements(c, mapped)) {
        tableWithout++;
      }
    }
    return new Aggregation(out, communeTerritory, without, mapped, empty, tableWithout);
  }

  private static boolean isCityOfGivenArrondissements(String city, List<String> mapped) {
    for (String a : mapped) {
      if (city.equals(Arrondissements.municipalityOf(a))) {
        return true;
      }
    }
    return false;
  }

  /** Returns the region with the largest weight (ties: the smallest code), or null. */
  private static String majority(Map<String, Double> weights) {
    if (weights == null) {
      return null;
    }
    String best = null;
    double most = -1;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best;
  }
}
