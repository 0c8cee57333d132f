package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes, messages and output of apl compute on a hand-computed world of three communes. */
class ComputeCommandTest {

  @TempDir
  Path dir;

  /**
   * Three communes, no self pairs (0 minutes, weight 1). 01001 -> 01002 and back 12 min (2/3);
   * 01002 -> 01003 18 min (1/3); 01003 -> 01002 25 min (out of reach). Population 100, 200, 300;
   * supply 1000 in 01001, 600 in 01003.
   */
  private Path[] world(String times) throws IOException {
    Path t = write("times.csv", times);
    Path p = write("population.csv", "commune,population\n01001,100\n01002,200\n01003,300\n");
    Path s = write("supply.csv", "commune,consultations\n01001,1000\n01003,600\n");
    return new Path[] {t, p, s};
  }

  private static final String TIMES = "origin,destination,minutes\n01001,01002,12\n"
      + "01002,01001,12\n01002,01003,18\n01003,01002,25\n";

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static String[] args(Path[] w, String... more) {
    String[] base = {
      "compute",
      "--times",
      w[0].toString(),
      "--population",
      w[1].toString(),
      "--supply",
      w[2].toString()
    };
    return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
  }

  @Test
  void computesHandWorld() throws IOException {
    Cli.Run run = Cli.run(args(world(TIMES)));
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("commune,apl,population,practices_in_reach", lines.get(0));
    assertEquals(4, lines.size());
    // D_01001 = 100 + 2/3·200 = 700/3; D_01002 = 2/3·100 + 200 = 800/3; D_01003 = 1/3·200 + 300
    // = 1100/3. R_01001 = 1000 / (700/3) = 30/7; R_01002 = 0; R_01003 = 600 / (1100/3) = 18/11.
    // APL_01001 = 30/7; APL_01002 = 2/3·30/7 + 1/3·18/11 = 262/77; APL_01003 = 18/11.
    assertRow(lines.get(1), "01001", 30.0 / 7, "100.0", "1");
    assertRow(lines.get(2), "01002", 262.0 / 77, "200.0", "2");
    assertRow(lines.get(3), "01003", 18.0 / 11, "300.0", "1");
    // Conservation: 100·30/7 + 200·262/77 + 300·18/11 = 123200/77 = 1600 = all supply.
    assertTrue(run.err().contains("conservation ok"), run.err());
    assertTrue(run.err().contains("3 communes"), run.err());
  }

  @Test
  void bandEdgesChangeATimeOnTheEdge() throws IOException {
    // 01001 -> 01002 now exactly 10 min. Half-open: 2/3 as before. Closed-upper: weight 1.
    Path[] w = world(TIMES.replace("01001,01002,12", "01001,01002,10"));
    Cli.Run half = Cli.run(args(w));
    Cli.Run closed = Cli.run(args(w, "--band-edges", "closed-upper"));
    assertEquals(0, closed.exit(), closed.err());
    assertEquals(half.out(), Cli.run(args(world(TIMES))).out());
    // Closed-upper: D_01001 = 700/3, D_01002 = 1·100 + 200 = 300, D_01003 = 1100/3.
    // APL_01001 = R_01001 + 1·R_01002 = 30/7.
    assertRow(closed.out().lines().toList().get(1), "01001", 30.0 / 7, "100.0", "1");
    assertTrue(closed.err().contains("closed-upper"), closed.err());
  }

  @Test
  void frenchDialectInAndOut() throws IOException {
    Path t = write("times.csv", TIMES.replace(',', ';').replace("12\n", "12,0\n"));
    Path p = write("population.csv", "commune;population\n01001;100,0\n01002;200\n01003;300\n");
    Path s = write("supply.csv", "\uFEFFcommune;consultations\r\n01001;1000\r\n01003;600,0\r\n");
    Cli.Run run = Cli.run(args(new Path[] {t, p, s}, "--output-dialect", "french"));
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("commune;apl;population;practices_in_reach", lines.get(0));
    assertTrue(lines.get(3).startsWith("01003;1,636363636363636"), lines.get(3));
  }

  @Test
  void negativeTimeIsBadDataWithFileAndLine() throws IOException {
    Path[] w = world(TIMES.replace("01002,01001,12", "01002,01001,-3"));
    Cli.Run run = Cli.run(args(w));
    assertEquals(65, run.exit());
    assertEquals("", run.out());
    assertTrue(
        run.err()
            .contains(w[0] + ":3: error: travel time 01002 -> 01001 must be >= 0 (-3)"
                + " \u2014 fix the row or remove it\n"),
        run.err());
    assertTrue(run.err().contains("1 error, 1 warning in 3 files\n"), run.err());
  }

  @Test
  void duplicatePairWithOtherTimeNamesBothLines() throws IOException {
    Path[] w = world(TIMES + "01001,01002,13\n");
    Cli.Run run = Cli.run(args(w));
    assertEquals(65, run.exit());
    assertTrue(
        run.err()
            .contains(w[0] + ":6: error: pair 01001 -> 01002 is given twice with"
                + " different times, first at line 2 (12 and 13 minutes)"),
        run.err());
  }

