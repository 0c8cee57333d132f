package fr.apl.benchmarks;

import fr.apl.core.Apl;
import fr.apl.core.AplResult;
import fr.apl.core.Catchments;
import fr.apl.core.Variant;
import fr.apl.decay.BandEdges;
import fr.apl.decay.Decay;
import fr.apl.decay.Decays;
import fr.apl.decay.DistanceDecay;
import fr.apl.demand.Population;
import fr.apl.internal.Parallel;
import fr.apl.internal.TwoStepKernel;
import fr.apl.matrix.TravelTimeMatrix;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures a computation on prepared catchments, and the bare two-step kernel under it.
 *
 * <p>{@link #compute}: {@link Catchments#compute} on the synthetic France world (one supply
 * variant, 1 or 2 threads): both gathers plus matching population and supply codes to the matrix,
 * the diagnostics and the result. {@link #gatherBothSteps}: {@link TwoStepKernel#gather} by
 * practice (demand), {@link TwoStepKernel#ratio}, then gather by residence (access), on exactly 3
 * million random pairs among 35 000 communes, one thread: the floor of {@link #compute}, per pair.
 * {@link #prepareAndCompute} and {@link #computeDecayed}: the same world under the DREES bands or a
 * continuous decay (gaussian:10, cutoff 20 minutes half-open), the catchments built in the
 * measured call or beforehand.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms2g", "-Xmx2g"})
public class KernelBenchmark {

  /** The synthetic France world, prepared once; {@code threads} is what {@link #compute} uses. */
  @State(Scope.Benchmark)
  public static class Prepared {
    @Param({"1", "2"})
    int threads;

    Catchments catchments;
    Population population;
    List<Variant> scenarios;

    /** Builds the matrix and the catchments under the DREES decay. */
    @Setup(Level.Trial)
    public void setUp() {
      SyntheticFrance world = SyntheticFrance.standard();
      catchments = Apl.prepare(world.matrix(), DistanceDecay.dreesGeneralPractitioners());
      population = world.population();
      scenarios = List.of(Variant.of("apl", world.supply()));
      System.out.println(
          "# " + world.summary() + "; " + catchments.pairsInReach() + " pairs in reach");
    }
  }

  /**
   * The synthetic France world under one decay: {@code bands} (the DREES GP bands) or {@code
   * gaussian} (gaussian:10 within 20 minutes, half-open, so the same pairs are in reach: the world
   * keeps pairs up to 20.0 minutes and drops those at exactly 20.0 as the bands do).
   */
  @State(Scope.Benchmark)
  public static class Decayed {
    @Param({"bands", "gaussian"})
    String decay;

    @Param({"1", "2"})
    int threads;

    TravelTimeMatrix matrix;
    Decay weights;
    Catchments catchments;
    Population population;
    List<Variant> scenarios;

    /** Builds the matrix, the decay and catchments for {@link #computeDecayed}. */
    @Setup(Level.Trial)
    public void setUp() {
      SyntheticFrance world = SyntheticFrance.standard();
      matrix = world.matrix();
      weights = decay.equals("bands")
          ? DistanceDecay.dreesGeneralPractitioners()
          : Decays.parse("gaussian:10", 20.0, BandEdges.HALF_OPEN);
      catchments = Apl.prepare(matrix, weights, threads);
      population = world.population();
      scenarios = List.of(Variant.of("apl", world.supply()));
      System.out.println("# " + world.summary() + "; " + weights.describe() + ": "
          + catchments.pairsInReach() + " pairs in reach");
    }
  }

  /**
   * Sparse rows with exactly {@link #PAIRS} entries among {@link #COMMUNES} communes, in both
   * orientations, with DREES weights (1, 2/3, 1/3) and inputs of realistic size.
   */
  @State(Scope.Benchmark)
  public static class RawPairs {
    static final int COMMUNES = SyntheticFrance.COMMUNES;
    static final int PAIRS = 3_000_000;

    int[] residenceStart;
    int[] residencePractice;
    char[] residenceBand;
    int[] practiceStart;
    int[] practiceResidence;
    char[] practiceBand;
    /** The weight of each band: the DREES general-practitioner decay. */
    final double[] bandWeight = {1.0, 2.0 / 3.0, 1.0 / 3.0};

    double[] population;
    double[] supply;
    double[] demand;
    double[] ratio;
    double[] access;

    /**
     * Draws row lengths around 86 (uniform in 1..171, then nudged to the exact total) and, for a
     * row r of length L, L distinct practices within r ± 2L: codes of neighbouring communes are
     * close, as in the world and in INSEE order. The practice orientation is the transpose.
     */
    @Setup(Level.Trial)
    public void setUp() {
      Random rnd = new Random(SyntheticFrance.SEED);
      int mean = (PAIRS + COMMUNES - 1) / COMMUNES;
      int[] length = new int[COMMUNES];
      long total = 0;
      for (int r = 0; r < COMMUNES; r++) {
        length[r] = 1 + rnd.nextInt(2 * mean - 1);
        total += length[r];
      }
      while (total != PAIRS) {
        int r = rnd.nextInt(COMMUNES);
        if (total > PAIRS && length[r] > 1) {
          length[r]--;
          total--;
        } else if (total < PAIRS) {
          length[r]++;
          total++;
        }
      }
      residenceStart = new int[COMMUNES + 1];
      residencePractice = new int[PAIRS];
      residenceBand = new char[PAIRS];
      boolean[] taken = new boolean[COMMUNES];
      int k = 0;
      for (int r = 0; r < COMMUNES; r++) {
        int from = Math.max(0, r - 2 * length[r]);
        int to = Math.min(COMMUNES, r + 2 * length[r] + 1);
        int drawn = 0;
        while (drawn < length[r]) {
          int j = from + rnd.nextInt(to - from);
          if (!taken[j]) {
            taken[j] = true;
            drawn++;
          }
        }
        // Collect in increasing order, as the catchments store a row, and clear the marks.
        for (int j = from; j < to; j++) {
          if (taken[j]) {
            taken[j] = false;
            residencePractice[k] = j;
            residenceBand[k] = (char) rnd.nextInt(bandWeight.length);
            k++;
          }
        }
        residenceStart[r + 1] = k;
      }
      practiceStart = new int[COMMUNES + 1];
      for (int q = 0; q < PAIRS; q++) {
        practiceStart[residencePractice[q] + 1]++;
      }
      for (int j = 0; j < COMMUNES; j++) {
        practiceStart[j + 1] += practiceStart[j];
      }
      int[] fill = practiceStart.clone();
      practiceResidence = new int[PAIRS];
      practiceBand = new char[PAIRS];
      for (int r = 0; r < COMMUNES; r++) {
        for (int q = residenceStart[r]; q < residenceStart[r + 1]; q++) {
          int slot = fill[residencePractice[q]]++;
          practiceResidence[slot] = r;
          practiceBand[slot] = residenceBand[q];
        }
      }
      population = new double[COMMUNES];
      supply = new double[COMMUNES];
      for (int i = 0; i < COMMUNES; i++) {
        population[i] = 400 * Math.exp(1.3 * rnd.nextGaussian());
        supply[i] = rnd.nextDouble() < 0.3 ? 4000 * Math.exp(rnd.nextGaussian()) : 0;
      }
      demand = new double[COMMUNES];
      ratio = new double[COMMUNES];
      access = new double[COMMUNES];
      System.out.printf(
          Locale.ROOT,
          "# raw kernel: %d communes, %d pairs in each orientation%n",
          COMMUNES,
          residenceStart[COMMUNES]);
    }
  }

  /** Computes one APL variant on the prepared world. */
  @Benchmark
  public AplResult compute(Prepared world) {
    return world.catchments.compute(world.population, world.scenarios, world.threads);
  }

  /** Builds the catchments under the decay (weights tabulated per distinct time), then computes. */
  @Benchmark
  public AplResult prepareAndCompute(Decayed world) {
    return Apl.prepare(world.matrix, world.weights, world.threads)
        .compute(world.population, world.scenarios, world.threads);
  }

  /** Computes one APL variant on catchments prepared beforehand under the decay. */
  @Benchmark
  public AplResult computeDecayed(Decayed world) {
    return world.catchments.compute(world.population, world.scenarios, world.threads);
  }

  /** Runs demand, ratio and access on 3 million pairs, one thread; returns the access array. */
  @Benchmark
  public double[] gatherBothSteps(RawPairs k) {
    TwoStepKernel.gather(
        k.practiceStart,
        k.practiceResidence,
        k.practiceBand,
        k.bandWeight,
        k.population,
        k.demand,
        0,
        RawPairs.COMMUNES);
    TwoStepKernel.ratio(k.supply, k.demand, k.ratio, 0, RawPairs.COMMUNES);
    TwoStepKernel.gather(
        k.residenceStart,
        k.residencePractice,
        k.residenceBand,
        k.bandWeight,
        k.ratio,
        k.access,
        0,
        RawPairs.COMMUNES);
    return k.access;
  }

  /**
   * The same two steps split over two threads with {@link Parallel#forRange} (as
   * {@link Catchments#compute} runs them): how the bare kernel scales on a second core.
   */
  @Benchmark
  public double[] gatherBothStepsTwoThreads(RawPairs k) {
    Parallel.forRange(
        RawPairs.COMMUNES,
        2,
        (from, to) -> TwoStepKernel.gather(
            k.practiceStart,
            k.practiceResidence,
            k.practiceBand,
            k.bandWeight,
            k.population,
            k.demand,
            from,
            to));
    TwoStepKernel.ratio(k.supply, k.demand, k.ratio, 0, RawPairs.COMMUNES);
    Parallel.forRange(
        RawPairs.COMMUNES,
        2,
        (from, to) -> TwoStepKernel.gather(
            k.residenceStart,
            k.residencePractice,
            k.residenceBand,
            k.bandWeight,
            k.ratio,
            k.access,
            from,
            to));
    return k.access;
  }
}
