package fr.apl.spark;

import static org.apache.spark.sql.functions.col;

import fr.apl.engine.Kernel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Holds the weighted pairs on Spark, twice: partitioned by origin (step 2, a group-by on origin)
 * and by destination (step 1, a group-by on destination), each partition sorted by its key then
 * by the other end and cached as {@link PairBlock}s (serialized, spilling to disk when memory is
 * short). A gather broadcasts the vectors (one per variant), sums every key of every partition in
 * one job, and collects one sum per key and variant; the pairs never come back to the driver.
 *
 * <p>Each key's pairs sit in one partition and are summed in increasing order of the other end,
 * in {@code double}, as the local engine sums them: the figures are the local engine's to the
 * last bit, whatever the number of partitions. The driver holds O(places × variants) numbers,
 * the executors O(pairs).
 *
 * <p>Used from one thread at a time (the computation's); {@link #close} unpersists the blocks.
 */
public final class SparkKernel implements Kernel {

  private final JavaSparkContext context;
  private final String[] codes;
  private final double selfWeight;
  private final long pairCount;
  private final long pairsInReach;
  private final int selfPairsAdded;
  private final long duplicatePairs;
  private final JavaRDD<PairBlock> byOrigin;
  private final JavaRDD<PairBlock> byDestination;
  private final List<Broadcast<?>> held = new ArrayList<>();

  private SparkKernel(
      SparkSession spark,
      Dataset<Row> pairs,
      int partitions,
      String[] codes,
      double selfWeight,
      long pairCount,
      int selfPairsAdded,
      long duplicatePairs) {
    this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.codes = codes;
    this.selfWeight = selfWeight;
    this.pairCount = pairCount;
    this.selfPairsAdded = selfPairsAdded;
    this.duplicatePairs = duplicatePairs;
    this.byOrigin = blocks(pairs, "o", "d", partitions);
    this.byDestination = blocks(pairs, "d", "o", partitions);
    // Both orientations built and cached now, once: every gather then reads the cache.
    long inReach = 0;
    for (long n : byOrigin.map(PairBlock::pairs).collect()) {
      inReach += n;
    }
    long again = 0;
    for (long n : byDestination.map(PairBlock::pairs).collect()) {
      again += n;
    }
    if (again != inReach) {
      throw new IllegalStateException("the pairs by destination (" + again
          + ") differ from the pairs by origin (" + inReach + ")");
    }
    this.pairsInReach = inReach;
  }

  /**
   * Puts weighted pairs on Spark.
   *
   * @param spark the session, non-null
   * @param pairs the pairs in reach, self pairs included: columns {@code o} and {@code d} (int,
   *     the places' indices in code order) and {@code w} (double, above 0), each pair once
   * @param partitions the number of partitions of each orientation, &gt;= 1; the figures do not
   *     depend on it
   * @param codes the places' codes in index order (code order), non-null; not copied
   * @param selfWeight the weight of a place to itself
   * @param pairCount the pairs of the travel-time table (for the diagnostics)
   * @param selfPairsAdded the self pairs the table lacked
   * @param duplicatePairs the pairs the table gave twice with the same time
   * @return the kernel, its blocks cached; close it to release them
   */
  public static SparkKernel of(
      SparkSession spark,
      Dataset<Row> pairs,
      int partitions,
      String[] codes,
      double selfWeight,
      long pairCount,
      int selfPairsAdded,
      long duplicatePairs) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, given: " + partitions);
    }
    return new SparkKernel(
        spark, pairs, partitions, codes, selfWeight, pairCount, selfPairsAdded, duplicatePairs);
  }

  /** Pairs a cached block holds at most (but for one key's): tests make it small. */
  static volatile int blockPairs = PairBlock.BLOCK_PAIRS;

  private static JavaRDD<PairBlock> blocks(
      Dataset<Row> pairs, String key, String other, int partitions) {
    int limit = blockPairs;
    JavaRDD<PairBlock> blocks = pairs
        .select(col(key), col(other), col("w"))
        .repartition(partitions, col(key))
        .sortWithinPartitions(col(key), col(other))
        .javaRDD()
        .mapPartitions(rows -> PairBlock.of(rows, limit));
    return blocks.persist(StorageLevel.MEMORY_AND_DISK_SER());
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
    return pairCount;
  }

  @Override
  public long pairsInReach() {
    return pairsInReach;
  }

  @Override
  public int selfPairsAdded() {
    return selfPairsAdded;
  }

  @Override
  public long duplicatePairs() {
    return duplicatePairs;
  }

  @Override
  public void toPractices(double[][] x, boolean squared, double[][] out) {
    gather(byDestination, x, squared, out);
  }

  @Override
  public void toResidences(double[][] x, boolean squared, double[][] out) {
    gather(byOrigin, x, squared, out);
  }

  private void gather(JavaRDD<PairBlock> blocks, double[][] x, boolean squared, double[][] out) {
    if (x.length == 0) {
      return;
    }
    Broadcast<double[][]> vectors = context.broadcast(x);
    try {
      List<PairBlock.Sums> parts =
          blocks.map(b -> b.gather(vectors.value(), squared)).collect();
      for (double[] o : out) {
        Arrays.fill(o, 0, codes.length, 0.0);
      }
      for (PairBlock.Sums p : parts) {
        for (int v = 0; v < out.length; v++) {
          double[] o = out[v];
          double[] s = p.sums[v];
          for (int r = 0; r < p.keys.length; r++) {
            o[p.keys[r]] = s[r];
          }
        }
      }
    } finally {
      vectors.destroy();
    }
  }

  @Override
  public void countReached(double[] supply, double[] demand, int[] out) {
    Broadcast<double[]> s = context.broadcast(supply);
    Broadcast<double[]> d = context.broadcast(demand);
    try {
      List<PairBlock.Sums> parts =
          byOrigin.map(b -> b.count(s.value(), d.value())).collect();
      Arrays.fill(out, 0, codes.length, 0);
      for (PairBlock.Sums p : parts) {
        for (int r = 0; r < p.keys.length; r++) {
          out[p.keys[r]] = p.counts[r];
        }
      }
    } finally {
      s.destroy();
      d.destroy();
    }
  }

  /** Destroys these broadcasts when the kernel is closed (the sources of its blocks). */
  void releaseOnClose(Broadcast<?>... sources) {
    held.addAll(Arrays.asList(sources));
  }

  @Override
  public void close() {
    byOrigin.unpersist(false);
    byDestination.unpersist(false);
    for (Broadcast<?> b : held) {
      b.destroy();
    }
    held.clear();
  }
}
