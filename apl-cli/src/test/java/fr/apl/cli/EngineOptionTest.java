package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine}: local is the default and changes nothing; an engine that is not on the class
 * path (Spark, in the CLI's tests) is a one-line message and exit 69, nothing written; so is a
 * Parquet output of {@code apl matrix convert}.
 */
class EngineOptionTest {

  @TempDir
  Path dir;

  @Test
  void localIsTheDefault() {
    Cli.Run plain = Cli.computeHauteLoireSupply();
    Cli.Run local = Cli.computeHauteLoireSupply("--engine", "local");
    assertEquals(0, local.exit(), local.err());
    assertEquals(plain.out(), local.out());
  }

  @Test
  void sparkWithoutSparkSaysWhatToBuild() {
    Cli.Run run = Cli.computeHauteLoireSupply("--engine", "spark");
    assertEquals(69, run.exit(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().contains("apl: --engine spark: no engine named spark"), run.err());
    assertTrue(run.err().contains("mvn -B -pl apl-spark -am package"), run.err());
    assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err());
  }

  @Test
  void parquetWithoutSparkSaysWhatToBuild() {
    Path out = dir.resolve("times.parquet");
    Cli.Run run = Cli.run(
        "matrix",
        "convert",
        "--times",
        Cli.samples().resolve("territoire-de-belfort-90").resolve("times.csv").toString(),
        "--output",
        out.toString());
    assertEquals(69, run.exit(), run.err());
    assertTrue(run.err().contains("writing Parquet needs Spark"), run.err());
    assertTrue(!Files.exists(out), "nothing written");
  }
}
