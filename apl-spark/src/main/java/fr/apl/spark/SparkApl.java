package fr.apl.spark;

import static org.apache.spark.sql.functions.col;

import fr.apl.core.AccessMethod;
import fr.apl.core.Apl;
import fr.apl.core.AplResult;
import fr.apl.core.Variant;
import fr.apl.core.VariantDiagnostics;
import fr.apl.decay.BandEdges;
import fr.apl.demand.Population;
import fr.apl.place.CommuneValues;
import fr.apl.supply.Supply;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Computes APL on Spark from a pair table too large for one machine: the job that {@code
 * spark-submit} runs (the main class of {@code apl-spark-*-job.jar}), on a cluster or in local
 * mode. The pairs are read, weighed and summed on the executors ({@link SparkPairs}); the
 * population and the supply (one value per place) are read on Spark and gathered on the driver.
 *
 * <pre>
 * spark-submit --class fr.apl.spark.SparkApl apl-spark-0.1.0-SNAPSHOT-job.jar \
 *   --times hdfs:///apl/grid-pairs.parquet --population hdfs:///apl/grid-population.parquet \
 *   --supply hdfs:///apl/supply.csv --output hdfs:///apl/grid-apl.parquet --partitions 400
 * </pre>
 *
 * <p>Inputs: the times ({@code origin,destination,minutes}), the standardised population
 * ({@code commune,population}) and the supply ({@code commune,consultations} and any {@code
 * consultations_moinsNN}, one variant each), as Parquet or CSV with a header; {@code --method},
 * {@code --decay}, {@code --max-minutes} and {@code --closed-upper} as in {@code apl compute}.
 * Output: Parquet (a folder), or CSV when the path ends in {@code .csv} (a folder with one part),
 * with the columns of {@code apl compute}; Spark's committer moves it into place only once
 * complete. Exit codes are those of {@code apl}: 0, 2 usage, 65 bad data, 66 a missing input, 69
 * Spark missing, 74 a write that failed.
 */
public final class SparkApl {

  static final int OK = 0;
  static final int USAGE = 2;
  static final int DATA = 65;
  static final int NO_INPUT = 66;
  static final int UNAVAILABLE = 69;
  static final int IO = 74;

  private SparkApl() {}

