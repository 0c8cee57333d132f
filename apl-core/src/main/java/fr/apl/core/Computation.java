package fr.apl.core;

import fr.apl.demand.Population;
import fr.apl.engine.Kernel;
import fr.apl.place.CommuneValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Computes every variant of a run on a kernel, whatever its engine: matches the codes of the
 * population and supplies to the kernel's places, runs the method's two steps (each batched over
 * the distinct populations, then over the variants) and gathers the diagnostics. What {@link
 * Catchments#compute} and {@link Apl#compute(Kernel, Population, List, AccessMethod)} share.
 */
final class Computation {

  private Computation() {}

  /** Checks the arguments of a computation, before any pair is put on an engine. */
  static void check(Population population, List<Variant> scenarios, AccessMethod method) {
    if (method == null) {
      throw new IllegalArgumentException("the method must not be null");
    }
    if (population == null || scenarios == null || scenarios.isEmpty()) {
      throw new IllegalArgumentException("a population and at least one variant are needed");
    }
    TreeSet<String> names = new TreeSet<>();
    for (Variant s : scenarios) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("variant " + s.name() + " is given twice");
      }
    }
  }

  /** Computes every variant on the kernel; the arguments have been checked. */
  static AplResult run(
      Kernel kernel, Population population, List<Variant> scenarios, AccessMethod method) {
    CommuneValues pop = population.standardised();
    List<Population> populations = new ArrayList<>(scenarios.size());
    for (Variant s : scenarios) {
      Population own = s.population() == null ? population : s.population();
      if (own != population && !Arrays.equals(own.standardised().codes(), pop.codes())) {
        throw new IllegalArgumentException("the population of variant " + s.name()
            + " must have the same communes as the computation's population");
      }
      populations.add(own);
    }
    String[] codes = kernel.codes();
    int n = codes.length;
    // Codes are matched by merging sorted lists (no hashing). Communes of the population or of
    // the supplies that the matrix does not know get indices after the matrix's own, in code
    // order; they reach only themselves.
    int[] popIndex = match(codes, pop);
    int[][] supplyIndex = new int[scenarios.size()][];
    TreeSet<String> extraCodes = new TreeSet<>();
    for (int k = 0; k < pop.size(); k++) {
      if (popIndex[k] < 0) {
        extraCodes.add(pop.code(k));
      }
    }
    TreeSet<String> supplyNotInTimes = new TreeSet<>();
    TreeSet<String> supplyNotInPopulation = new TreeSet<>();
    for (int v = 0; v < scenarios.size(); v++) {
      CommuneValues sv = scenarios.get(v).supply().consultationsPerYear();
      supplyIndex[v] = match(codes, sv);
      for (int k = 0; k < sv.size(); k++) {
        String code = sv.code(k);
        if (supplyIndex[v][k] < 0) {
          extraCodes.add(code);
        }
        // Only communes with supply are worth a warning; a 0 row changes nothing.
        if (sv.value(k) > 0 && supplyIndex[v][k] < 0) {
          supplyNotInTimes.add(code);
        }
        if (sv.value(k) > 0 && !pop.contains(code)) {
          supplyNotInPopulation.add(code);
        }
      }
    }
    String[] extras = extraCodes.toArray(new String[0]);
    resolveExtras(codes, pop, popIndex, extras);
    for (int v = 0; v < scenarios.size(); v++) {
      resolveExtras(
          codes, scenarios.get(v).supply().consultationsPerYear(), supplyIndex[v], extras);
    }
    int size = n + extras.length;
    List<String> populationNotInTimes = new ArrayList<>();
    for (int k = 0; k < pop.size(); k++) {
      if (popIndex[k] >= n) {
        populationNotInTimes.add(pop.code(k));
      }
    }
    Gathers gathers = new Gathers(size, kernel);
    // Step 1 once per distinct population (by identity), all in one batch. The diagnostics
    // (supply reached, practices in reach) read the weighted demand of E2SFCA, whatever the
    // method: it is step 1 itself for E2SFCA and M2SFCA, one more batched gather otherwise.
    Map<Population, Integer> distinct = new IdentityHashMap<>();
    List<double[]> placedPopulations = new ArrayList<>();
    for (Population own : populations) {
      if (!distinct.containsKey(own)) {
        distinct.put(own, placedPopulations.size());
        placedPopulations.add(placed(own.standardised(), popIndex, size));
      }
    }
    double[][] p = placedPopulations.toArray(new double[0][]);
    double[][] demandOf = new double[p.length][size];
    method.demands(gathers, p, demandOf);
    double[][] reachOf = demandOf;
    if (!(method instanceof E2sfca)) {
      reachOf = new double[p.length][size];
      gathers.sumOverResidences(p, reachOf);
    }

    int variants = scenarios.size();
    double[][] apl = new double[variants][pop.size()];
    int[] practicesInReach = new int[pop.size()];
    List<VariantDiagnostics> checks = new ArrayList<>(variants);
    // Step 2 for every variant in one batch: one pass over the pairs for all of them.
    double[][] supplies = new double[variants][size];
    double[][] variantDemand = new double[variants][];
    for (int v = 0; v < variants; v++) {
      CommuneValues sv = scenarios.get(v).supply().consultationsPerYear();
      int[] where = supplyIndex[v];
      for (int k = 0; k < sv.size(); k++) {
        supplies[v][where[k]] = sv.value(k);
      }
      variantDemand[v] = demandOf[distinct.get(populations.get(v))];
    }
    double[][] accesses = new double[variants][size];
    method.accesses(gathers, supplies, variantDemand, accesses);
    for (int v = 0; v < variants; v++) {
      Variant scenario = scenarios.get(v);
      CommuneValues sv = scenario.supply().consultationsPerYear();
      CommuneValues vp = populations.get(v).standardised();
      double[] reach = reachOf[distinct.get(populations.get(v))];
      int[] where = supplyIndex[v];
      double[] s = supplies[v];
      double[] access = accesses[v];
      double weightedSum = 0;
      int without = 0;
      double popWithout = 0;
      for (int k = 0; k < pop.size(); k++) {
        double a = access[popIndex[k]];
        apl[v][k] = a;
        weightedSum += vp.value(k) * a;
        if (a == 0) {
          without++;
          popWithout += vp.value(k);
        }
      }
      double totalSupply = 0;
      double reached = 0;
      double unreached = 0;
      List<String> unreachedCodes = new ArrayList<>();
      for (int k = 0; k < sv.size(); k++) {
        double value = sv.value(k);
        totalSupply += value;
        if (reach[where[k]] > 0) {
          reached += value;
        } else if (value > 0) {
          unreached += value;
          unreachedCodes.add(sv.code(k));
        }
      }
      double error = reached > 0 ? Math.abs(weightedSum - reached) / reached : 0.0;
      checks.add(new VariantDiagnostics(
          scenario.name(),
          totalSupply,
          reached,
          weightedSum,
          error,
          unreachedCodes,
          unreached,
          without,
          popWithout));
      if (v == 0) {
        countPracticesInReach(
            gathers, kernel.selfWeight(), s, reach, popIndex, n, practicesInReach);
      }
    }
    int timesNotInPopulation = n - (pop.size() - populationNotInTimes.size());
    Diagnostics diagnostics = new Diagnostics(
        pop.size(),
        kernel.pairCount(),
        kernel.pairsInReach(),
        kernel.selfPairsAdded(),
        kernel.duplicatePairs(),
        populationNotInTimes,
        new ArrayList<>(supplyNotInTimes),
        new ArrayList<>(supplyNotInPopulation),
        timesNotInPopulation,
        checks);
    List<String> variantNames = new ArrayList<>(variants);
    for (Variant s : scenarios) {
      variantNames.add(s.name());
    }
    return new AplResult(population, populations, variantNames, apl, practicesInReach, diagnostics);
  }

  /** Returns the standardised population as a vector of places. */
  private static double[] placed(CommuneValues pop, int[] popIndex, int size) {
    double[] p = new double[size];
    for (int k = 0; k < pop.size(); k++) {
      p[popIndex[k]] = pop.value(k);
    }
    return p;
  }

  /**
   * Counts, for each population commune, the practice communes it reaches that have supply and
   * demand both above 0. Branch-free, in parallel: one pass over the pairs.
   */
  private static void countPracticesInReach(
      Gathers gathers,
      double selfWeight,
      double[] supply,
      double[] demand,
      int[] popIndex,
      int n,
      int[] out) {
    int[] byRow = new int[n];
    gathers.countReached(supply, demand, byRow);
    for (int k = 0; k < popIndex.length; k++) {
      int i = popIndex[k];
      out[k] = i < n ? byRow[i] : (selfWeight > 0 && supply[i] > 0 && demand[i] > 0 ? 1 : 0);
    }
  }

  /**
   * Returns the matrix index of each commune of {@code values}, or -1 when the matrix does not
   * know it. Both code lists are sorted with {@link String#compareTo}: one merge, O(n + m).
   */
  private static int[] match(String[] codes, CommuneValues values) {
    int[] out = new int[values.size()];
    int m = 0;
    for (int k = 0; k < values.size(); k++) {
      String code = values.code(k);
      while (m < codes.length && codes[m].compareTo(code) < 0) {
        m++;
      }
      out[k] = m < codes.length && codes[m].equals(code) ? m : -1;
    }
    return out;
  }

  /** Replaces the -1 of {@link #match} by the index of the commune among the extras. */
  private static void resolveExtras(
      String[] codes, CommuneValues values, int[] index, String[] extras) {
    for (int k = 0; k < index.length; k++) {
      if (index[k] < 0) {
        int e = Arrays.binarySearch(extras, values.code(k));
        if (e < 0) {
          throw new IllegalStateException("commune " + values.code(k) + " has no index");
        }
        index[k] = codes.length + e;
      }
    }
  }
}
