package fr.apl.zoning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Classifies by regional population ceilings, the 2021 method: within each region, territories
 * are ranked by APL (lowest first; ties by territory code) and enter {@code zip} while the zip
 * population stays within {@code zipShare} of the regional population, then {@code zac} within
 * {@code zacShare}; the rest is {@code hors_zonage}.
 *
 * <p>Ranks are strict: once a territory does not fit in zip, no territory after it is zip. A
 * ceiling that falls inside a territory leaves that territory out of the class by default (a
 * ceiling is never exceeded); {@code includeCrossing} takes it in instead. The regional
 * population is that of the region's classified territories; a territory belongs to the region
 * holding most of its population.
 *
 * @param ceilings zip and zac shares by region code, each in [0, 1] with zip + zac ≤ 1
 * @param includeCrossing whether the territory in which a ceiling falls enters the class
 */
public record RegionalCeilings(Map<String, Ceiling> ceilings, boolean includeCrossing)
    implements ZoningRule {

  /**
   * Holds one region's ceilings.
   *
   * @param zipShare share of the regional population in zip, in [0, 1]
   * @param zacShare share in zac, in [0, 1], zipShare + zacShare ≤ 1
   */
  public record Ceiling(double zipShare, double zacShare) {
    /**
     * Validates the shares.
     *
     * @param zipShare share in zip, in [0, 1]
     * @param zacShare share in zac, in [0, 1], zipShare + zacShare ≤ 1
     * @throws IllegalArgumentException when a share is negative or NaN or they add up to more
     *     than 1
     */
    public Ceiling {
      if (!(zipShare >= 0 && zacShare >= 0 && zipShare + zacShare <= 1 + 1e-12)) {
        throw new IllegalArgumentException("ceilings must be shares in [0, 1] adding up to at"
            + " most 1, given: zip " + zipShare + ", zac " + zacShare);
      }
    }
  }

  /**
   * Copies the map.
   *
   * @param ceilings ceilings by region code, non-null; copied in code order
   * @param includeCrossing whether the territory in which a ceiling falls enters the class
   */
  public RegionalCeilings {
    ceilings = java.util.Collections.unmodifiableMap(new TreeMap<>(ceilings));
  }

  @Override
  public List<String> classes() {
    return List.of("zip", "zac", "hors_zonage");
  }

  @Override
  public Classification classify(List<TerritoryApl> territories) {
    Map<String, List<TerritoryApl>> byRegion = new TreeMap<>();
    for (TerritoryApl t : ZoningRule.ranked(territories)) {
      if (t.region() == null) {
        throw new IllegalArgumentException("territory " + t.territory() + " has no region:"
            + " regional ceilings need the region of each commune");
      }
      byRegion.computeIfAbsent(t.region(), r -> new ArrayList<>()).add(t);
    }
    List<String> missing = new ArrayList<>();
    for (String r : byRegion.keySet()) {
      if (!ceilings.containsKey(r)) {
        missing.add(r);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("no ceilings for region(s) " + String.join(", ", missing));
    }
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, List<TerritoryApl>> e : byRegion.entrySet()) {
      Ceiling c = ceilings.get(e.getKey());
      double total = 0;
      for (TerritoryApl t : e.getValue()) {
        total += t.population();
      }
      double zipCap = c.zipShare() * total;
      double zacCap = c.zacShare() * total;
      // Tolerance of a few ulps so that a ceiling met exactly is not missed by rounding.
      double slack = 1e-12 * total;
      double zip = 0;
      double zac = 0;
      boolean zipOpen = true;
      boolean zacOpen = true;
      for (TerritoryApl t : e.getValue()) {
        double p = t.population();
        if (zipOpen) {
          if (zip + p <= zipCap + slack || (includeCrossing && zip < zipCap - slack)) {
            zip += p;
            out.put(t.territory(), "zip");
            continue;
          }
          zipOpen = false;
        }
        if (zacOpen) {
          if (zac + p <= zacCap + slack || (includeCrossing && zac < zacCap - slack)) {
            zac += p;
            out.put(t.territory(), "zac");
            continue;
          }
          zacOpen = false;
        }
        out.put(t.territory(), "hors_zonage");
      }
    }
    return Classification.of(
        String.format(
            Locale.ROOT,
            "regional ceilings (%d regions), ranked" + " by APL, crossing territory %s",
            ceilings.size(),
            includeCrossing ? "included" : "left out"),
        classes(),
        territories,
        out);
  }
}