  /**
   * Runs the job and exits with its code.
   *
   * @param args the options (see the class comment)
   */
  public static void main(String[] args) {
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, null, err));
  }

  /**
   * Runs the job on a session (the active or a new one when null), reporting on {@code err}.
   *
   * @param args the options
   * @param spark the session, or null
   * @param err where the summary and the problems go
   * @return the exit code
   */
  public static int run(String[] args, SparkSession spark, PrintStream err) {
    Map<String, String> o = new LinkedHashMap<>();
    List<String> flags = List.of("--force", "--closed-upper", "-q", "--quiet");
    for (int k = 0; k < args.length; k++) {
      String a = args[k];
      if (flags.contains(a)) {
        o.put(a, "true");
      } else if (a.startsWith("--") && k + 1 < args.length) {
        o.put(a, args[++k]);
      } else {
        err.println("apl-spark: unexpected argument: " + a);
        return usage(err);
      }
    }
    for (String need : List.of("--times", "--population", "--supply", "--output")) {
      if (!o.containsKey(need)) {
        err.println("apl-spark: missing " + need);
        return usage(err);
      }
    }
    List<String> known = List.of(
        "--times",
        "--population",
        "--supply",
        "--output",
        "--method",
        "--decay",
        "--max-minutes",
        "--partitions",
        "--force",
        "--closed-upper",
        "-q",
        "--quiet");
    for (String k : o.keySet()) {
      if (!known.contains(k)) {
        err.println("apl-spark: unknown option " + k);
        return usage(err);
      }
    }
    AccessMethod method;
    DecaySpec decay;
    int partitions;
    try {
      method = AccessMethod.of(o.getOrDefault("--method", "e2sfca"));
      decay = new DecaySpec(
          o.getOrDefault("--decay", "10:1,15:2/3,20:1/3"),
          o.containsKey("--max-minutes") ? Double.valueOf(o.get("--max-minutes")) : null,
          o.containsKey("--closed-upper") ? BandEdges.CLOSED_UPPER : BandEdges.HALF_OPEN);
      partitions = o.containsKey("--partitions") ? Integer.parseInt(o.get("--partitions")) : 0;
      if (partitions < 0) {
        throw new IllegalArgumentException("--partitions must be >= 1");
      }
    } catch (IllegalArgumentException e) {
      err.println("apl-spark: " + e.getMessage());
      return usage(err);
    }
    try {
      Sessions.requireSpark();
    } catch (IllegalStateException e) {
      err.println("apl-spark: " + e.getMessage());
      return UNAVAILABLE;
    }
    boolean quiet = o.containsKey("-q") || o.containsKey("--quiet");
    SparkSession session = spark != null ? spark : Sessions.activeOrLocal();
    int parts = partitions > 0 ? partitions : Sessions.partitions(session);
    // Every shuffle of the job (the code table, the self pairs) at the same scale as the pairs.
    session.conf().set("spark.sql.shuffle.partitions", Integer.toString(parts));
    long t0 = System.nanoTime();
    for (String input : List.of("--times", "--population", "--supply")) {
      if (!exists(session, o.get(input))) {
        err.println("apl-spark: " + input + " " + o.get(input) + ": no such input");
        return NO_INPUT;
      }
    }
    try {
      Population population =
          Population.standardised(values(session, o.get("--population"), "population"));
      List<Variant> variants = supply(session, o.get("--supply"), method);
      AplResult result;
      try (SparkKernel kernel = SparkPairs.read(session, o.get("--times"), decay, parts)) {
        result = Apl.compute(kernel, population, variants, method);
      }
      for (int v = 0; v < result.variants().size(); v++) {
        for (int k = 0; k < result.size(); k++) {
          if (!Double.isFinite(result.apl(v, k))) {
            err.println("apl-spark: " + result.variants().get(v) + " of " + result.code(k) + " is "
                + result.apl(v, k) + ": check the population and supply");
            return DATA;
          }
        }
      }
      write(session, result, o.get("--output"), o.containsKey("--force"));
      if (!quiet) {
        summary(err, result, parts, (System.nanoTime() - t0) / 1e9);
      }
      return OK;
    } catch (SparkInputException e) {
      err.println("apl-spark: " + e.getMessage());
      return DATA;
    } catch (IllegalArgumentException e) {
      err.println("apl-spark: " + e.getMessage());
      return DATA;
    } catch (Exception e) {
      // Spark's Scala code throws checked exceptions undeclared: sorted here by kind.
      String m = e.getMessage();
      if (e instanceof AnalysisException) {
        boolean missing = m != null && m.contains("PATH_NOT_FOUND");
        boolean exists = m != null && m.contains("PATH_ALREADY_EXISTS");
        err.println("apl-spark: " + (missing ? "no such input: " : "") + firstLine(m)
            + (exists ? " (give --force to replace it)" : ""));
        return missing ? NO_INPUT : exists ? USAGE : IO;
      }
      if (m != null && m.contains("OutOfMemoryError")) {
        err.println("apl-spark: out of memory on an executor: give them more memory"
            + " (--executor-memory, or -Xmx in local mode) or more --partitions");
        return IO;
      }
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof java.io.IOException) {
          err.println("apl-spark: input/output error: " + firstLine(c.getMessage()));
          return IO;
        }
      }
      err.println("apl-spark: internal error (a bug, please report it): " + e);
      return 1;
    }
  }

  /** True when a path exists on its file system (HDFS, S3, local…). */
  private static boolean exists(SparkSession spark, String path) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (java.io.IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private static int usage(PrintStream err) {
    err.println("usage: spark-submit --class fr.apl.spark.SparkApl apl-spark-*-job.jar"
        + " --times PAIRS --population POP --supply SUPPLY --output OUT [--method NAME]"
        + " [--decay SPEC] [--max-minutes M] [--closed-upper] [--partitions N] [--force] [-q]");
    return USAGE;
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Reads one value per commune from a column, checked: a finite number &gt;= 0, once each. */
  static CommuneValues values(SparkSession spark, String path, String column) {
    return columns(spark, path, List.of(column)).get(column);
  }

  private static Map<String, CommuneValues> columns(
      SparkSession spark, String path, List<String> columns) {
    List<String> all = new ArrayList<>();
    all.add("commune");
    all.addAll(columns);
    Dataset<Row> t = Tables.read(spark, path, all);
    List<org.apache.spark.sql.Column> cols = new ArrayList<>();
    cols.add(col("commune").cast(DataTypes.StringType));
    for (String c : columns) {
      cols.add(col(c).cast(DataTypes.StringType));
    }
    List<Row> rows = t.select(cols.toArray(new org.apache.spark.sql.Column[0])).collectAsList();
    Map<String, CommuneValues> out = new LinkedHashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      CommuneValues.Builder b = CommuneValues.builder();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Row r : rows) {
        String code = r.getString(0);
        String given = r.getString(c + 1);
        if (code == null || code.isBlank()) {
          throw new SparkInputException(
              path + ": a record has no commune (" + columns.get(c) + " " + given + ")");
        }
        double v;
        try {
          v = given == null ? Double.NaN : Double.parseDouble(given.trim());
        } catch (NumberFormatException e) {
          v = Double.NaN;
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw new SparkInputException(path + ": commune " + code + ": " + columns.get(c)
              + " must be a finite number >= 0, given: " + given);
        }
        if (!seen.add(code)) {
          throw new SparkInputException(path + ": commune " + code + " is given twice");
        }
        b.add(code, v);
      }
      out.put(columns.get(c), b.build());
    }
    return out;
  }

  /** The supply variants: all consultations, then one per consultations_moinsNN column. */
  private static List<Variant> supply(SparkSession spark, String path, AccessMethod method) {
    Dataset<Row> head = Tables.read(spark, path, List.of("commune", "consultations"));
    List<String> columns = new ArrayList<>();
    columns.add("consultations");
    for (String c : head.columns()) {
      if (c.matches("consultations_moins[0-9]+")) {
        columns.add(c);
      }
    }
    Map<String, CommuneValues> read = columns(spark, path, columns);
    List<Variant> variants = new ArrayList<>();
    for (String c : columns) {
      String name = "apl" + c.substring("consultations".length());
      if (!method.name().equals("e2sfca")) {
        name = "access_" + method.name() + name.substring(3);
      }
      variants.add(Variant.of(name, Supply.of(read.get(c))));
    }
    return variants;
  }

  /** Writes the result with Spark's committer: Parquet, or one CSV part under a .csv folder. */
  private static void write(SparkSession spark, AplResult r, String path, boolean force) {
    StructType schema = new StructType().add("commune", DataTypes.StringType, false);
    for (String v : r.variants()) {
      schema = schema.add(v, DataTypes.DoubleType, false);
    }
    schema = schema
        .add("population", DataTypes.DoubleType, false)
        .add("practices_in_reach", DataTypes.IntegerType, false);
    CommuneValues pop = r.population().standardised();
    List<Row> rows = new ArrayList<>(r.size());
    int variants = r.variants().size();
    for (int k = 0; k < r.size(); k++) {
      Object[] cells = new Object[variants + 3];
      cells[0] = r.code(k);
      for (int v = 0; v < variants; v++) {
        cells[v + 1] = r.apl(v, k);
      }
      cells[variants + 1] = pop.value(k);
      cells[variants + 2] = r.practicesInReach(k);
      rows.add(RowFactory.create(cells));
    }
    Dataset<Row> out = spark.createDataFrame(rows, schema);
    SaveMode mode = force ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
    if (Tables.isCsv(path)) {
      out.coalesce(1).write().mode(mode).option("header", "true").csv(path);
    } else {
      out.write().mode(mode).parquet(path);
    }
  }

  private static void summary(PrintStream err, AplResult r, int partitions, double seconds) {
    var d = r.diagnostics();
    err.printf(
        Locale.ROOT,
        "apl-spark: %d communes, %d travel-time pairs, %d in reach, %d partitions, %.1f s%n",
        r.size(),
        d.pairs(),
        d.pairsInReach(),
        partitions,
        seconds);
    for (VariantDiagnostics v : d.variants()) {
      err.printf(
          Locale.ROOT,
          "  %-12s mean %.4f; conservation relative error %.1e%n",
          v.name(),
          r.weightedMean(v.name()),
          v.conservationRelativeError());
    }
  }
}
