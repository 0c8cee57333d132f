package fr.apl.core;

import fr.apl.decay.Decay;
import fr.apl.decay.DistanceDecay;
import fr.apl.demand.Population;
import fr.apl.engine.Kernel;
import fr.apl.internal.Access;
import fr.apl.internal.Parallel;
import fr.apl.internal.Slots;
import fr.apl.internal.TwoStepKernel;
import fr.apl.matrix.TravelTimeMatrix;
import java.util.Arrays;
import java.util.List;

/**
 * Holds the weighted catchments of a travel-time matrix, built once, and computes APL on them for
 * any number of population and supply scenarios (E2SFCA, Luo &amp; Qi 2009; DREES working paper 124):
 *
 * <pre>
 *   D_j   = Σ_i w(t_ij) · P_i             weighted demand reaching practice commune j
 *   R_j   = S_j / D_j    (0 when D_j = 0)
 *   APL_i = Σ_j w(t_ij) · R_j             consultations per year per standardised inhabitant
 * </pre>
 *
 * <p>The decay is evaluated when the catchments are built, never in the kernel; pairs of weight 0
 * are dropped. Each pair keeps its band (the index of its weight in the decay, 2 bytes rather
 * than the 8 of the weight, and the very same {@code double} read back) in both orientations (by
 * residence and by practice), so both steps are gathers: each output cell is summed by one thread
 * in a fixed order, and results are bit-identical for any thread count.
 *
 * <p>A commune's time to itself is 0 minutes when the matrix has no self pair. A commune of the
 * population or supply that the matrix does not know reaches only itself, at 0 minutes; it is
 * listed in the {@link Diagnostics}.
 *
 * <p>Immutable and thread-safe: several threads may compute on the same catchments at once.
 * Memory: 6 bytes per pair in reach and orientation. {@link #compute} is O(pairs in reach ×
 * (variants + distinct populations)) plus O(communes · log communes) to match codes.
 */
public final class Catchments {

  private final TravelTimeMatrix matrix;
  /** The matrix's codes in index order, which is code order. */
  private final String[] codes;

  private final Decay decay;
  private final double selfWeight;
  /** The band of a pair at 0 minutes (a self pair), or -1 when it has no weight. */
  private final int selfBand;
  /** The weight of each band; pairs store their band, 2 bytes instead of 8. */
  private final double[] bandWeight;

  private final int[] residenceStart;
  private final int[] residencePractice;
  private final char[] residenceBand;
  private final int[] practiceStart;
  private final int[] practiceResidence;
  private final char[] practiceBand;
  private final int selfPairsAdded;