  @Test
  void populationCommuneTwiceIsBadData() throws IOException {
    Path[] w = world(TIMES);
    write("population.csv", "commune,population\n01001,100\n01002,200\n01001,300\n");
    Cli.Run run = Cli.run(args(w));
    assertEquals(65, run.exit());
    assertTrue(
        run.err()
            .contains(w[1] + ":4: error: commune is given twice, first at line 2" + " (01001)"),
        run.err());
  }

  @Test
  void notANumberNamesTheValue() throws IOException {
    Path[] w = world(TIMES);
    write("supply.csv", "commune,consultations\n01001,1000\n01003,six cents\n");
    Cli.Run run = Cli.run(args(w));
    assertEquals(65, run.exit());
    assertTrue(
        run.err()
            .contains(
                w[2] + ":3: error: consultations of 01003 must be a number" + " ('six cents')"),
        run.err());
  }

  @Test
  void missingInputFileIs66() throws IOException {
    Path[] w = world(TIMES);
    w[0] = dir.resolve("nowhere.csv");
    Cli.Run run = Cli.run(args(w));
    assertEquals(66, run.exit());
    assertTrue(run.err().contains("nowhere.csv: error: no such file"), run.err());
  }

  @Test
  void usageErrorsAre2() throws IOException {
    Path[] w = world(TIMES);
    assertEquals(2, Cli.run("compute", "--times", w[0].toString()).exit());
    assertEquals(2, Cli.run().exit());
    assertEquals(2, Cli.run("compute", "--bogus").exit());
    Cli.Run both = Cli.run(args(w, "--doctors", w[2].toString()));
    assertEquals(2, both.exit());
    assertTrue(both.err().contains("mutually exclusive"), both.err());
    Cli.Run decay = Cli.run(args(w, "--decay", "10:1,5:1/2"));
    assertEquals(2, decay.exit());
    assertTrue(decay.err().contains("band edges must increase"), decay.err());
    Cli.Run cap = Cli.run(args(w, "--age-caps", "62"));
    assertEquals(2, cap.exit());
    assertTrue(cap.err().contains("has no consultations_moins62 column"), cap.err());
  }

