// Compares an apl-spark result (Parquet) with apl compute's CSV, commune by commune and column by
// column: the largest relative difference, and how many values differ in any bit. A single-file
// program run by benchmarks/spark-grid.sh with Spark's jars on the class path:
//   java -cp "apl-spark/target/lib/*" benchmarks/CompareApl.java SPARK.parquet LOCAL.csv
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

public class CompareApl {
  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("compare")
        .config("spark.ui.enabled", "false").getOrCreate();
    List<Row> rows = spark.read().parquet(args[0]).collectAsList();
    String[] columns = spark.read().parquet(args[0]).columns();
    Map<String, Row> byCode = new HashMap<>();
    for (Row r : rows) {
      byCode.put(r.getString(0), r);
    }
    double worst = 0;
    long values = 0;
    long differing = 0;
    long communes = 0;
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
      String[] header = in.readLine().split(",");
      String line;
      while ((line = in.readLine()) != null) {
        String[] cells = line.split(",");
        Row r = byCode.get(cells[0]);
        if (r == null) {
          throw new IllegalStateException("commune " + cells[0] + " missing from " + args[0]);
        }
        communes++;
        for (int c = 1; c < header.length; c++) {
          if (header[c].equals("practices_in_reach") || header[c].equals("population")) {
            continue;
          }
          double local = Double.parseDouble(cells[c]);
          double other = r.getDouble(r.fieldIndex(header[c]));
          values++;
          if (local != other) {
            differing++;
            worst = Math.max(worst, Math.abs(other - local) / Math.abs(local));
          }
        }
      }
    }
    System.out.printf(Locale.ROOT,
        "compared %d communes (%d in the Parquet result, columns %s), %d values: %d differ,"
            + " largest relative difference %.3g%n",
        communes, rows.size(), String.join(",", columns), values, differing, worst);
    spark.stop();
  }
}
