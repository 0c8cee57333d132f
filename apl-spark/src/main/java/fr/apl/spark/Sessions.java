package fr.apl.spark;

import org.apache.spark.sql.SparkSession;

/** The Spark session of a run: the active one, or a local one made for this process. */
final class Sessions {

  private Sessions() {}

  /** Fails with a clear message when Spark is not on the class path. */
  static void requireSpark() {
    try {
      Class.forName("org.apache.spark.sql.SparkSession", false, Sessions.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          "Spark is not on the class path (org.apache.spark:"
              + "spark-sql_2.13): build it with mvn -pl apl-spark -am package, which copies it to"
              + " apl-spark/target/lib, or run the job with spark-submit",
          e);
    }
  }

  /**
   * Returns the active session, or builds a local one: {@code spark.master} from the system
   * property (default {@code local[*]}), no web UI, {@code apl.spark.partitions} (default the
   * cores) shuffle partitions.
   */
  static SparkSession activeOrLocal() {
    scala.Option<SparkSession> active = SparkSession.getActiveSession();
    if (active.isDefined()) {
      return active.get();
    }
    scala.Option<SparkSession> shared = SparkSession.getDefaultSession();
    if (shared.isDefined()) {
      return shared.get();
    }
    int cores = Runtime.getRuntime().availableProcessors();
    return SparkSession.builder()
        .appName("apl")
        .master(System.getProperty("spark.master", "local[*]"))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config(
            "spark.sql.shuffle.partitions",
            System.getProperty("apl.spark.partitions", Integer.toString(cores)))
        .getOrCreate();
  }

  /** The partitions of each orientation of the pairs: apl.spark.partitions, else parallelism. */
  static int partitions(SparkSession spark) {
    String given = System.getProperty("apl.spark.partitions");
    if (given != null) {
      try {
        int p = Integer.parseInt(given.trim());
        if (p >= 1) {
          return p;
        }
      } catch (NumberFormatException e) {
        // Falls through to the message below.
      }
      throw new IllegalArgumentException(
          "apl.spark.partitions must be a whole number >= 1, given: " + given);
    }
    return Math.max(1, spark.sparkContext().defaultParallelism());
  }
}
