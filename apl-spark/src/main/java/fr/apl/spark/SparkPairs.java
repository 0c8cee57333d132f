package fr.apl.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import fr.apl.decay.Decay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Reads a table of travel times on Spark and puts its weighted pairs on the engine, without the
 * pairs ever reaching the driver: the path of a pair table too large for one machine (a 200 m
 * grid of France, billions of pairs), as {@code spark-submit} runs it.
 *
 * <p>The table has the columns of {@code apl compute}'s times: {@code origin}, {@code
 * destination} (codes, text) and {@code minutes} (a number); Parquet (a file or a folder of
 * parts) or CSV with a header, gzipped or not, on any path Hadoop reads ({@code hdfs://}, {@code
 * s3a://}, {@code file:}…). It is read as the local engine reads it: a pair given twice with the
 * same time counts once (and is counted), with two times it is an error; a time must be finite
 * and &gt;= 0; a place without a pair to itself reaches itself at 0 minutes. The places are the
 * codes of the table in {@link String#compareTo} order, as in the local engine, so both number
 * them alike and sum in the same order.
 */
public final class SparkPairs {

  /** Above this many places the code table is joined by a shuffle rather than broadcast. */
  private static final int BROADCAST_CODES = 5_000_000;

  private SparkPairs() {}

  /**
   * Reads a table of times on Spark and weighs its pairs.
   *
   * @param spark the session, non-null
   * @param path the table: Parquet, or CSV ({@code .csv}, {@code .csv.gz}) with a header
   * @param decay the decay, evaluated on the executors
   * @param partitions partitions of each orientation of the pairs, &gt;= 1
   * @return the kernel, its pairs cached on the executors; close it to release them
   * @throws SparkInputException when the table is wrong (every kind of problem is counted; the
   *     message quotes up to five records)
   */
  public static SparkKernel read(SparkSession spark, String path, DecaySpec decay, int partitions) {
    Dataset<Row> raw = Tables.read(spark, path, List.of("origin", "destination", "minutes"));
    Dataset<Row> typed = raw.select(
        col("origin").cast(DataTypes.StringType).as("origin"),
        col("destination").cast(DataTypes.StringType).as("destination"),
        // try_cast: a time that is not a number becomes null and is reported with its record,
        // where Spark 4's ANSI cast would stop the job with its own message.
        expr("try_cast(minutes as double)").as("minutes"),
        col("minutes").cast(DataTypes.StringType).as("given"));
    // Each pair once: its number of records, its least and greatest time, and how many of its
    // records are wrong (counted in the same pass; quoted by a second one only when some are).
    // Partitioned by origin first, with the partitions asked: the group-by keeps that
    // partitioning (no second shuffle), and no partition holds more than its share of the table
    // (Spark's default of 200, or 2 cores in local mode, is no measure of a billion pairs).
    Dataset<Row> distinct = typed
        .repartition(partitions, col("origin"))
        .groupBy(col("origin"), col("destination"))
        .agg(
            min("minutes").as("minutes"),
            max("minutes").as("most"),
            count(lit(1)).as("n"),
            sum(when(bad(), 1).otherwise(0)).as("bad"))
        .persist(StorageLevel.MEMORY_AND_DISK_SER());
    try {
      Row facts = distinct
          .agg(
              count(lit(1)),
              sum(col("n")),
              sum(when(col("minutes").notEqual(col("most")), 1).otherwise(0)),
              sum(when(col("origin").equalTo(col("destination")), 1).otherwise(0)),
              sum(col("bad")))
          .first();
      if (!facts.isNullAt(4) && facts.getLong(4) > 0) {
        checkTimes(path, typed);
      }
      long pairs = facts.getLong(0);
      long records = facts.isNullAt(1) ? 0 : facts.getLong(1);
      long twoTimes = facts.isNullAt(2) ? 0 : facts.getLong(2);
      long selfPairs = facts.isNullAt(3) ? 0 : facts.getLong(3);
      if (twoTimes > 0) {
        List<String> examples = new ArrayList<>();
        for (Row r :
            distinct.filter(col("minutes").notEqual(col("most"))).limit(5).collectAsList()) {
          examples.add(r.getString(0) + " -> " + r.getString(1) + ": " + r.getDouble(2) + " and "
              + r.getDouble(3) + " minutes");
        }
        throw new SparkInputException(path + ": " + twoTimes + " pairs given twice with different"
            + " times, e.g. " + String.join("; ", examples) + " — keep one time per pair");
      }
      String[] codes = codes(distinct);
      if (codes.length == 0) {
        throw new SparkInputException(path + ": no travel time in the table");
      }
      Decay d = decay.decay();
      double selfWeight = d.weight(0.0);
      Dataset<Row> index = spark.createDataFrame(
          indexRows(codes),
          new StructType()
              .add("code", DataTypes.StringType, false)
              .add("i", DataTypes.IntegerType, false));
      Dataset<Row> byCode = codes.length <= BROADCAST_CODES ? broadcast(index) : index;
      Dataset<Row> weighted = distinct
          .select(col("origin"), col("destination"), col("minutes"))
          .withColumn("w", udf(new Weight(decay), DataTypes.DoubleType).apply(col("minutes")))
          .filter(col("w").gt(0.0));
      Dataset<Row> pairsInReach = weighted
          .join(byCode.withColumnRenamed("code", "origin").withColumnRenamed("i", "o"), "origin")
          .join(
              byCode.withColumnRenamed("code", "destination").withColumnRenamed("i", "d"),
              "destination")
          .select(col("o"), col("d"), col("w"));
      if (selfWeight > 0 && selfPairs < codes.length) {
        // The places with no pair to themselves reach themselves at 0 minutes.
        Dataset<Row> withSelf = distinct
            .filter(col("origin").equalTo(col("destination")))
            .select(col("origin").as("code"));
        Dataset<Row> added = index
            .join(withSelf, index.col("code").equalTo(withSelf.col("code")), "left_anti")
            .select(col("i").as("o"), col("i").as("d"), lit(selfWeight).as("w"));
        pairsInReach = pairsInReach.unionByName(added);
      }
      return SparkKernel.of(
          spark,
          pairsInReach,
          partitions,
          codes,
          selfWeight,
          pairs,
          (int) (codes.length - selfPairs),
          records - pairs);
    } finally {
      distinct.unpersist(false);
    }
  }

  /** Fails on a missing code, or a time that is not a number, not finite or negative. */
  private static void checkTimes(String path, Dataset<Row> typed) {
    org.apache.spark.sql.Column bad = bad();
    List<Row> examples = typed.filter(bad).limit(5).collectAsList();
    if (examples.isEmpty()) {
      return;
    }
    long total = typed.filter(bad).count();
    List<String> quoted = new ArrayList<>();
    for (Row r : examples) {
      quoted.add(r.getString(0) + " -> " + r.getString(1) + " minutes " + r.getString(3));
    }
    throw new SparkInputException(String.format(
        Locale.ROOT,
        "%s: %d records with a missing code or a travel time that is not a finite number >= 0,"
            + " e.g. %s — fix the records or remove them",
        path,
        total,
        String.join("; ", quoted)));
  }

  /** True for a record with a missing code, or a time that is not a finite number >= 0. */
  private static org.apache.spark.sql.Column bad() {
    return col("origin")
        .isNull()
        .or(col("origin").equalTo(""))
        .or(col("destination").isNull())
        .or(col("destination").equalTo(""))
        .or(col("minutes").isNull())
        .or(col("minutes").isNaN())
        .or(col("minutes").lt(0.0))
        .or(col("minutes").equalTo(Double.POSITIVE_INFINITY));
  }

  /** The codes of the table, origins and destinations, in String order. */
  private static String[] codes(Dataset<Row> distinct) {
    List<String> found = distinct
        .select(col("origin").as("code"))
        .union(distinct.select(col("destination").as("code")))
        .distinct()
        .as(Encoders.STRING())
        .collectAsList();
    String[] codes = found.toArray(new String[0]);
    Arrays.sort(codes);
    return codes;
  }

  private static List<Row> indexRows(String[] codes) {
    List<Row> rows = new ArrayList<>(codes.length);
    for (int i = 0; i < codes.length; i++) {
      rows.add(RowFactory.create(codes[i], i));
    }
    return rows;
  }

  /** The weight of a time, the decay built once per executor JVM task from its spec. */
  private static final class Weight implements UDF1<Double, Double> {
    private static final long serialVersionUID = 1L;

    private final DecaySpec spec;
    private transient Decay decay;

    Weight(DecaySpec spec) {
      this.spec = spec;
    }

    @Override
    public Double call(Double minutes) {
      if (decay == null) {
        decay = spec.decay();
      }
      return decay.weight(minutes);
    }
  }
}
