package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One pipeline: validate and compute read each input once with the same readers, so they list the
 * same problems; inputs may be pipes; requests that the data cannot serve are named.
 */
class PipelineTest {

  @TempDir
  Path dir;

  private static final String TIMES = BrokenInputsTest.TIMES;
  private static final String POPULATION = BrokenInputsTest.POPULATION;
  private static final String SUPPLY = BrokenInputsTest.SUPPLY;

  private String[] world(String... more) throws IOException {
    Files.writeString(dir.resolve("times.csv"), TIMES, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("population.csv"), POPULATION, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("supply.csv"), SUPPLY, StandardCharsets.UTF_8);
    String[] base = {
      "--times",
      dir.resolve("times.csv").toString(),
      "--population",
      dir.resolve("population.csv").toString(),
      "--supply",
      dir.resolve("supply.csv").toString()
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  private static String[] cmd(String command, String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = command;
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }

  /** A population read from a named pipe (as `--population <(...)` or /dev/stdin give). */
  @Test
  void populationFromAPipe() throws Exception {
    String[] args = world();
    Cli.Run fromFile = Cli.run(cmd("compute", args));
    assertEquals(0, fromFile.exit(), fromFile.err());
    Path fifo = dir.resolve("population.fifo");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, mk.waitFor());
    Thread writer = new Thread(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        out.write(POPULATION.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    args[3] = fifo.toString();
    Cli.Run fromPipe = Cli.run(cmd("compute", args));
    writer.join();
    assertEquals(0, fromPipe.exit(), fromPipe.err());
    assertEquals(fromFile.out(), fromPipe.out());
  }

  /** Comparing age weights needs age bands: a standardised population is bad data (65). */
  @Test
  void comparingWeightsOnAStandardisedPopulationIsBadData() throws IOException {
    Cli.Run run = Cli.run(cmd("compute", world("--compare-age-weights", "2022")));
    assertEquals(65, run.exit(), run.err());
    assertTrue(
        run.err()
            .contains("population.csv:1: error: the population is given standardised,"
                + " not by age band: it cannot be standardised with other age weights"),
        run.err());
  }

  /** Bands wider than the table: the times stop at 18 minutes, the last band starts at 30. */
  @Test
  void bandsBeyondTheTableAreAWarning() throws IOException {
    String expected = "times.csv: warning: the times stop before the last band of the decay"
        + " (30 to 45 minutes): pairs beyond the longest time are missing, not out of reach (18"
        + " minutes) — give a times table that reaches 45 minutes, or bands that end within it";
    String[] args = world("--decay", "15:1,30:2/3,45:1/3");
    Cli.Run compute = Cli.run(cmd("compute", args));
    assertEquals(0, compute.exit(), compute.err());
    assertTrue(compute.err().replace(dir + "/", "").contains(expected + "\n"), compute.err());
    Cli.Run validate = Cli.run(cmd("validate", args));
    assertEquals(0, validate.exit(), validate.out());
    assertTrue(validate.out().replace(dir + "/", "").contains(expected + "\n"), validate.out());
    // The DREES bands end within the table: no warning.
    Cli.Run drees = Cli.run(cmd("validate", world()));
    assertFalse(drees.out().contains("last band"), drees.out());
  }

  /** A column named for two roles is refused by validate and compute, with the same line. */
  @Test
  void aColumnForTwoRolesIsRefusedTheSameWay() throws IOException {
    String[] args = world("--columns", "population=commune");
    Cli.Run validate = Cli.run(cmd("validate", args));
    Cli.Run compute = Cli.run(cmd("compute", args));
    String line = "population.csv:1: error: one column is used both as commune and as population"
        + " (commune) — name a column of its own for each in the column mapping";
    assertEquals(65, validate.exit(), validate.out());
    assertEquals(65, compute.exit(), compute.err());
    assertTrue(validate.out().replace(dir + "/", "").contains(line + "\n"), validate.out());
    assertTrue(compute.err().replace(dir + "/", "").contains(line + "\n"), compute.err());
  }

  /** validate and compute list the same problems, line for line, for a file with several. */
  @Test
  void validateAndComputeListTheSameProblems() throws IOException {
    String[] args = world();
    Files.writeString(
        dir.resolve("times.csv"),
        TIMES + "01001,01004,-3\n01004,01001,abc\n" + "1001,01002,5\n01002,01001,13\n",
        StandardCharsets.UTF_8);
    Cli.Run validate = Cli.run(cmd("validate", args));
    Cli.Run compute = Cli.run(cmd("compute", args));
    assertEquals(65, validate.exit());
    assertEquals(65, compute.exit());
    List<String> listed = validate.out().lines().toList();
    List<String> refused = compute.err().lines().toList();
    assertEquals(listed, refused.subList(0, listed.size()), compute.err());
    assertEquals(5, listed.size(), validate.out());
  }

  /** A folder given as an input is named as one (not an IOException). */
  @Test
  void aFolderAsAnInput() throws IOException {
    String[] args = world();
    args[3] = dir.toString();
    Cli.Run run = Cli.run(cmd("compute", args));
    assertEquals(66, run.exit(), run.err());
    assertTrue(run.err().contains(dir + ": error: is a folder, not a file"), run.err());
  }

  /**
   * An id with an escaped quote ({@code "q""x"}) is the same id in every reader: the times and the
   * population join on it.
   */
  @Test
  void quotedIdsAreReadTheSameByEveryReader() throws IOException {
    Files.writeString(
        dir.resolve("times.csv"),
        "origin,destination,minutes\n\"q\"\"x\",\"q\"\"x\",0\n"
            + "\"q\"\"x\",b,5\nb,b,0\nb,\"q\"\"x\",5\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("population.csv"),
        "commune,population\n\"q\"\"x\",100\nb,50\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("supply.csv"), "commune,consultations\nb,3000\n", StandardCharsets.UTF_8);
    Cli.Run run = Cli.run(
        "compute",
        "--codes",
        "any",
        "--times",
        dir.resolve("times.csv").toString(),
        "--population",
        dir.resolve("population.csv").toString(),
        "--supply",
        dir.resolve("supply.csv").toString());
    assertEquals(0, run.exit(), run.err());
    // Both reach b at 5 minutes (weight 1): D_b = 150, R_b = 20, APL = 20 for both.
    assertTrue(run.out().contains("\n\"q\"\"x\",20.0,"), run.out());
    assertTrue(run.err().contains(" 0 population communes not in the times;"), run.err());
  }

  /** A scenario that gives supply to a commune no input lists is warned about, file and line. */
  @Test
  void aScenarioOnAnUnknownCommuneIsNamedWithItsLine() throws IOException {
    String[] args = world();
    Path scenarios = Files.writeString(
        dir.resolve("s.csv"), "scenario,commune,delta\n" + "open,01002,100\nfar,01053,500\n");
    String[] more = java.util.Arrays.copyOf(args, args.length + 2);
    more[args.length] = "--scenarios";
    more[args.length + 1] = scenarios.toString();
    Cli.Run run = Cli.run(cmd("compute", more));
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        run.err()
            .contains(scenarios + ":3: warning: scenario far gives supply to a commune"
                + " that neither the supply nor the population lists (01053)"),
        run.err());
  }
}
