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
    Path scenarios = Files.writeString(
        dir.resolve("s.csv"), "scenario,commune,delta\nretire,43157,-4000\nopen,43001,9000\n");
    String[] base = {
      "compute",
      "--times",
      folder.resolve("times.csv").toString(),
      "--population",
      folder.resolve("population.csv").toString()
    };
    Cli.Run sweep = Cli.run(with(
        base,
        "--supply",
        folder.resolve("supply.csv").toString(),
        "--scenarios",
        scenarios.toString()));
    assertEquals(0, sweep.exit(), sweep.err());
    assertTrue(
        sweep.out().startsWith("commune,apl,apl_moins65,apl_retire,apl_open,population,"),
        sweep.out().substring(0, 80));

    String lePuy =
        supply.lines().filter(l -> l.startsWith("43157,")).findFirst().orElseThrow();
    double before = Double.parseDouble(lePuy.split(",")[1]);
    // The scenario changes the all-doctors supply; the retiring doctor is under 65 here too.
    Path retired = Files.writeString(
        dir.resolve("retired.csv"),
        supply.replace(lePuy, "43157," + (before - 4000) + "," + (before - 4000)));
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
    String[] base = {
      "compute",
      "--times",
      folder.resolve("times.csv").toString(),
      "--population",
      folder.resolve("population.csv").toString(),
      "--supply",
      folder.resolve("supply.csv").toString(),
      "--scenarios"
    };
    Path negative = Files.writeString(dir.resolve("n.csv"), "scenario,commune,delta\nx,43001,-1\n");
    Cli.Run run = Cli.run(with(base, negative.toString()));
    assertEquals(65, run.exit());
    assertTrue(
        run.err().contains(negative + ":2: error: delta -1 makes the supply of 43001 negative"),
        run.err());
    Path twice = Files.writeString(
        dir.resolve("t.csv"), "scenario,commune,consultations\nx,43001,1\nx,43001,2\n");
    Cli.Run t = Cli.run(with(base, twice.toString()));
    assertEquals(65, t.exit());
    assertTrue(
        t.err()
            .contains(twice + ":3: error: commune 43001 is given twice in scenario x (first at"
                + " line 2)"),
        t.err());
    Path clash = Files.writeString(
        dir.resolve("c.csv"), "scenario,commune,consultations\nmoins65,43001,1\n");
    Cli.Run c = Cli.run(with(base, clash.toString()));
    assertEquals(65, c.exit());
    assertTrue(c.err().contains("which another variant already has"), c.err());
  }

  @Test
  void populationScenarioColumnsEqualSeparateRuns() throws IOException {
    Path folder = Cli.samples().resolve("haute-loire-43");
    String population = Files.readString(folder.resolve("population.csv"));
    // A housing estate adds 1 500 standardised inhabitants to Yssingeaux (43268); in the second
    // scenario Brioude (43040, no supply in the file) also gets a centre of 9 000 consultations,
    // and 43001 empties.
    Path scenarios = Files.writeString(
        dir.resolve("p.csv"),
        "scenario,commune,consultations,population_delta\n"
            + "estate,43268,,1500\n"
            + "both,43268,,1500\nboth,43040,9000,\nboth,43001,,-1e9\n");
    String[] base = {
      "compute", "--times", folder.resolve("times.csv").toString(), "--age-caps", "none"
    };
    Cli.Run sweep = Cli.run(with(
        base,
        "--population",
        folder.resolve("population.csv").toString(),
        "--supply",
        folder.resolve("supply.csv").toString(),
        "--scenarios",
        scenarios.toString()));
    assertEquals(65, sweep.exit(), sweep.err());
    assertTrue(
        sweep
            .err()
            .contains(scenarios + ":5: error: population_delta -1e9 makes the population"
                + " of 43001 negative"),
        sweep.err());

    scenarios = Files.writeString(
        dir.resolve("p.csv"),
        "scenario,commune,consultations,population_delta\n"
            + "estate,43268,,1500\n"
            + "both,43268,,1500\nboth,43040,9000,\nboth,43001,0,-" + value(population, "43001")
            + "\n");
    sweep = Cli.run(with(
        base,
        "--population",
        folder.resolve("population.csv").toString(),
        "--supply",
        folder.resolve("supply.csv").toString(),
        "--scenarios",
        scenarios.toString()));
    assertEquals(0, sweep.exit(), sweep.err());
    assertTrue(
        sweep.out().startsWith("commune,apl,apl_estate,apl_both,population,"),
        sweep.out().substring(0, 80));

    double yssingeaux = Double.parseDouble(value(population, "43268"));
    String grown = replace(population, "43268", String.valueOf(yssingeaux + 1500));
    Path estate = Files.writeString(dir.resolve("estate.csv"), grown);
    Path both = Files.writeString(dir.resolve("both.csv"), replace(grown, "43001", "0.0"));
    String supply = Files.readString(folder.resolve("supply.csv"));
    Path centre =
        Files.writeString(dir.resolve("centre.csv"), replace(supply, "43040", "9000,9000"));
    Cli.Run e = Cli.run(with(
        base,
        "--population",
        estate.toString(),
        "--supply",
        folder.resolve("supply.csv").toString()));
    Cli.Run b = Cli.run(with(base, "--population", both.toString(), "--supply", centre.toString()));
    assertEquals(0, e.exit(), e.err());
    assertEquals(0, b.exit(), b.err());
    assertEquals(column(e.out(), "apl"), column(sweep.out(), "apl_estate"));
    assertEquals(column(b.out(), "apl"), column(sweep.out(), "apl_both"));
    assertTrue(!column(sweep.out(), "apl").equals(column(sweep.out(), "apl_estate")));
    // The summary's mean of a variant is weighted by the variant's own population.
    assertTrue(sweep.err().contains("apl_estate   mean " + meanOf(e.err())), sweep.err());
  }

  @Test
  void comparedAgeWeightsEqualSeparateRuns() throws IOException {
    Path folder = Cli.samples().resolve("haute-loire-43");
    Path bands = Files.writeString(
        dir.resolve("bands.csv"), ageBands(Files.readString(folder.resolve("population.csv"))));
    Path weights = Files.writeString(dir.resolve("flat weights.csv"), flatWeights());
    String[] base = {
      "compute",
      "--times",
      folder.resolve("times.csv").toString(),
      "--supply",
      folder.resolve("supply.csv").toString(),
      "--population",
      bands.toString()
    };
    Cli.Run sweep = Cli.run(with(base, "--compare-age-weights", "2022," + weights));
    assertEquals(0, sweep.exit(), sweep.err());
    assertTrue(
        sweep
            .out()
            .startsWith(
                "commune,apl,apl_moins65,apl_weights2022,apl_weights_flat_weights,population,"),
        sweep.out().substring(0, 90));
    Cli.Run w2022 = Cli.run(with(base, "--age-weights", "2022"));
    Cli.Run flat = Cli.run(with(base, "--age-weights", weights.toString()));
    Cli.Run w2023 = Cli.run(base);
    assertEquals(0, w2022.exit(), w2022.err());
    assertEquals(0, flat.exit(), flat.err());
    assertEquals(column(w2023.out(), "apl"), column(sweep.out(), "apl"));
    assertEquals(column(w2022.out(), "apl"), column(sweep.out(), "apl_weights2022"));
    assertEquals(column(flat.out(), "apl"), column(sweep.out(), "apl_weights_flat_weights"));
    assertTrue(!column(sweep.out(), "apl").equals(column(sweep.out(), "apl_weights2022")));

    Cli.Run standardised = Cli.run(new String[] {
      "compute",
      "--times",
      folder.resolve("times.csv").toString(),
      "--supply",
      folder.resolve("supply.csv").toString(),
      "--population",
      folder.resolve("population.csv").toString(),
      "--compare-age-weights",
      "2022"
    });
    assertEquals(65, standardised.exit(), standardised.err());
    assertTrue(
        standardised.err().contains("the population is given standardised, not by age" + " band"),
        standardised.err());
  }

  /** The bundled example of the README runs, and each of its scenarios moves APL the right way. */
  @Test
  void bundledScenarios() {
    Path folder = Cli.samples().resolve("haute-loire-43");
    Cli.Run run = Cli.run(new String[] {
      "compute",
      "--times",
      folder.resolve("times.csv").toString(),
      "--supply",
      folder.resolve("supply.csv").toString(),
      "--population",
      folder.resolve("population.csv").toString(),
      "--scenarios",
      folder.resolve("scenarios.csv").toString(),
      "--age-caps",
      "none"
    });
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        run.out()
            .startsWith("commune,apl,apl_retirement_le_puy,apl_centre_brioude,"
                + "apl_estate_yssingeaux,apl_centre_and_estate,population,"),
        run.out().substring(0, 120));
    double apl = Double.parseDouble(value(run.out(), "43157", 1));
    assertTrue(Double.parseDouble(value(run.out(), "43157", 2)) < apl, "a retirement lowers APL");
    assertTrue(
        Double.parseDouble(value(run.out(), "43040", 3))
            > Double.parseDouble(value(run.out(), "43040", 1)),
        "a centre raises APL");
    assertTrue(
        Double.parseDouble(value(run.out(), "43268", 4))
            < Double.parseDouble(value(run.out(), "43268", 1)),
        "more people lower APL");
  }

  private static String value(String csv, String commune, int column) {
    return csv.lines()
        .filter(l -> l.startsWith(commune + ","))
        .findFirst()
        .orElseThrow()
        .split(",")[column];
  }

  @Test
  void badPopulationScenarios() throws IOException {
    Path folder = Cli.samples().resolve("haute-loire-43");
    String[] base = {
      "compute",
      "--times",
      folder.resolve("times.csv").toString(),
      "--population",
      folder.resolve("population.csv").toString(),
      "--supply",
      folder.resolve("supply.csv").toString(),
      "--scenarios"
    };
    Path unknown =
        Files.writeString(dir.resolve("u.csv"), "scenario,commune,population\nx,01001,10\n");
    Cli.Run u = Cli.run(with(base, unknown.toString()));
    assertEquals(65, u.exit());
    assertTrue(
        u.err().contains(unknown + ":2: error: commune 01001 is not in the population"), u.err());
    Path nothing =
        Files.writeString(dir.resolve("e.csv"), "scenario,commune,delta,population\nx,43001,,\n");
    Cli.Run e = Cli.run(with(base, nothing.toString()));
    assertEquals(65, e.exit());
    assertTrue(
        e.err()
            .contains(nothing + ":2: error: the row changes nothing: give a value in delta or"
                + " population"),
        e.err());
    Path twoColumns = Files.writeString(
        dir.resolve("b.csv"), "scenario,commune,population,population_delta\nx,43001,1,1\n");
    Cli.Run b = Cli.run(with(base, twoColumns.toString()));
    assertEquals(65, b.exit());
    assertTrue(
        b.err().contains(twoColumns + ":1: error: give population or population_delta, not both"),
        b.err());
  }

  /** Bad times come first, listed in full, even when the scenario file is bad too. */
  @Test
  void badTimesAreListedBeforeABadScenarioFile() throws IOException {
    Path folder = Cli.samples().resolve("haute-loire-43");
    String times = Files.readString(folder.resolve("times.csv"));
    String row = times.lines().skip(5).findFirst().orElseThrow();
    String[] f = row.split(",");
    Path badTimes = Files.writeString(
        dir.resolve("times.csv"), times.replace(row + "\n", f[0] + "," + f[1] + ",-3\n"));
    Path badScenarios =
        Files.writeString(dir.resolve("s.csv"), "scenario,commune,population\nx,01001,10\n");
    Cli.Run run = Cli.run(new String[] {
      "compute",
      "--times",
      badTimes.toString(),
      "--supply",
      folder.resolve("supply.csv").toString(),
      "--population",
      folder.resolve("population.csv").toString(),
      "--scenarios",
      badScenarios.toString()
    });
    assertEquals(65, run.exit(), run.err());
    // Every problem is listed in one go, the times' before the scenarios'.
    int timesAt = run.err().indexOf(badTimes + ":6: error:");
    int scenario = run.err().indexOf(badScenarios + ":2: error: commune 01001");
    assertTrue(timesAt >= 0 && scenario > timesAt, run.err());
  }

  /** Every bad row of a scenario file is listed, in file order, not only the first. */
  @Test
  void everyBadScenarioRowIsListed() throws IOException {
    Path folder = Cli.samples().resolve("haute-loire-43");
    Path bad = Files.writeString(
        dir.resolve("bad.csv"),
        "scenario,commune,delta,population\n"
            + "ok,43157,-10,\n"
            + "bad name,43157,-10,\n"
            + "x,,5,\n"
            + "x,43001,-1e9,\n"
            + "x,43001,1,\n"
            + "y,01001,,10\n"
            + "z,43001,,\n"
            + "z,43002,2,3,4\n"
            + "ok2,43157,-10,\n");
    Cli.Run run = Cli.run(new String[] {
      "compute",
      "--times",
      folder.resolve("times.csv").toString(),
      "--supply",
      folder.resolve("supply.csv").toString(),
      "--population",
      folder.resolve("population.csv").toString(),
      "--scenarios",
      bad.toString()
    });
    assertEquals(65, run.exit(), run.err());
    List<String> lines =
        run.err().lines().filter(l -> l.startsWith(bad.toString())).toList();
    assertEquals(
        List.of(
            bad + ":3: error: scenario name must be letters, digits, '_' or '-', given: 'bad name'",
            bad + ":4: error: commune code is empty",
            bad + ":5: error: delta -1e9 makes the supply of 43001 negative (-1.0E9)",
            bad + ":6: error: commune 43001 is given twice in scenario x (first at line 5)",
            bad + ":7: error: commune 01001 is not in the population: a scenario changes the"
                + " population of communes the population file lists (give it a row with 0 there)",
            bad + ":8: error: the row changes nothing: give a value in delta or population",
            bad + ":9: error: expected 4 fields as in the header, found 5 (z,43002,2,3,4) — fix or"
                + " remove the row (quote fields that contain the separator)"),
        lines);
  }

  @Test
  void aColumnComparedTwiceIsAUsageError() {
    Path folder = Cli.samples().resolve("haute-loire-43");
    Cli.Run run = Cli.run(new String[] {
      "compute",
      "--times",
      folder.resolve("times.csv").toString(),
      "--supply",
      folder.resolve("supply.csv").toString(),
      "--population",
      folder.resolve("population.csv").toString(),
      "--compare-age-weights",
      "2022, 2022"
    });
    assertEquals(2, run.exit(), run.err());
    assertTrue(
        run.err().contains("--compare-age-weights gives the column apl_weights2022 twice"),
        run.err());
  }

  /** Returns the second field of the row of a commune. */
  private static String value(String csv, String commune) {
    return csv.lines()
        .filter(l -> l.startsWith(commune + ","))
        .findFirst()
        .orElseThrow()
        .split(",")[1];
  }

  /** Returns the file with the row of a commune given other values after the code (or added). */
  private static String replace(String csv, String commune, String values) {
    String row =
        csv.lines().filter(l -> l.startsWith(commune + ",")).findFirst().orElse(null);
    return row == null
        ? csv + commune + "," + values + "\n"
        : csv.replace(row + "\n", commune + "," + values + "\n");
  }

  /** Returns the mean of the apl line of a summary. */
  private static String meanOf(String summary) {
    String line =
        summary.lines().filter(l -> l.startsWith("  apl ")).findFirst().orElseThrow();
    return line.split("mean ")[1].split(" ")[0];
  }

  /**
   * Returns an age-band population made up from a standardised one: each commune's inhabitants
   * spread over the 19 bands in fixed shares that differ by commune (not realistic, but enough for
   * weights to matter).
   */
  private static String ageBands(String standardised) {
    StringBuilder out = new StringBuilder("commune");
    for (int a = 0; a < 18; a++) {
      out.append(",p_").append(5 * a).append('_').append(5 * a + 4);
    }
    out.append(",p_90p\n");
    List<String> lines = standardised.lines().toList();
    for (int k = 1; k < lines.size(); k++) {
      String[] f = lines.get(k).split(",");
      double p = Double.parseDouble(f[1]);
      out.append(f[0]);
      double[] share = new double[19];
      double sum = 0;
      for (int a = 0; a < 19; a++) {
        share[a] = 1 + ((k * 7 + a * 3) % 11);
        sum += share[a];
      }
      for (int a = 0; a < 19; a++) {
        out.append(',').append(Math.round(p * share[a] / sum));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Returns age weights of 1 for every band. */
  private static String flatWeights() {
    StringBuilder out = new StringBuilder("band,weight\n");
    for (int a = 0; a < 18; a++) {
      out.append(5 * a).append('-').append(5 * a + 4).append(",1\n");
    }
    return out.append("90+,1\n").toString();
  }

  private static String[] with(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
