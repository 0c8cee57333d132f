package fr.apl.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Generates a synthetic grid as Parquet, to size a cluster or benchmark the Spark engine: a
 * {@code width × height} grid of cells (codes {@code 0000000}, {@code 0000001}… in row order),
 * every pair of cells at most {@code radius} cells apart with {@code 2.8} minutes per cell of
 * distance (a radius of 7 cells reaches 19.6 minutes, inside the DREES 20-minute catchment), a
 * population per cell and a supply in one cell of 37. Deterministic: the same sizes give the
 * same tables. Written on the executors: nothing of the pair table passes through the driver.
 *
 * <pre>
 * GridPairs WIDTH HEIGHT RADIUS FOLDER   (writes FOLDER/pairs.parquet, population.parquet,
 *                                         supply.parquet)
 * GridPairs --csv FOLDER                 (the same tables as CSV parts, for the local engine)
 * </pre>
 *
 * <p>1400 × 1000 cells and a radius of 7 give 202 million pairs (149 neighbours a cell, fewer at
 * the edges).
 */
public final class GridPairs {

  private GridPairs() {}

  /**
   * Writes the three tables.
   *
   * @param args width, height, radius (cells), output folder
   */
  public static void main(String[] args) {
    if (args.length == 2 && args[0].equals("--csv")) {
      csv(Sessions.activeOrLocal(), args[1]);
      return;
    }
    if (args.length != 4) {
      System.err.println("usage: GridPairs WIDTH HEIGHT RADIUS FOLDER | GridPairs --csv FOLDER");
      System.exit(SparkApl.USAGE);
    }
    int width = Integer.parseInt(args[0]);
    int height = Integer.parseInt(args[1]);
    int radius = Integer.parseInt(args[2]);
    write(Sessions.activeOrLocal(), width, height, radius, args[3]);
  }

  /**
   * Writes {@code pairs.parquet}, {@code population.parquet} and {@code supply.parquet} under a
   * folder (replaced when they exist).
   *
   * @param spark the session
   * @param width cells across
   * @param height cells down
   * @param radius the reach in cells
   * @param folder where to write, any Hadoop path
   */
  public static void write(SparkSession spark, int width, int height, int radius, String folder) {
    List<Row> offsets = new ArrayList<>();
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        if (dx * dx + dy * dy <= radius * radius) {
          double minutes = Math.round(Math.sqrt(dx * dx + dy * dy) * 28) / 10.0;
          offsets.add(RowFactory.create(dx, dy, minutes));
        }
      }
    }
    Dataset<Row> offset = spark.createDataFrame(
        offsets,
        new StructType()
            .add("dx", DataTypes.IntegerType)
            .add("dy", DataTypes.IntegerType)
            .add("minutes", DataTypes.DoubleType));
    long cells = (long) width * height;
    Dataset<Row> cell = spark
        .range(0, cells)
        .toDF("id")
        .withColumn("x", col("id").mod(width))
        .withColumn("y", col("id").divide(width).cast(DataTypes.LongType));
    Column x2 = col("x").plus(col("dx"));
    Column y2 = col("y").plus(col("dy"));
    Dataset<Row> pairs = cell.crossJoin(broadcast(offset))
        .filter(x2.geq(0).and(x2.lt(width)).and(y2.geq(0)).and(y2.lt(height)))
        .select(
            code(col("id")).as("origin"),
            code(y2.multiply(width).plus(x2)).as("destination"),
            col("minutes"));
    pairs.write().mode(SaveMode.Overwrite).parquet(folder + "/pairs.parquet");
    cell.select(
            code(col("id")).as("commune"),
            col("id").multiply(2654435761L).mod(100000).divide(100.0).as("population"))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(folder + "/population.parquet");
    cell.filter(col("id").mod(37).equalTo(0))
        .select(
            code(col("id")).as("commune"),
            lit(1000.0).plus(col("id").mod(5000)).as("consultations"),
            when(col("id").mod(3).equalTo(0), lit(0.0))
                .otherwise(lit(1000.0).plus(col("id").mod(5000)))
                .as("consultations_moins65"))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(folder + "/supply.parquet");
    System.err.println(String.format(
        Locale.ROOT, "grid: %d cells, %d offsets, written to %s", cells, offsets.size(), folder));
  }

  /**
   * Writes the three tables of a folder again as CSV for {@code apl compute} and the local engine
   * ({@code pairs-csv/}, {@code population-csv/}, {@code supply-csv/}: headerless parts, in
   * order, to put after a header line).
   *
   * @param spark the session
   * @param folder the folder {@link #write} wrote
   */
  public static void csv(SparkSession spark, String folder) {
    for (String t : new String[] {"pairs", "population", "supply"}) {
      spark
          .read()
          .parquet(folder + "/" + t + ".parquet")
          .write()
          .mode(SaveMode.Overwrite)
          .option("header", "false")
          .csv(folder + "/" + t + "-csv");
    }
  }

  private static Column code(Column id) {
    return lpad(id.cast(DataTypes.StringType), 7, "0");
  }
}
