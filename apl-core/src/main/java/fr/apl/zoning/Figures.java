package fr.apl.zoning;

import fr.apl.place.CommuneValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes {@link AreaFigures} by area. APL thresholds are those of the DREES maps: 1 (very low),
 * 2.5 (the zip threshold) and 4 (the vivier one); "below" is strict, as in the map classes
 * [0; 2.5[, [2.5; 4[, [4; +∞[.
 */
public final class Figures {

  /** The thresholds: 1, 2.5 and 4 consultations per year per inhabitant. */
  public static final double[] THRESHOLDS = {1.0, 2.5, 4.0};

  private Figures() {}

  /**
   * Computes the figures of each area.
   *
   * @param level the level's name ({@code france}, {@code region}, {@code department})
   * @param areaOfCommune area code of each commune; communes absent are left out of this level
   * @param variants APL by commune, by variant name, in output order; the first variant's
   *     communes are the communes counted, and every other variant must have them all
   * @param weight population by commune
   * @param classOfCommune zoning class of each commune (empty: no class shares)
   * @param classes class names in order
   * @return one entry per area, in area-code order
   * @throws IllegalArgumentException when a variant lacks a commune of the first
   */
  public static List<AreaFigures> byArea(
      String level,
      Map<String, String> areaOfCommune,
      Map<String, CommuneValues> variants,
      CommuneValues weight,
      Map<String, String> classOfCommune,
      List<String> classes) {
    CommuneValues first = variants.values().iterator().next();
    for (Map.Entry<String, CommuneValues> v : variants.entrySet()) {
      for (int k = 0; k < first.size(); k++) {
        if (!v.getValue().contains(first.code(k))) {
          throw new IllegalArgumentException("variant " + v.getKey() + " has no value for commune "
              + first.code(k) + ": every variant needs the communes of the first");
        }
      }
    }
    Map<String, List<String>> communesByArea = new TreeMap<>();
    for (int k = 0; k < first.size(); k++) {
      String area = areaOfCommune.get(first.code(k));
      if (area != null) {
        communesByArea.computeIfAbsent(area, a -> new ArrayList<>()).add(first.code(k));
      }
    }
    List<AreaFigures> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : communesByArea.entrySet()) {
      List<String> communes = e.getValue();
      double population = 0;
      for (String c : communes) {
        population += weight.get(c);
      }
      List<AreaFigures.VariantFigures> vf = new ArrayList<>();
      for (Map.Entry<String, CommuneValues> v : variants.entrySet()) {
        vf.add(variant(v.getKey(), v.getValue(), weight, communes, population));
      }
      Map<String, Double> shares = new LinkedHashMap<>();
      if (!classOfCommune.isEmpty()) {
        for (String cls : classes) {
          double p = 0;
          for (String c : communes) {
            if (cls.equals(classOfCommune.get(c))) {
              p += weight.get(c);
            }
          }
          shares.put(cls, population > 0 ? p / population : Double.NaN);
        }
      }
      out.add(new AreaFigures(level, e.getKey(), communes.size(), population, vf, shares));
    }
    return out;
  }

  private static AreaFigures.VariantFigures variant(
      String name,
      CommuneValues apl,
      CommuneValues weight,
      List<String> communes,
      double population) {
    int n = communes.size();
    double[] a = new double[n];
    double[] w = new double[n];
    Integer[] order = new Integer[n];
    double weighted = 0;
    int[] below = new int[THRESHOLDS.length];
    double[] popBelow = new double[THRESHOLDS.length];
    for (int k = 0; k < n; k++) {
      a[k] = apl.get(communes.get(k));
      w[k] = weight.get(communes.get(k));
      order[k] = k;
      weighted += w[k] * a[k];
      for (int t = 0; t < THRESHOLDS.length; t++) {
        if (a[k] < THRESHOLDS[t]) {
          below[t]++;
          popBelow[t] += w[k];
        }
      }
    }
    // Communes are already in code order, so a stable sort by APL breaks ties by code.
    Arrays.sort(order, (x, y) -> Double.compare(a[x], a[y]));
    double[] deciles = new double[9];
    Arrays.fill(deciles, Double.NaN);
    if (population > 0) {
      double cum = 0;
      int q = 0;
      for (int k = 0; k < n && q < 9; k++) {
        cum += w[order[k]];
        while (q < 9 && cum >= (q + 1) / 10.0 * population * (1 - 1e-12)) {
          deciles[q++] = a[order[k]];
        }
      }
    }
    return new AreaFigures.VariantFigures(
        name,
        population > 0 ? weighted / population : Double.NaN,
        deciles,
        THRESHOLDS.clone(),
        below,
        popBelow);
  }
}
