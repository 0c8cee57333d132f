package fr.apl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.core.AplResult;
import fr.apl.job.AplJob;
import fr.apl.job.AplRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The spark-submit job ({@link SparkApl}) against the local engine: the pair table read by Spark
 * from CSV and from Parquet, the population and supply from CSV, the result written as Parquet,
 * read back and compared with what {@link AplJob} computes locally from the same files. And its
 * refusals: a bad time (65, the record quoted), a missing input (66), an output that exists (2).
 */
class SparkAplTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  private String stderr() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}, {1}, {2} partitions, {3}")
  @CsvSource({
    "territoire-de-belfort-90, csv, 1, e2sfca",
    "territoire-de-belfort-90, parquet, 16, 3sfca",
    "haute-loire-43, parquet, 3, e2sfca",
    "haute-loire-43, csv, 3, bfca"
  })
  void theJobGivesTheLocalFigures(String folder, String format, int partitions, String method)
      throws IOException {
    Path sample = SparkEngineSamplesTest.SAMPLES.resolve(folder);
    SparkSession spark = LocalSpark.get();
    String times = sample.resolve("times.csv").toString();
    if (format.equals("parquet")) {
      times = dir.resolve("times.parquet").toString();
      spark
          .read()
          .option("header", "true")
          .csv(sample.resolve("times.csv").toString())
          .selectExpr("origin", "destination", "cast(minutes as double) as minutes")
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(times);
    }
    String out = dir.resolve("apl.parquet").toString();
    int code = SparkApl.run(
        new String[] {
          "--times",
          times,
          "--population",
          sample.resolve("population.csv").toString(),
          "--supply",
          sample.resolve("supply.csv").toString(),
          "--output",
          out,
          "--partitions",
          Integer.toString(partitions),
          "--method",
          method
        },
        spark,
        err);
    assertEquals(0, code, stderr());
    AplRun local = AplJob.run(fr.apl.job.AplRequest.builder()
        .times(fr.apl.io.TimesFile.of(sample.resolve("times.csv"), fr.apl.io.csv.ReadProgress.NONE))
        .supply(sample.resolve("supply.csv"))
        .population(sample.resolve("population.csv"))
        .method(fr.apl.core.AccessMethod.of(method))
        .threads(2)
        .build());
    assertFalse(local.validation().hasErrors(), local.validation().problems().toString());
    AplResult expected = local.result();
    List<Row> rows = spark.read().parquet(out).collectAsList();
    assertEquals(expected.size(), rows.size(), "communes");
    Map<String, Row> byCode = new HashMap<>();
    for (Row r : rows) {
      byCode.put(r.getString(0), r);
    }
    String where = folder + ", " + format + ", " + partitions + " partitions, " + method;
    for (int k = 0; k < expected.size(); k++) {
      Row r = byCode.get(expected.code(k));
      for (int v = 0; v < expected.variants().size(); v++) {
        String column = expected.variants().get(v);
        double e = expected.apl(v, k);
        double a = r.getDouble(r.fieldIndex(column));
        double rel = e == a ? 0 : Math.abs(a - e) / Math.max(Math.abs(e), Double.MIN_NORMAL);
        assertTrue(
            rel <= 1e-12,
            where + ", " + column + ", " + expected.code(k) + ": local " + e + ", spark " + a);
        assertEquals(e, a, where + ": the same bits");
      }
      assertEquals(
          expected.practicesInReach(k),
          r.getInt(r.fieldIndex("practices_in_reach")),
          where + ", practices in reach of " + expected.code(k));
    }
  }

  @Test
  void aBadTimeIsQuotedWithItsRecord() throws IOException {
    Path times = Files.writeString(
        dir.resolve("times.csv"),
        "origin,destination,minutes\n01001,01001,0\n01001,01002,abc\n01002,01002,-3\n",
        StandardCharsets.UTF_8);
    Path pop = Files.writeString(
        dir.resolve("population.csv"), "commune,population\n01001,10\n", StandardCharsets.UTF_8);
    Path supply = Files.writeString(
        dir.resolve("supply.csv"), "commune,consultations\n01001,100\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("out.parquet");
    int code = SparkApl.run(
        new String[] {
          "--times", times.toString(), "--population", pop.toString(),
          "--supply", supply.toString(), "--output", out.toString()
        },
        LocalSpark.get(),
        err);
    assertEquals(65, code, stderr());
    assertTrue(stderr().contains("2 records with a missing code or a travel time"), stderr());
    assertTrue(stderr().contains("01001 -> 01002 minutes abc"), stderr());
    assertFalse(Files.exists(out), "no output");
  }

  @Test
  void aMissingInputAndAnExistingOutputAreRefused() throws IOException {
    Path sample = SparkEngineSamplesTest.SAMPLES.resolve("territoire-de-belfort-90");
    String[] args = {
      "--times", dir.resolve("nowhere.parquet").toString(),
      "--population", sample.resolve("population.csv").toString(),
      "--supply", sample.resolve("supply.csv").toString(),
      "--output", dir.resolve("out.parquet").toString()
    };
    assertEquals(66, SparkApl.run(args, LocalSpark.get(), err), stderr());
    assertTrue(stderr().contains("no such input"), stderr());
    Files.createDirectories(dir.resolve("exists.parquet"));
    args[1] = sample.resolve("times.csv").toString();
    args[7] = dir.resolve("exists.parquet").toString();
    assertEquals(2, SparkApl.run(args, LocalSpark.get(), err), stderr());
    assertTrue(stderr().contains("--force"), stderr());
    assertEquals(2, SparkApl.run(new String[] {"--times"}, LocalSpark.get(), err));
  }

  @Test
  void aMatrixWrittenAsParquetIsReadBackWhole() throws IOException {
    Path sample = SparkEngineSamplesTest.SAMPLES.resolve("territoire-de-belfort-90");
    fr.apl.matrix.TravelTimeMatrix m = AplJob.validate(fr.apl.job.AplRequest.builder()
            .times(fr.apl.io.TimesFile.of(
                sample.resolve("times.csv"), fr.apl.io.csv.ReadProgress.NONE))
            .build())
        .times();
    String out = dir.resolve("times.parquet").toString();
    fr.apl.io.PairTableWriter writer = fr.apl.io.PairTableWriter.forPath(out);
    assertTrue(writer instanceof ParquetPairWriter, "found through the service loader");
    writer.write(m, out, false);
    List<Row> rows = LocalSpark.get().read().parquet(out).collectAsList();
    assertEquals(m.pairCount(), rows.size());
    double total = 0;
    double expected = 0;
    for (Row r : rows) {
      total += r.getDouble(2);
      assertEquals(r.getDouble(2), m.minutes(r.getString(0), r.getString(1)));
    }
    for (double x : m.minutes()) {
      expected += x;
    }
    assertEquals(expected, total, 1e-9 * expected);
    assertThrowsIo(() -> writer.write(m, out, false));
  }

  private static void assertThrowsIo(org.junit.jupiter.api.function.Executable e) {
    org.junit.jupiter.api.Assertions.assertThrows(IOException.class, e);
  }
}
