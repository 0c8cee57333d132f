package fr.apl.spark;

import fr.apl.core.Catchments;
import fr.apl.engine.Engine;
import fr.apl.engine.Kernel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Runs the sums of every access method on Spark (see {@link SparkKernel}): the engine {@code
 * spark} of {@code apl compute --engine spark}, found through {@link java.util.ServiceLoader}.
 * Catchments built in this process are cut by ranges of residences, put on Spark as a table of
 * weighted pairs, and partitioned by origin and by destination; the figures are those of the
 * local engine to the last bit.
 *
 * <p>The session is the one given, else the active one, else a local one ({@code local[*]} unless
 * the system property {@code spark.master} says otherwise, no web UI). The number of partitions
 * is the one given, else the system property {@code apl.spark.partitions}, else the session's
 * default parallelism. Immutable and thread-safe.
 */
public final class SparkEngine implements Engine {

  /** Residences per slice when the driver's catchments are sent to Spark. */
  private static final int SLICE = 4096;

  private final SparkSession session;
  private final int partitions;

  /**
   * Creates the engine of the service loader: the active session or a local one, the partitions
   * of {@code apl.spark.partitions} or the session's parallelism.
   *
   * @throws IllegalStateException when Spark is not on the class path
   */
  public SparkEngine() {
    this(null, 0);
  }

  /**
   * Creates an engine on a session.
   *
   * @param session the session, or null for the active or a local one
   * @param partitions partitions of each orientation of the pairs, or 0 for the default
   * @throws IllegalStateException when Spark is not on the class path
   */
  public SparkEngine(SparkSession session, int partitions) {
    Sessions.requireSpark();
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions must be >= 0, given: " + partitions);
    }
    this.session = session;
    this.partitions = partitions;
  }

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public Kernel kernel(Catchments catchments, int threads) {
    SparkSession spark = session != null ? session : Sessions.activeOrLocal();
    int parts = partitions > 0 ? partitions : Sessions.partitions(spark);
    int n = catchments.places();
    // The rows by residence, in three arrays sent once to the executors (12 bytes a pair).
    long total = 0;
    for (int i = 0; i < n; i++) {
      total += catchments.rowLength(i);
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many pairs for catchments built in one process: "
          + total + "; read the pair table with SparkPairs instead");
    }
    int[] start = new int[n + 1];
    int[] practice = new int[(int) total];
    double[] weight = new double[(int) total];
    int[] rowPractices = new int[n];
    double[] rowWeights = new double[n];
    for (int i = 0; i < n; i++) {
      int length = catchments.row(i, rowPractices, rowWeights);
      System.arraycopy(rowPractices, 0, practice, start[i], length);
      System.arraycopy(rowWeights, 0, weight, start[i], length);
      start[i + 1] = start[i] + length;
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<int[]> bStart = context.broadcast(start);
    Broadcast<int[]> bPractice = context.broadcast(practice);
    Broadcast<double[]> bWeight = context.broadcast(weight);
    List<Integer> slices = new ArrayList<>();
    for (int from = 0; from < n; from += SLICE) {
      slices.add(from);
    }
    JavaRDD<Row> rows = context
        .parallelize(slices, Math.max(1, Math.min(parts, slices.size())))
        .flatMap(from -> rowsOf(bStart.value(), bPractice.value(), bWeight.value(), from));
    Dataset<Row> pairs = spark.createDataFrame(rows, schema());
    Kernel k = catchments.kernel(1);
    SparkKernel kernel = SparkKernel.of(
        spark,
        pairs,
        parts,
        k.codes(),
        catchments.selfWeight(),
        k.pairCount(),
        k.selfPairsAdded(),
        k.duplicatePairs());
    // Kept while the kernel lives: a lost cached block is computed again from them.
    kernel.releaseOnClose(bStart, bPractice, bWeight);
    return kernel;
  }

  /** The schema of a table of weighted pairs: origin and destination indices, weight. */
  static StructType schema() {
    return new StructType()
        .add("o", DataTypes.IntegerType, false)
        .add("d", DataTypes.IntegerType, false)
        .add("w", DataTypes.DoubleType, false);
  }

  private static Iterator<Row> rowsOf(int[] start, int[] practice, double[] weight, int from) {
    int to = Math.min(start.length - 1, from + SLICE);
    List<Row> out = new ArrayList<>(start[to] - start[from]);
    for (int i = from; i < to; i++) {
      for (int q = start[i]; q < start[i + 1]; q++) {
        out.add(RowFactory.create(i, practice[q], weight[q]));
      }
    }
    return out.iterator();
  }

  @Override
  public String toString() {
    return name();
  }
}
