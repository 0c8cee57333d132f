package fr.apl.spark;

import fr.apl.io.PairTableWriter;
import fr.apl.matrix.TravelTimeMatrix;
import java.io.IOException;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a matrix as a Parquet pair table ({@code origin}, {@code destination} text, {@code
 * minutes} double), the table {@link SparkPairs} and {@code spark-submit} read: {@code apl matrix
 * convert --output times.parquet}. Spark writes it (a folder of parts) through its committer,
 * which moves it into place only once complete. Found through {@link java.util.ServiceLoader}.
 */
public final class ParquetPairWriter implements PairTableWriter {

  /** Rows per slice handed to Spark. */
  private static final int SLICE = 1 << 20;

  /**
   * Creates the writer.
   *
   * @throws IllegalStateException when Spark is not on the class path
   */
  public ParquetPairWriter() {
    Sessions.requireSpark();
  }

  @Override
  public boolean accepts(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return p.endsWith(".parquet") || p.endsWith(".parquet/");
  }

  @Override
  public String write(TravelTimeMatrix matrix, String path, boolean replace) throws IOException {
    SparkSession spark = Sessions.activeOrLocal();
    StructType schema = new StructType()
        .add("origin", DataTypes.StringType, false)
        .add("destination", DataTypes.StringType, false)
        .add("minutes", DataTypes.DoubleType, false);
    String[] codes = matrix.codes();
    IntBuffer start = matrix.rowStartView();
    IntBuffer destination = matrix.destinationsView();
    DoubleBuffer minutes = matrix.minutesView();
    // Written in slices to a folder beside the output, renamed into place once complete.
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(path);
    org.apache.hadoop.fs.FileSystem fs =
        target.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (fs.exists(target) && !replace) {
      throw new IOException(path + " exists; use --force to replace it");
    }
    org.apache.hadoop.fs.Path temp =
        new org.apache.hadoop.fs.Path(path + ".tmp-" + System.nanoTime());
    boolean done = false;
    try {
      List<Row> rows = new ArrayList<>(Math.min(matrix.pairCount(), SLICE));
      boolean first = true;
      for (int i = 0; i < codes.length; i++) {
        for (int k = start.get(i); k < start.get(i + 1); k++) {
          rows.add(RowFactory.create(codes[i], codes[destination.get(k)], minutes.get(k)));
        }
        if (rows.size() >= SLICE || i == codes.length - 1) {
          try {
            spark
                .createDataFrame(rows, schema)
                .coalesce(1)
                .write()
                .mode(first ? SaveMode.ErrorIfExists : SaveMode.Append)
                .parquet(temp.toString());
          } catch (Exception e) {
            // Spark's Scala code throws checked exceptions undeclared.
            throw new IOException(path + ": " + firstLine(e.getMessage()), e);
          }
          rows.clear();
          first = false;
        }
      }
      if (fs.exists(target)) {
        fs.delete(target, true);
      }
      if (!fs.rename(temp, target)) {
        throw new IOException(path + ": could not move " + temp + " into place");
      }
      done = true;
    } finally {
      if (!done) {
        fs.delete(temp, true);
      }
    }
    return String.format(
        Locale.ROOT,
        "%d communes, %d pairs -> %s (Parquet)",
        codes.length,
        matrix.pairCount(),
        path);
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
