package fr.apl.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.sql.Row;

/**
 * Holds the pairs of one Spark partition as sparse rows, keyed by one end (the origin, or the
 * destination) and sorted by the other: {@code keys[r]} has the pairs {@code start[r]..start[r +
 * 1] - 1}, each with its other end and its weight. A key's pairs are all in one partition (the
 * table is partitioned by that key), so one pass over a block sums each key in full, in the
 * order of the other end: the order of the local engine, whatever the number of partitions.
 *
 * <p>12 bytes a pair (an int and a double), no object per pair: blocks are cached serialized,
 * and spill to disk as whole arrays when the executors' memory is short.
 */
final class PairBlock implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int[] keys;
  private final int[] start;
  private final int[] other;
  private final double[] weight;

  private PairBlock(int[] keys, int[] start, int[] other, double[] weight) {
    this.keys = keys;
    this.start = start;
    this.other = other;
    this.weight = weight;
  }

  /** Pairs a block holds at most, but for a key with more pairs (12 MB of arrays a block). */
  static final int BLOCK_PAIRS = 1 << 20;

  /**
   * Cuts the rows of a partition (key, other end, weight), sorted by key then other end, into
   * blocks of about {@code blockPairs} pairs ({@link #BLOCK_PAIRS} but in tests), lazily: a block is cut only between two keys, so
   * that each key is summed whole, in one place, whatever the partitions. A partition of many
   * millions of pairs never becomes one huge array, and Spark caches (or spills) block by block.
   */
  static Iterator<PairBlock> of(Iterator<Row> rows, int blockPairs) {
    return new Iterator<>() {
      private Row pending;
      private boolean emittedOne;

      @Override
      public boolean hasNext() {
        return pending != null || rows.hasNext() || !emittedOne;
      }

      @Override
      public PairBlock next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        emittedOne = true;
        int[] k = new int[1024];
        int[] s = new int[1025];
        int[] o = new int[1 << 12];
        double[] w = new double[1 << 12];
        int keyCount = 0;
        int pairs = 0;
        int last = -1;
        while (pending != null || rows.hasNext()) {
          Row r = pending != null ? pending : rows.next();
          pending = null;
          int key = r.getInt(0);
          if (keyCount == 0 || key != last) {
            if (pairs >= blockPairs) {
              pending = r;
              break;
            }
            if (keyCount == k.length) {
              k = Arrays.copyOf(k, 2 * keyCount);
              s = Arrays.copyOf(s, 2 * keyCount + 1);
            }
            k[keyCount] = key;
            s[keyCount] = pairs;
            keyCount++;
            last = key;
          }
          if (pairs == o.length) {
            o = Arrays.copyOf(o, 2 * pairs);
            w = Arrays.copyOf(w, 2 * pairs);
          }
          o[pairs] = r.getInt(1);
          w[pairs] = r.getDouble(2);
          pairs++;
        }
        s[keyCount] = pairs;
        return new PairBlock(
            Arrays.copyOf(k, keyCount),
            Arrays.copyOf(s, keyCount + 1),
            Arrays.copyOf(o, pairs),
            Arrays.copyOf(w, pairs));
      }
    };
  }

  /**
   * Sums each key over its pairs for every vector: {@code sums[v][r] = Σ w^p · x[v][other]} in
   * the stored order, as {@code TwoStepKernel.gather} does.
   */
  Sums gather(double[][] x, boolean squared) {
    double[][] sums = new double[x.length][keys.length];
    for (int r = 0; r < keys.length; r++) {
      int end = start[r + 1];
      for (int v = 0; v < x.length; v++) {
        double[] in = x[v];
        double sum = 0.0;
        if (squared) {
          for (int q = start[r]; q < end; q++) {
            sum += (weight[q] * weight[q]) * in[other[q]];
          }
        } else {
          for (int q = start[r]; q < end; q++) {
            sum += weight[q] * in[other[q]];
          }
        }
        sums[v][r] = sum;
      }
    }
    return new Sums(keys, sums, null);
  }

  /** Counts, for each key, the other ends whose supply and demand are both above 0. */
  Sums count(double[] supply, double[] demand) {
    int[] counts = new int[keys.length];
    for (int r = 0; r < keys.length; r++) {
      int c = 0;
      for (int q = start[r]; q < start[r + 1]; q++) {
        int j = other[q];
        c += supply[j] > 0 & demand[j] > 0 ? 1 : 0;
      }
      counts[r] = c;
    }
    return new Sums(keys, null, counts);
  }

  /** {@return the number of pairs of the block} */
  long pairs() {
    return other.length;
  }

  /** What a partition sends back: its keys and their sums (or counts). */
  static final class Sums implements Serializable {
    private static final long serialVersionUID = 1L;

    final int[] keys;
    final double[][] sums;
    final int[] counts;

    Sums(int[] keys, double[][] sums, int[] counts) {
      this.keys = keys;
      this.sums = sums;
      this.counts = counts;
    }
  }
}