  @Test
  void refusesToOverwriteAnInput() throws IOException {
    Path[] w = world(TIMES);
    String before = Files.readString(w[1]);
    Cli.Run run = Cli.run(args(w, "--output", w[1].toString()));
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("is also an input file"), run.err());
    assertEquals(before, Files.readString(w[1]));
  }

  @Test
  void outputFileEqualsStdoutAndAFailedRunKeepsIt() throws IOException {
    Path[] w = world(TIMES);
    Path out = dir.resolve("apl.csv");
    Cli.Run run = Cli.run(args(w, "--output", out.toString()));
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
    String written = Files.readString(out);
    assertEquals(Cli.run(args(w)).out(), written);
    write("times.csv", TIMES + "01003,01001,abc\n");
    Cli.Run failed = Cli.run(args(w, "--output", out.toString(), "--force"));
    assertEquals(65, failed.exit());
    assertEquals(written, Files.readString(out));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of(),
          files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
          "temporary files left behind");
    }
  }

  @Test
  void ageBandPopulationIsStandardisedAndRescaled() throws IOException {
    StringBuilder header = new StringBuilder("commune");
    for (int a = 0; a < 18; a++) {
      header.append(",p_").append(5 * a).append('_').append(5 * a + 4);
    }
    header.append(",p_90_94,p_95p\n");
    // 01001: 10 children under 5 and 3 + 2 people of 90+; 01002: 100 people aged 20-24.
    String a = "01001,10" + ",0".repeat(17) + ",3,2\n";
    String b = "01002" + ",0".repeat(4) + ",100" + ",0".repeat(15) + "\n";
    Path[] w = world(TIMES);
    write("population.csv", header + a + b);
    Cli.Run none = Cli.run(args(w, "--rescale", "none"));
    assertEquals(0, none.exit(), none.err());
    List<String> lines = none.out().lines().toList();
    assertEquals("commune,apl,population,residents,practices_in_reach", lines.get(0));
    // 2023 weights: 10 · 1.12 + 5 · 2.26 = 22.5; 100 · 0.75 = 75. Residents 15 and 100.
    assertColumn(lines.get(1), 2, 22.5);
    assertColumn(lines.get(1), 3, 15.0);
    assertColumn(lines.get(2), 2, 75.0);
    assertEquals(3, lines.size(), "01003 has no population row, so no output row");
    assertTrue(none.err().contains("DREES 2023 weights, not rescaled"), none.err());
    // Rescaled to the 115 residents: factor 115 / 97.5.
    Cli.Run total = Cli.run(args(w));
    List<String> t = total.out().lines().toList();
    assertColumn(t.get(1), 2, 22.5 * 115 / 97.5);
    assertColumn(t.get(2), 2, 75.0 * 115 / 97.5);
    assertTrue(total.err().contains("rescaled by 1.179487"), total.err());
    // 2022 weights: 10 · 0.93 + 5 · 2.39 = 21.25.
    Cli.Run y2022 = Cli.run(args(w, "--rescale", "none", "--age-weights", "2022"));
    assertColumn(y2022.out().lines().toList().get(1), 2, 21.25);
    // The supply commune 01003 has no population row: reported, not dropped silently.
    assertTrue(total.err().contains("1 supply communes absent from"), total.err());
  }

  private static void assertColumn(String line, int column, double expected) {
    double got = Double.parseDouble(line.split(",")[column]);
    assertTrue(
        Math.abs(got - expected) <= 1e-12 * Math.abs(expected),
        line + ": column " + column + " expected " + expected);
  }

  @Test
  void freeIdsWithCodesAny() throws IOException {
    // A grid: cells c1, c2 and a practice point p1 (no population row). c1 -> p1 5 min (1),
    // c2 -> p1 12 min (2/3). D_p1 = 100 + 2/3 · 50 = 400/3; R = 1000 / (400/3) = 7.5.
    // APL_c1 = 7.5; APL_c2 = 2/3 · 7.5 = 5.
    Path t = write("times.csv", "origin,destination,minutes\nc1,p1,5\nc2,p1,12\n");
    Path p = write("population.csv", "commune,population\nc1,100\nc2,50\n");
    Path s = write("supply.csv", "commune,consultations\np1,1000\n");
    Path[] w = {t, p, s};
    Cli.Run strict = Cli.run(args(w));
    assertEquals(65, strict.exit());
    assertTrue(
        strict.err().contains(t + ":2: error: not an INSEE commune code (c1)"), strict.err());
    Cli.Run any = Cli.run(args(w, "--codes", "any"));
    assertEquals(0, any.exit(), any.err());
    List<String> lines = any.out().lines().toList();
    assertRow(lines.get(1), "c1", 7.5, "100.0", "1");
    assertRow(lines.get(2), "c2", 5.0, "50.0", "1");
  }

  @Test
  void parisWholeInOneFileAndByArrondissementInTheOther() throws IOException {
    // The population has Paris as 75056, the times by arrondissement: no population commune is
    // in the times, and the message must say why (not merely "no commune in common").
    Path t = write("times.csv", "origin,destination,minutes\n75101,75102,5\n");
    Path p = write("population.csv", "commune,population\n75056,1000\n");
    Path s = write("supply.csv", "commune,consultations\n75101,1000\n");
    String line = p + ": error: Paris is given as 75056 here and by arrondissement in " + t
        + " (75056) — give every file by arrondissement (75101-75120), as DREES does";
    Cli.Run validate = Cli.run(
        "validate",
        "--times",
        t.toString(),
        "--population",
        p.toString(),
        "--supply",
        s.toString());
    assertEquals(65, validate.exit(), validate.out());
    assertTrue(validate.out().contains(line), validate.out());
    assertTrue(!validate.out().contains("no commune of this file"), validate.out());
    Cli.Run compute = Cli.run(args(new Path[] {t, p, s}));
    assertEquals(65, compute.exit());
    assertTrue(compute.err().contains(line), compute.err());
    assertEquals("", compute.out());
  }

  @Test
  void helpListsExitCodes() {
    Cli.Run run = Cli.run("compute", "--help");
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("65  bad input data"), run.out());
  }

  /**
   * Only the command named first is built; the help, a bare 'apl' and a mistyped command still
   * know every command, in order.
   */
  @Test
  void everyCommandIsListedWhenNoneIsNamed() {
    for (String[] args : new String[][] {{"--help"}, {"help"}}) {
      Cli.Run run = Cli.run(args);
      assertEquals(0, run.exit(), run.err());
      String out = run.out();
      int c = out.indexOf("\n  compute ");
      int v = out.indexOf("\n  validate ");
      int z = out.indexOf("\n  zoning ");
      int m = out.indexOf("\n  matrix ");
      int h = out.indexOf("\n  help ");
      assertTrue(c > 0 && c < v && v < z && z < m && m < h, out);
    }
    Cli.Run typo = Cli.run("comptue");
    assertEquals(2, typo.exit());
    assertTrue(typo.err().contains("Unmatched argument at index 0: 'comptue'"), typo.err());
    Cli.Run help = Cli.run("help", "zoning");
    assertEquals(0, help.exit(), help.err());
    assertTrue(help.out().contains("Usage: apl zoning"), help.out());
    Cli.Run convert = Cli.run("matrix", "convert", "--help");
    assertEquals(0, convert.exit(), convert.err());
    assertTrue(convert.out().contains("Usage: apl matrix convert"), convert.out());
  }

  private static void assertRow(
      String line, String code, double apl, String population, String practices) {
    String[] f = line.split(",");
    assertEquals(code, f[0], line);
    double got = Double.parseDouble(f[1]);
    assertTrue(Math.abs(got - apl) <= 1e-15 * apl, line + ": expected APL " + apl);
    assertEquals(population, f[2], line);
    assertEquals(practices, f[3], line);
  }
}
