package fr.apl.zoning;

import fr.apl.place.CommuneValues;
import java.util.Map;
import java.util.TreeMap;

/** Builds the small inputs of the zoning tests from alternating codes and values. */
final class Worlds {

  private Worlds() {}

  /** Builds values from alternating codes and numbers: {@code values("A", 300, "B", 600)}. */
  static CommuneValues values(Object... codeThenValue) {
    CommuneValues.Builder b = CommuneValues.builder();
    for (int k = 0; k < codeThenValue.length; k += 2) {
      b.add((String) codeThenValue[k], ((Number) codeThenValue[k + 1]).doubleValue());
    }
    return b.build();
  }

  /** Builds a map from alternating keys and values: {@code pairs("A", "T1", "B", "T1")}. */
  static Map<String, String> pairs(String... keyThenValue) {
    Map<String, String> m = new TreeMap<>();
    for (int k = 0; k < keyThenValue.length; k += 2) {
      m.put(keyThenValue[k], keyThenValue[k + 1]);
    }
    return m;
  }

  /** Builds a territory map from triples commune, territory, region. */
  static TerritoryMap withRegions(String... communeTerritoryRegion) {
    Map<String, String> t = new TreeMap<>();
    Map<String, String> r = new TreeMap<>();
    for (int k = 0; k < communeTerritoryRegion.length; k += 3) {
      t.put(communeTerritoryRegion[k], communeTerritoryRegion[k + 1]);
      r.put(communeTerritoryRegion[k], communeTerritoryRegion[k + 2]);
    }
    return TerritoryMap.of(t, r);
  }

  /** Builds a territory map without regions from pairs commune, territory. */
  static TerritoryMap withoutRegions(String... communeTerritory) {
    return TerritoryMap.of(pairs(communeTerritory), null);
  }

  /** Builds a territory directly, bypassing the aggregation. */
  static TerritoryApl territory(String code, String region, double population, double apl) {
    return new TerritoryApl(code, region, 1, population, apl);
  }
}
