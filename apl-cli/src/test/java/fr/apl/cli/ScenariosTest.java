package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apl compute --scenarios: each scenario column must be exactly the apl column of a separate run
 * on the changed supply file (same sums in the same order, so equal bits).
 */
class ScenariosTest {

  @TempDir
  Path dir;

  private static List<String> column(String csv, String name) {
    List<String> lines = csv.lines().toList();
    int c = List.of(lines.get(0).split(",")).indexOf(name);
    List<String> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      out.add(line.split(",")[0] + "=" + line.split(",")[c]);
    }
    return out;
  }

  @Test
  void scenarioColumnsEqualSeparateRuns() throws IOException {
    Path folder = Cli.samples().resolve("haute-loire-43");
    String supply = Files.readString(folder.resolve("supply.csv"));
    // Le Puy-en-Velay (43157) loses a doctor's 4 000 consultations; a centre opens in 43001
    // (no supply before) with 9 000.
    Path scenarios = Files.writeString(dir.resolve("s.csv"),
        "scenario,commune,delta\nretire,43157,-4000\nopen,43001,9000\n");
    String[] base = {"compute", "--times", folder.resolve("times.csv").toString(),
        "--population", folder.resolve("population.csv").toString()};
    Cli.Run sweep = Cli.run(with(base, "--supply", folder.resolve("supply.csv").toString(),
        "--scenarios", scenarios.toString()));
    assertEquals(0, sweep.exit(), sweep.err());
    assertTrue(sweep.out().startsWith("commune,apl,apl_moins65,apl_retire,apl_open,population,"),
        sweep.out().substring(0, 80));

    String lePuy = supply.lines().filter(l -> l.startsWith("43157,")).findFirst().orElseThrow();
    double before = Double.parseDouble(lePuy.split(",")[1]);
    // The scenario changes the all-doctors supply; the retiring doctor is under 65 here too.
    Path retired = Files.writeString(dir.resolve("retired.csv"), supply.replace(lePuy,
        "43157," + (before - 4000) + "," + (before - 4000)));
    Path opened = Files.writeString(dir.resolve("opened.csv"), supply + "43001,9000,9000\n");
    Cli.Run r = Cli.run(with(base, "--supply", retired.toString()));
    Cli.Run o = Cli.run(with(base, "--supply", opened.toString()));
    assertEquals(0, r.exit(), r.err());
    assertEquals(0, o.exit(), o.err());
    assertEquals(column(r.out(), "apl"), column(sweep.out(), "apl_retire"));
    assertEquals(column(o.out(), "apl"), column(sweep.out(), "apl_open"));
    assertEquals(column(o.out(), "apl").size(), 1010);
  }

  @Test
  void badScenarios() throws IOException {
    Path folder = Cli.samples().resolve("haute-loire-43");
    String[] base = {"compute", "--times", folder.resolve("times.csv").toString(),
        "--population", folder.resolve("population.csv").toString(), "--supply",
        folder.resolve("supply.csv").toString(), "--scenarios"};
    Path negative = Files.writeString(dir.resolve("n.csv"), "scenario,commune,delta\nx,43001,-1\n");
    Cli.Run run = Cli.run(with(base, negative.toString()));
    assertEquals(65, run.exit());
    assertTrue(run.err().contains(negative + ":2: delta -1 makes the supply of 43001 negative"),
        run.err());
    Path twice = Files.writeString(dir.resolve("t.csv"),
        "scenario,commune,consultations\nx,43001,1\nx,43001,2\n");
    Cli.Run t = Cli.run(with(base, twice.toString()));
    assertEquals(65, t.exit());
    assertTrue(t.err().contains(twice + ":3: commune 43001 is given twice in scenario x (first at"
        + " line 2)"), t.err());
    Path clash = Files.writeString(dir.resolve("c.csv"),
        "scenario,commune,consultations\nmoins65,43001,1\n");
    Cli.Run c = Cli.run(with(base, clash.toString()));
    assertEquals(65, c.exit());
    assertTrue(c.err().contains("which another variant already has"), c.err());
  }

  private static String[] with(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
