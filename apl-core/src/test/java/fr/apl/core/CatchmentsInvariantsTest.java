package fr.apl.core;

import static fr.apl.core.RelativeAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fr.apl.decay.BandEdges;
import fr.apl.decay.DistanceDecay;
import fr.apl.demand.Population;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.place.CommuneValues;
import fr.apl.supply.Supply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties that hold for any world, checked on the seeded random worlds of {@link RandomWorld}
 * and, for the thread count, on one world of 12 000 communes.
 */
class CatchmentsInvariantsTest {

  private static final DistanceDecay HALF_OPEN = DistanceDecay.dreesGeneralPractitioners();
  private static final DistanceDecay CLOSED_UPPER =
      DistanceDecay.dreesGeneralPractitioners(BandEdges.CLOSED_UPPER);

  static long[] seeds() {
    long[] s = new long[50];
    for (int k = 0; k < s.length; k++) {
      s[k] = 1001 + k;
    }
    return s;
  }

  /**
   * A variant with its own population gives, bit for bit, the APL of a computation on that
   * population; scaling the population by 2 halves APL exactly (a power of two); the conservation
   * check and the weighted mean use the variant's population; a population with other communes
   * is refused.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void populationVariantsEqualSeparateComputations(long seed) {
    RandomWorld w = RandomWorld.generate(seed);
    String where = "seed " + seed;
    Random rnd = new Random(seed ^ 0x2545F4914F6CDD1DL);
    Population base = w.populationValues();
    CommuneValues p = base.standardised();
    Map<String, Double> changes = new TreeMap<>();
    for (int k = 0; k < p.size(); k++) {
      if (rnd.nextDouble() < 0.3) {
        changes.put(p.code(k), rnd.nextDouble() < 0.2 ? 0.0 : rnd.nextDouble() * 5000);
      }
    }
    Population changed = base.with(changes);
    Population doubled = Population.standardised(p.scaled(2));
    Supply s = w.supplyValues();
    Catchments c = Apl.prepare(w.matrix(), HALF_OPEN);
    AplResult sweep = c.compute(
        base,
        List.of(
            Variant.of("apl", s),
            Variant.of("changed", s, changed),
            Variant.of("doubled", s, doubled),
            Variant.of("changed_again", s, changed)),
        2);
    AplResult alone = c.compute(changed, List.of(Variant.of("apl", s)), 1);
    AplResult plain = c.compute(base, List.of(Variant.of("apl", s)), 1);
    for (int k = 0; k < sweep.size(); k++) {
      String code = sweep.code(k);
      assertEquals(
          Double.doubleToRawLongBits(plain.apl(0, k)),
          Double.doubleToRawLongBits(sweep.apl(0, k)),
          where + ", base of " + code);
      assertEquals(
          Double.doubleToRawLongBits(alone.apl(0, k)),
          Double.doubleToRawLongBits(sweep.apl(1, k)),
          where + ", changed of " + code);
      assertEquals(
          Double.doubleToRawLongBits(alone.apl(0, k)),
          Double.doubleToRawLongBits(sweep.apl(3, k)),
          where + ", changed again of " + code);
      assertEquals(
          Double.doubleToRawLongBits(sweep.apl(0, k) / 2),
          Double.doubleToRawLongBits(sweep.apl(2, k)),
          where + ", doubled of " + code);
    }
    assertEquals(alone.weightedMean("apl"), sweep.weightedMean("changed"), 0.0, where);
    assertTrue(sweep.population("changed") == changed && sweep.population("apl") == base, where);
    VariantDiagnostics v = sweep.diagnostics().variants().get(1);
    VariantDiagnostics a = alone.diagnostics().variants().get(0);
    assertEquals(a.weightedAplSum(), v.weightedAplSum(), 0.0, where);
    assertEquals(a.populationWithoutSupply(), v.populationWithoutSupply(), 0.0, where);
    assertTrue(v.conservationRelativeError() < 1e-12, where + ": " + v);

    IllegalArgumentException unknown = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> base.with(Map.of("ZZZZZ", 1.0)));
    assertTrue(unknown.getMessage().startsWith("commune ZZZZZ is not in the population"), where);
    Population fewer = Population.standardised(p.with(new TreeMap<>(Map.of("ZZZZZ", 1.0))));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> c.compute(base, List.of(Variant.of("apl", s), Variant.of("other", s, fewer)), 1));
    assertEquals(
        "the population of variant other must have the same communes as the"
            + " computation's population",
        e.getMessage());
  }

  /**
   * Σ_i P_i·APL_i = Σ_j R_j·D_j = Σ_{D_j>0} S_j. In floating point the two sides differ by the
   * rounding of a few hundred positive terms, about 1e-14 relative; 1e-12 leaves room and still
   * catches a lost or doubled practice.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void supplyIsConserved(long seed) {
    RandomWorld w = RandomWorld.generate(seed);
    for (DistanceDecay decay : List.of(HALF_OPEN, CLOSED_UPPER)) {
      String where = "seed " + seed + ", " + decay;
      AplResult r = Apl.prepare(w.matrix(), decay)
          .compute(w.populationValues(), List.of(Variant.of("apl", w.supplyValues())), 1);
      VariantDiagnostics v = r.diagnostics().variants().get(0);
      CommuneValues pop = r.population().standardised();
      double weighted = 0;
      for (int k = 0; k < r.size(); k++) {
        weighted += pop.value(k) * r.apl(0, k);
      }
      CommuneValues s = w.supplyValues().consultationsPerYear();
      double reached = 0;
      double unreached = 0;
      for (int k = 0; k < s.size(); k++) {
        if (v.unreachedSupplyCommunes().contains(s.code(k))) {
          unreached += s.value(k);
        } else {
          reached += s.value(k);
        }
      }
      // A small world may reach no supply at all (seed 1017): then both sides are exactly 0.
      double error = reached > 0 ? Math.abs(weighted - reached) / reached : 0.0;
      if (reached == 0) {
        assertEquals(0.0, weighted, where);
      }
      assertTrue(error < 1e-12, where + ": Σ P·APL = " + weighted + ", reached supply " + reached);
      // Same sums in the same order as the diagnostics: the same bits.
      assertEquals(weighted, v.weightedAplSum(), where);
      assertEquals(reached, v.reachedSupply(), where);
      assertEquals(error, v.conservationRelativeError(), where);
      assertClose(unreached, v.unreachedSupply(), 1e-12, () -> where + ", unreached supply");
      assertClose(v.totalSupply(), reached + unreached, 1e-12, () -> where + ", total supply");
      assertTrue(v.unreachedSupply() > 0, where + ": the planted isolated practice is unreached");
    }
  }

  /**
   * APL is linear in supply at fixed demand. Doubling is exact in binary floating point
   * (2S/D = 2·(S/D), and every product and sum just doubles), so 2·S gives the bits of 2·APL;
   * S1 + S2 rounds differently from APL1 + APL2, within 1e-12.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aplIsLinearInSupply(long seed) {
    RandomWorld w = RandomWorld.generate(seed);
    String where = "seed " + seed;
    Random rnd = new Random(seed ^ 0x5DEECE66DL);
    double[] s2 = new double[w.size()];
    boolean[] in2 = new boolean[w.size()];
    double[] sum = new double[w.size()];
    boolean[] inSum = new boolean[w.size()];
    for (int i = 0; i < w.size(); i++) {
      in2[i] = rnd.nextDouble() < 0.3 || (!w.inMatrix[i] && !w.inPopulation[i]);
      s2[i] = in2[i] ? w.randomSupply(rnd, i) : 0.0;
      inSum[i] = w.inSupply[i] || in2[i];
      sum[i] = w.supply[i] + s2[i];
    }
    Supply s1 = w.supplyValues();
    Supply doubled = Supply.of(s1.consultationsPerYear().scaled(2));
    AplResult r = Apl.prepare(w.matrix(), HALF_OPEN)
        .compute(
            w.populationValues(),
            List.of(
                Variant.of("s1", s1),
                Variant.of("double", doubled),
                Variant.of("s2", w.supplyOf(s2, in2)),
                Variant.of("sum", w.supplyOf(sum, inSum))),
            1);
    for (int k = 0; k < r.size(); k++) {
      String code = r.code(k);
      double a1 = r.apl(0, k);
      if (Double.doubleToRawLongBits(2 * a1) != Double.doubleToRawLongBits(r.apl(1, k))) {
        fail(where + ", " + code + ": APL(2·S) = " + r.apl(1, k) + ", 2·APL(S) = " + 2 * a1);
      }
      int row = k;
      assertClose(
          a1 + r.apl(2, k),
          r.apl(3, k),
          1e-12,
          () -> where + ", APL(S1+S2) of " + code + " vs APL(S1) + APL(S2) = " + a1 + " + "
              + r.apl(2, row));
    }
    // A variant does not depend on the variants computed beside it.
    AplResult alone = Apl.prepare(w.matrix(), HALF_OPEN)
        .compute(w.populationValues(), List.of(Variant.of("s1", s1)), 1);
    for (int k = 0; k < r.size(); k++) {
      assertEquals(
          Double.doubleToRawLongBits(r.apl(0, k)),
          Double.doubleToRawLongBits(alone.apl(0, k)),
          where + ", " + r.code(k));
    }
  }

  /**
   * The matrix numbers communes by code, so the order of the records and of the declared
   * communes cannot change a single bit.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void recordOrderDoesNotChangeABit(long seed) {
    RandomWorld w = RandomWorld.generate(seed);
    String where = "seed " + seed;
    List<RandomWorld.Pair> shuffled = new ArrayList<>(w.records);
    Random rnd = new Random(seed * 31 + 7);
    Collections.shuffle(shuffled, rnd);
    List<String> declared = new ArrayList<>();
    for (int i = 0; i < w.size(); i++) {
      if (w.inMatrix[i]) {
        declared.add(w.codes[i]);
      }
    }
    Collections.shuffle(declared, rnd);
    // Records first, declared communes last: the reverse of RandomWorld.matrix().
    TravelTimeMatrix.Builder b = TravelTimeMatrix.builder();
    for (RandomWorld.Pair p : shuffled) {
      b.add(p.origin(), p.destination(), p.minutes());
    }
    declared.forEach(b::commune);
    TravelTimeMatrix m1 = w.matrix();
    TravelTimeMatrix m2 = b.build();
    assertArrayEquals(m1.codes(), m2.codes(), where);
    assertArrayEquals(m1.rowStart(), m2.rowStart(), where);
    assertArrayEquals(m1.destinations(), m2.destinations(), where);
    assertArrayEquals(m1.minutes(), m2.minutes(), where);

    List<Variant> scenarios = List.of(Variant.of("apl", w.supplyValues()));
    AplResult r1 = Apl.prepare(m1, HALF_OPEN).compute(w.populationValues(), scenarios, 1);
    AplResult r2 = Apl.prepare(m2, HALF_OPEN).compute(w.populationValues(), scenarios, 1);
    assertSameBits(r1, r2, where);
    assertEquals(r1.diagnostics(), r2.diagnostics(), where);
  }

  /**
   * Renaming the communes permutes their indices, hence the order of every sum: each APL moves by
   * a rounding at most, and zeros stay exact zeros.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void renamingCommunesPermutesTheResult(long seed) {
    RandomWorld w = RandomWorld.generate(seed);
    String where = "seed " + seed;
    Random rnd = new Random(seed * 17 + 3);
    List<String> fresh = new ArrayList<>();
    Set<String> used = new HashSet<>();
    while (fresh.size() < w.size()) {
      String c = String.format(Locale.ROOT, "%05d", rnd.nextInt(100000));
      if (used.add(c)) {
        fresh.add(c);
      }
    }
    Map<String, String> rename = new HashMap<>();
    for (int i = 0; i < w.size(); i++) {
      rename.put(w.codes[i], fresh.get(i));
    }
    TravelTimeMatrix.Builder b = TravelTimeMatrix.builder();
    for (RandomWorld.Pair p : w.records) {
      b.add(rename.get(p.origin()), rename.get(p.destination()), p.minutes());
    }
    for (int i = 0; i < w.size(); i++) {
      if (w.inMatrix[i]) {
        b.commune(rename.get(w.codes[i]));
      }
    }
    Map<String, Double> pop = new TreeMap<>();
    Map<String, Double> supply = new TreeMap<>();
    for (int i = 0; i < w.size(); i++) {
      if (w.inPopulation[i]) {
        pop.put(rename.get(w.codes[i]), w.population[i]);
      }
      if (w.inSupply[i]) {
        supply.put(rename.get(w.codes[i]), w.supply[i]);
      }
    }
    AplResult original = Apl.prepare(w.matrix(), CLOSED_UPPER)
        .compute(w.populationValues(), List.of(Variant.of("apl", w.supplyValues())), 1);
    AplResult renamed = Apl.prepare(b.build(), CLOSED_UPPER)
        .compute(
            Population.standardised(CommuneValues.of(pop)),
            List.of(Variant.of("apl", Supply.of(CommuneValues.of(supply)))),
            1);
    for (int k = 0; k < original.size(); k++) {
      String code = original.code(k);
      assertClose(
          original.apl(0, k),
          renamed.apl("apl", rename.get(code)),
          1e-12,
          () -> where + ", " + code + " renamed " + rename.get(code));
    }
    assertEquals(
        original.diagnostics().variants().get(0).unreachedSupplyCommunes().size(),
        renamed.diagnostics().variants().get(0).unreachedSupplyCommunes().size(),
        where);
  }

  /**
   * 12 000 communes make 6 chunks of 2 048 rows in Parallel, so 2 and 8 threads really split
   * the preparation and both gathers. Each output cell is still summed by one thread in a fixed order: the bits must
   * not move.
   */
  @Test
  void threadCountDoesNotChangeABit() {
    long seed = 20231;
    int n = 12_000;
    Random rnd = new Random(seed);
    String[] codes = new String[n];
    for (int i = 0; i < n; i++) {
      codes[i] = String.format(Locale.ROOT, "%02d%03d", 1 + i / 999, 1 + i % 999);
    }
    TravelTimeMatrix.Builder b = TravelTimeMatrix.builder();
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (rnd.nextDouble() < 0.5) {
        b.add(codes[i], codes[i], rnd.nextDouble() < 0.8 ? 0 : RandomWorld.randomMinutes(rnd));
        seen.add((long) i * n + i);
      }
      // Ten neighbours within 60 indices and two anywhere: rows of uneven length.
      int neighbours = 10 + rnd.nextInt(3);
      for (int q = 0; q < neighbours; q++) {
        int j = q < 10 ? Math.floorMod(i + rnd.nextInt(121) - 60, n) : rnd.nextInt(n);
        if (j != i && seen.add((long) i * n + j)) {
          b.add(codes[i], codes[j], RandomWorld.randomMinutes(rnd));
        }
      }
    }
    TravelTimeMatrix m = b.build();
    CommuneValues.Builder pop = CommuneValues.builder();
    CommuneValues.Builder s1 = CommuneValues.builder();
    CommuneValues.Builder s2 = CommuneValues.builder();
    for (int i = 0; i < n; i++) {
      if (rnd.nextDouble() < 0.98) {
        pop.add(codes[i], rnd.nextDouble() < 0.05 ? 0 : 5000 * rnd.nextDouble());
      }
      if (rnd.nextDouble() < 0.3) {
        s1.add(codes[i], 20000 * rnd.nextDouble());
      }
      if (rnd.nextDouble() < 0.1) {
        s2.add(codes[i], 20000 * rnd.nextDouble());
      }
    }
    pop.add("99001", 1234);
    Population population = Population.standardised(pop.build());
    List<Variant> scenarios = List.of(
        Variant.of("apl", Supply.of(s1.build())), Variant.of("apl_moins65", Supply.of(s2.build())));
    Catchments c = Apl.prepare(m, HALF_OPEN);
    // Catchments built on several threads (rows cut into up to 8 parts of the transposition)
    // are those of one thread, array for array.
    for (int threads : new int[] {2, 3, 8}) {
      assertTrue(c.sameArrays(Apl.prepare(m, HALF_OPEN, threads)), threads + " threads");
      assertTrue(
          Catchments.of(m, CLOSED_UPPER, 1).sameArrays(Catchments.of(m, CLOSED_UPPER, threads)),
          threads + " threads, closed upper");
    }
    assertTrue(!c.sameArrays(Catchments.of(m, CLOSED_UPPER, 1)), "the check can fail");
    AplResult one = c.compute(population, scenarios, 1);
    for (int threads : new int[] {2, 8}) {
      AplResult many = c.compute(population, scenarios, threads);
      String where = "seed " + seed + ", " + threads + " threads";
      assertSameBits(one, many, where);
      assertEquals(one.diagnostics(), many.diagnostics(), where);
      for (int k = 0; k < one.size(); k++) {
        assertEquals(one.practicesInReach(k), many.practicesInReach(k), where);
      }
    }
    VariantDiagnostics v = one.diagnostics().variants().get(0);
    assertTrue(
        v.conservationRelativeError() < 1e-12,
        "seed " + seed + ": conservation " + v.conservationRelativeError());
    assertEquals(List.of("99001"), one.diagnostics().populationNotInTimes());
  }

  private static void assertSameBits(AplResult a, AplResult b, String where) {
    assertEquals(a.size(), b.size(), where);
    assertEquals(a.variants(), b.variants(), where);
    for (int v = 0; v < a.variants().size(); v++) {
      for (int k = 0; k < a.size(); k++) {
        assertEquals(a.code(k), b.code(k), where);
        if (Double.doubleToRawLongBits(a.apl(v, k)) != Double.doubleToRawLongBits(b.apl(v, k))) {
          fail(where + ", variant " + a.variants().get(v) + ", " + a.code(k) + ": " + a.apl(v, k)
              + " vs " + b.apl(v, k));
        }
      }
    }
  }
}
