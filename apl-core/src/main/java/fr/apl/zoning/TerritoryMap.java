package fr.apl.zoning;

import java.util.Map;
import java.util.TreeMap;

/**
 * Holds the territory of each commune (TVS, bassin de vie, EPCI, department…) and optionally its
 * region, as read from a table {@code commune,territory[,region]}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TerritoryMap {

  private final Map<String, String> territoryByCommune;
  private final Map<String, String> regionByCommune;

  private TerritoryMap(
      Map<String, String> territoryByCommune, Map<String, String> regionByCommune) {
    this.territoryByCommune = territoryByCommune;
    this.regionByCommune = regionByCommune;
  }

  /**
   * Returns a map.
   *
   * @param territoryByCommune territory code of each commune, non-empty codes
   * @param regionByCommune region of each commune, or null when regions are not known
   * @return the map; both tables are copied
   * @throws IllegalArgumentException on an empty or null commune or territory code
   */
  public static TerritoryMap of(
      Map<String, String> territoryByCommune, Map<String, String> regionByCommune) {
    for (Map.Entry<String, String> e : territoryByCommune.entrySet()) {
      if (e.getKey() == null
          || e.getKey().isEmpty()
          || e.getValue() == null
          || e.getValue().isEmpty()) {
        throw new IllegalArgumentException("empty commune or territory code: " + e);
      }
    }
    return new TerritoryMap(
        new TreeMap<>(territoryByCommune),
        regionByCommune == null ? null : new TreeMap<>(regionByCommune));
  }

  /**
   * Returns the territory of a commune. O(log n).
   *
   * @param commune a commune code
   * @return the territory code, or null when the table does not list the commune
   */
  public String territory(String commune) {
    return territoryByCommune.get(commune);
  }

  /**
   * Returns the region of a commune. O(log n).
   *
   * @param commune a commune code
   * @return the region code, or null when the table has no regions or no region for it
   */
  public String region(String commune) {
    return regionByCommune == null ? null : regionByCommune.get(commune);
  }

  /** {@return true when the table gives regions} */
  public boolean hasRegions() {
    return regionByCommune != null;
  }

  /** {@return the communes listed, in code order; a read-only view} */
  public Iterable<String> communes() {
    return territoryByCommune.keySet();
  }

  /** {@return the number of communes listed} */
  public int size() {
    return territoryByCommune.size();
  }
}
