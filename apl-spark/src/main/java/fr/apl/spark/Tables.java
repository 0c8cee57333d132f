package fr.apl.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads a table on Spark: Parquet, or CSV with a header (gzipped or not), by its name. */
final class Tables {

  private Tables() {}

  /** True when the path names a CSV file (else Parquet: a file or a folder of parts). */
  static boolean isCsv(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return p.endsWith(".csv") || p.endsWith(".csv.gz") || p.endsWith(".txt");
  }

  /**
   * Reads a table and checks that it has the columns asked (CSV columns all read as text).
   *
   * @throws SparkInputException on a missing column
   */
  static Dataset<Row> read(SparkSession spark, String path, List<String> columns) {
    Dataset<Row> table = isCsv(path)
        ? spark.read().option("header", "true").option("inferSchema", "false").csv(path)
        : spark.read().parquet(path);
    List<String> missing = new ArrayList<>();
    List<String> have = List.of(table.columns());
    for (String c : columns) {
      if (!have.contains(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      throw new SparkInputException(path + ": no column " + String.join(", ", missing)
          + " (it has: " + String.join(", ", have) + ")");
    }
    return table;
  }
}