  private Catchments(TravelTimeMatrix matrix, Decay anyDecay, int threads) {
    this.matrix = matrix;
    this.codes = matrix.codes();
    this.decay = anyDecay;
    int n = matrix.communeCount();
    // The matrix's own arrays, read only: not copied (2.8 million pairs for France).
    Access.MatrixArrays arrays = Access.matrix(matrix);
    int[] rowStart = arrays.rowStart();
    int[] destination = arrays.destinations();
    double[] minutes = arrays.minutes();
    // Bands give each pair its band directly; any other decay is evaluated once per distinct
    // time, and each pair gets the index of its weight in a table of the distinct weights.
    DistanceDecay decay;
    char[] pairLevel = null;
    if (anyDecay instanceof DistanceDecay steps) {
      decay = steps;
      this.bandWeight = new double[steps.bandCount()];
      for (int b = 0; b < bandWeight.length; b++) {
        bandWeight[b] = steps.bandWeight(b);
      }
    } else {
      decay = null;
      Levels levels = Levels.of(anyDecay, minutes);
      this.bandWeight = levels.weights;
      pairLevel = levels.pairLevel;
    }
    char[] levelOfPair = pairLevel;
    this.selfWeight = anyDecay.weight(0.0);
    this.selfBand = selfWeight > 0
        ? (decay != null ? decay.band(0.0) : Levels.indexOf(bandWeight, selfWeight))
        : -1;
    // First pass, rows in parallel: the size of each row in reach, self pair included.
    int[] start = new int[n + 1];
    boolean[] hasSelf = new boolean[n];
    Parallel.forRange(n, threads, (from, to) -> {
      for (int i = from; i < to; i++) {
        int kept = 0;
        boolean self = false;
        for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
          int b = levelOfPair == null ? decay.band(minutes[k]) : levelOfPair[k] - 1;
          if (b >= 0 && bandWeight[b] > 0) {
            kept++;
          }
          self |= destination[k] == i;
        }
        hasSelf[i] = self;
        start[i + 1] = kept + (!self && selfWeight > 0 ? 1 : 0);
      }
    });
    int added = 0;
    for (int i = 0; i < n; i++) {
      added += hasSelf[i] ? 0 : 1;
      start[i + 1] += start[i];
    }
    // Second pass, rows in parallel: the pairs in reach with their weight (the decay evaluated
    // again: three comparisons cost less than a temporary array of 2.8 million weights), the
    // missing self pair inserted in practice order.
    int total = start[n];
    int[] practice = new int[total];
    char[] band = new char[total];
    Parallel.forRange(n, threads, (from, to) -> {
      for (int i = from; i < to; i++) {
        int out = start[i];
        boolean selfPending = !hasSelf[i] && selfWeight > 0;
        for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
          int j = destination[k];
          if (selfPending && j > i) {
            practice[out] = i;
            band[out++] = (char) selfBand;
            selfPending = false;
          }
          int b = levelOfPair == null ? decay.band(minutes[k]) : levelOfPair[k] - 1;
          if (b >= 0 && bandWeight[b] > 0) {
            practice[out] = j;
            band[out++] = (char) b;
          }
        }
        if (selfPending) {
          practice[out] = i;
          band[out] = (char) selfBand;
        }
      }
    });
    this.residenceStart = start;
    this.residencePractice = practice;
    this.residenceBand = band;
    this.selfPairsAdded = added;
    // Transpose by a counting sort over rows in order, so that each column lists its residences
    // in order. Rows are cut into one contiguous part per thread; a part's slots in a column
    // follow those of the parts before it, so the result is that of one thread.
    int parts = Math.max(1, Math.min(threads, n / 1024));
    int[] cut = new int[parts + 1];
    for (int t = 0; t <= parts; t++) {
      cut[t] = (int) ((long) n * t / parts);
    }
    int[][] count = new int[parts][n + 1];
    Parallel.forRange(parts, parts, 1, (from, to) -> {
      for (int t = from; t < to; t++) {
        int[] c = count[t];
        for (int k = start[cut[t]]; k < start[cut[t + 1]]; k++) {
          c[practice[k] + 1]++;
        }
      }
    });
    // count[t][j] becomes the first slot of part t in column j.
    int[] colStart = Slots.firstSlots(count, n);
    int[] residence = new int[total];
    char[] colBand = new char[total];
    Parallel.forRange(parts, parts, 1, (from, to) -> {
      for (int t = from; t < to; t++) {
        int[] fill = count[t];
        for (int i = cut[t]; i < cut[t + 1]; i++) {
          for (int k = start[i]; k < start[i + 1]; k++) {
            int slot = fill[practice[k]]++;
            residence[slot] = i;
            colBand[slot] = band[k];
          }
        }
      }
    });
    this.practiceStart = colStart;
    this.practiceResidence = residence;
    this.practiceBand = colBand;
  }

  /**
   * Builds the catchments of a matrix under a decay.
   *
   * @param matrix travel times, non-null
   * @param decay distance decay, non-null
   * @return the catchments, immutable
   * @throws IllegalArgumentException when an argument is null
   */
  public static Catchments of(TravelTimeMatrix matrix, Decay decay) {
    return of(matrix, decay, 1);
  }

  /**
   * Builds the catchments of a matrix under a decay on several threads; the catchments do not
   * depend on the thread count.
   *
   * @param matrix travel times, non-null
   * @param decay distance decay, non-null
   * @param threads threads to use, &gt;= 1
   * @return the catchments, immutable; identical arrays for any thread count
   * @throws IllegalArgumentException when an argument is null or threads &lt; 1
   */
  public static Catchments of(TravelTimeMatrix matrix, Decay decay, int threads) {
    if (matrix == null || decay == null) {
      throw new IllegalArgumentException("matrix and decay must not be null");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, given: " + threads);
    }
    return new Catchments(matrix, decay, threads);
  }

  /**
   * Returns true when both hold the same pairs, weights and orders in both orientations (for
   * tests: the thread count of {@link #of(TravelTimeMatrix, DistanceDecay, int)} changes nothing).
   */
  boolean sameArrays(Catchments o) {
    return Arrays.equals(residenceStart, o.residenceStart)
        && Arrays.equals(residencePractice, o.residencePractice)
        && Arrays.equals(residenceBand, o.residenceBand)
        && Arrays.equals(practiceStart, o.practiceStart)
        && Arrays.equals(practiceResidence, o.practiceResidence)
        && Arrays.equals(practiceBand, o.practiceBand)
        && Arrays.equals(bandWeight, o.bandWeight)
        && selfPairsAdded == o.selfPairsAdded;
  }

  /** {@return the matrix the catchments were built from} */
  public TravelTimeMatrix matrix() {
    return matrix;
  }

  /** {@return the decay the catchments were built with} */
  public Decay decay() {
    return decay;
  }

  /** {@return the number of pairs with a non-zero weight, self pairs included} */
  public long pairsInReach() {
    return residencePractice.length;
  }

  /**
   * Computes APL for one population and one or more variants. Each variant has its supply and
   * may have its own population (same communes); step 1 (the demand each practice commune
   * faces) is computed once per distinct population, step 2 once per variant.
   *
   * @param population standardised population by residence commune; its communes are the rows of
   *     the result
   * @param scenarios the variants, at least one, names unique
   * @param threads threads to use, &gt;= 1; the result does not depend on it
   * @return the APL of every population commune for each variant, with the diagnostics
   * @throws IllegalArgumentException on no variant, a repeated name, a variant population whose
   *     communes differ from {@code population}'s, or threads &lt; 1
   */
  public AplResult compute(Population population, List<Variant> scenarios, int threads) {
    return compute(population, scenarios, AccessMethod.e2sfca(), threads);
  }

  /**
   * Computes access with a method for one population and one or more variants, as {@link
   * #compute(Population, List, int)} does with E2SFCA. The conservation of each variant is
   * computed whatever the method; it is expected to hold only when {@link
   * AccessMethod#conservesSupply()}.
   *
   * @param population standardised population by residence commune, non-null; its communes are
   *     the rows of the result
   * @param scenarios the variants, at least one, names unique
   * @param method the access method, non-null
   * @param threads threads to use, &gt;= 1; the result does not depend on it
   * @return the access of every population commune for each variant, with the diagnostics
   * @throws IllegalArgumentException on a null method or population, no variant, a repeated
   *     name, a variant population with other communes, or threads &lt; 1
   */
  public AplResult compute(
      Population population, List<Variant> scenarios, AccessMethod method, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, given: " + threads);
    }
    Computation.check(population, scenarios, method);
    return Computation.run(kernel(threads), population, scenarios, method);
  }

  /**
   * Returns the local kernel of these catchments: their own arrays in both orientations, summed
   * on threads (what {@code Engine.local()} gives). Holds nothing of its own; closing it does
   * nothing.
   *
   * @param threads threads to use, &gt;= 1; the sums do not depend on it
   * @return the kernel over these catchments
   * @throws IllegalArgumentException when threads &lt; 1
   */
  public Kernel kernel(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, given: " + threads);
    }
    return new LocalKernel(threads);
  }

  /** {@return the number of places of the catchments: the matrix's communes} */
  public int places() {
    return codes.length;
  }

  /** {@return the weight of a commune to itself (0 minutes), 0 when it has none} */
  public double selfWeight() {
    return selfWeight;
  }

  /**
   * Returns the number of practices a residence reaches with a weight above 0, self included:
   * the length of its row.
   *
   * @param residence a place, 0 to {@link #places()} - 1
   * @return the pairs of the residence in reach
   */
  public int rowLength(int residence) {
    return residenceStart[residence + 1] - residenceStart[residence];
  }

  /**
   * Copies the row of a residence: the practices it reaches in increasing order, with their
   * weights (for an engine that holds the pairs elsewhere).
   *
   * @param residence a place, 0 to {@link #places()} - 1
   * @param practices written from 0, at least {@link #rowLength(int)} long
   * @param weights written from 0, at least {@link #rowLength(int)} long
   * @return the length of the row
   */
  public int row(int residence, int[] practices, double[] weights) {
    int from = residenceStart[residence];
    int length = residenceStart[residence + 1] - from;
    for (int k = 0; k < length; k++) {
      practices[k] = residencePractice[from + k];
      weights[k] = bandWeight[residenceBand[from + k]];
    }
    return length;
  }

  /** The catchments' own arrays, summed on threads in the order of the stored pairs. */
  private final class LocalKernel implements Kernel {
    private final int threads;
    /** The squares of {@link #bandWeight}: pairs keep one band index for both tables. */
    private final double[] bandWeightSquared;

    LocalKernel(int threads) {
      this.threads = threads;
      this.bandWeightSquared = new double[bandWeight.length];
      for (int b = 0; b < bandWeight.length; b++) {
        bandWeightSquared[b] = bandWeight[b] * bandWeight[b];
      }
    }

    @Override
    public String[] codes() {
      return codes.clone();
    }

    @Override
    public int places() {
      return codes.length;
    }

    @Override
    public double selfWeight() {
      return selfWeight;
    }

    @Override
    public long pairCount() {
      return matrix.pairCount();
    }

    @Override
    public long pairsInReach() {
      return residencePractice.length;
    }

    @Override
    public int selfPairsAdded() {
      return selfPairsAdded;
    }

    @Override
    public long duplicatePairs() {
      return matrix.duplicatePairs();
    }

    @Override
    public void toPractices(double[][] x, boolean squared, double[][] out) {
      gather(practiceStart, practiceResidence, practiceBand, x, squared, out);
    }

    @Override
    public void toResidences(double[][] x, boolean squared, double[][] out) {
      gather(residenceStart, residencePractice, residenceBand, x, squared, out);
    }

    /** Sums each vector over one orientation's rows ({@code start}, other end, band). */
    private void gather(
        int[] start, int[] other, char[] band, double[][] x, boolean squared, double[][] out) {
      double[] w = squared ? bandWeightSquared : bandWeight;
      for (int v = 0; v < x.length; v++) {
        double[] in = x[v];
        double[] o = out[v];
        Parallel.forRange(
            codes.length,
            threads,
            (from, to) -> TwoStepKernel.gather(start, other, band, w, in, o, from, to));
      }
    }

    @Override
    public void countReached(double[] supply, double[] demand, int[] out) {
      // Branch-free, in parallel: one pass over the pairs.
      Parallel.forRange(codes.length, threads, (from, to) -> {
        for (int i = from; i < to; i++) {
          int c = 0;
          for (int q = residenceStart[i]; q < residenceStart[i + 1]; q++) {
            int j = residencePractice[q];
            c += supply[j] > 0 & demand[j] > 0 ? 1 : 0;
          }
          out[i] = c;
        }
      });
    }
  }

  /**
   * The weights of a decay that is not a step function, tabulated: each distinct travel time of
   * the matrix is evaluated once, the distinct weights kept in increasing order, and each pair
   * given the index of its weight plus one (0 for a weight of 0). Deterministic: it depends on
   * the set of times only, not on their order or the threads.
   */
  private static final class Levels {
    final double[] weights;
    final char[] pairLevel;

    private Levels(double[] weights, char[] pairLevel) {
      this.weights = weights;
      this.pairLevel = pairLevel;
    }

    static Levels of(Decay decay, double[] minutes) {
      // The distinct times through an open-addressing table keyed by their bits: one pass, no
      // sort of the 2.8 million times of France (which have 177 distinct values).
      Distinct distinct = new Distinct();
      int[] timeOfPair = new int[minutes.length];
      for (int k = 0; k < minutes.length; k++) {
        timeOfPair[k] = distinct.id(minutes[k]);
      }
      double[] weightOfTime = new double[distinct.size];
      double[] weights = new double[distinct.size + 1];
      int w = 0;
      weights[w++] = checked(decay, 0.0);
      for (int t = 0; t < distinct.size; t++) {
        weightOfTime[t] = checked(decay, distinct.times[t]);
        weights[w++] = weightOfTime[t];
      }
      Arrays.sort(weights, 0, w);
      int kept = 0;
      for (int k = 0; k < w; k++) {
        if (weights[k] > 0 && (kept == 0 || Double.compare(weights[k], weights[kept - 1]) != 0)) {
          weights[kept++] = weights[k];
        }
      }
      if (kept > DistanceDecay.MAX_BANDS) {
        throw new IllegalArgumentException("the decay gives " + kept + " distinct weights on"
            + " this matrix, more than " + DistanceDecay.MAX_BANDS + " (the catchments keep a"
            + " 2-byte index per pair): round the times, or use bands");
      }
      double[] table = Arrays.copyOf(weights, kept);
      // The level of each distinct time (its weight's index in the sorted table, plus one), then
      // of each pair: the same for any order of the times.
      char[] levelOfTime = new char[distinct.size];
      for (int t = 0; t < distinct.size; t++) {
        levelOfTime[t] = weightOfTime[t] > 0 ? (char) (indexOf(table, weightOfTime[t]) + 1) : 0;
      }
      char[] pairLevel = new char[minutes.length];
      for (int k = 0; k < minutes.length; k++) {
        pairLevel[k] = levelOfTime[timeOfPair[k]];
      }
      return new Levels(table, pairLevel);
    }

    /** The distinct values of a series of times, numbered in order of first appearance. */
    private static final class Distinct {
      private long[] keys = new long[1 << 10];
      private int[] ids = new int[1 << 10];
      private boolean[] used = new boolean[1 << 10];
      double[] times = new double[1 << 9];
      int size;

      /** Returns the number of a time, giving it the next one when it is new. */
      int id(double minutes) {
        long bits = Double.doubleToLongBits(minutes);
        int mask = keys.length - 1;
        int h = hash(bits) & mask;
        while (used[h]) {
          if (keys[h] == bits) {
            return ids[h];
          }
          h = (h + 1) & mask;
        }
        if (size == times.length) {
          times = Arrays.copyOf(times, 2 * size);
        }
        times[size] = minutes;
        used[h] = true;
        keys[h] = bits;
        ids[h] = size;
        if (++size * 2 > keys.length) {
          grow();
        }
        return size - 1;
      }

      private static int hash(long bits) {
        long x = bits * 0x9E3779B97F4A7C15L;
        return (int) (x ^ (x >>> 32));
      }

      private void grow() {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int k = 0; k < oldKeys.length; k++) {
          if (oldUsed[k]) {
            int h = hash(oldKeys[k]) & mask;
            while (used[h]) {
              h = (h + 1) & mask;
            }
            used[h] = true;
            keys[h] = oldKeys[k];
            ids[h] = oldIds[k];
          }
        }
      }
    }

    private static double checked(Decay decay, double minutes) {
      double w = decay.weight(minutes);
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("the decay gives " + w + " at " + minutes
            + " minutes: a weight must be finite and >= 0");
      }
      return w;
    }

    static int indexOf(double[] table, double weight) {
      return Arrays.binarySearch(table, weight);
    }
  }
}
