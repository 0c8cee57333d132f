package fr.apl.io.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.demand.AgeBandPopulation;
import fr.apl.demand.AgeWeights;
import fr.apl.demand.DemandWeights;
import fr.apl.demand.Population;
import fr.apl.demand.Rescaling;
import fr.apl.demand.TestData;
import fr.apl.problem.Check;
import fr.apl.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Population files by sex and age band, INSEE census style ({@code p_} both sexes, {@code f_}
 * women, {@code h_} men): the layouts, the problems of a partial set or a bad value, and the
 * census 2021 communes of Haute-Loire.
 */
class PopulationCsvBySexTest {

  @TempDir
  Path dir;

  /** The 20 census bands of a prefix: {@code f_0_4 … f_85_89, f_90_94, f_95p}. */
  private static List<String> census(String prefix) {
    List<String> names = new ArrayList<>();
    for (int a = 0; a < 18; a++) {
      names.add(prefix + (5 * a) + "_" + (5 * a + 4));
    }
    names.add(prefix + "90_94");
    names.add(prefix + "95p");
    return names;
  }

  /** The women midwives count: weight 1 on 15–19 … 45–49 (bands 3 to 9), 0 for men. */
  private static DemandWeights midwives() {
    double[] w = new double[19];
    for (int a = 3; a <= 9; a++) {
      w[a] = 1;
    }
    return DemandWeights.bySex(
        "midwives", AgeWeights.of("women 15-49", w), AgeWeights.of("none", new double[19]));
  }

  /**
   * A file with the given columns: for census band {@code k} (0 to 19), {@code f_} holds
   * {@code k + 1}, {@code h_} {@code 2(k + 1)}, {@code p_} their sum {@code 3(k + 1)}; a row per
   * commune.
   */
  private Path file(String name, List<String> columns, String... communes) throws IOException {
    StringBuilder b = new StringBuilder("code_commune,commune");
    for (String c : columns) {
      b.append(',').append(c);
    }
    b.append('\n');
    for (String code : communes) {
      b.append(code).append(",Commune ").append(code);
      for (String c : columns) {
        int k = census(c.substring(0, 2)).indexOf(c) + 1;
        int times = c.startsWith("f_") ? 1 : c.startsWith("h_") ? 2 : 3;
        b.append(',').append(times * k).append(".0");
      }
      b.append('\n');
    }
    Path p = dir.resolve(name);
    Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
    return p;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> l : lists) {
      all.addAll(l);
    }
    return all;
  }

  private static List<Problem> problems(ReadContext ctx) {
    return ctx.problems().build().problems();
  }

  @Test
  void censusLayoutWithBothSexesWomenAndMen() throws IOException {
    Path p = file("census.csv", concat(census("p_"), census("h_"), census("f_")), "43001", "43002");
    ReadContext ctx = ReadContext.defaults();
    PopulationCsv.Table t = PopulationCsv.read(p, ctx);
    assertTrue(problems(ctx).isEmpty(), problems(ctx).toString());
    AgeBandPopulation bands = t.bands();
    assertTrue(bands.hasWomen());
    assertTrue(bands.hasMen());
    // 90+ = 90–94 + 95+: women 19 + 20 = 39, men 38 + 40 = 78, both 57 + 60 = 117.
    assertEquals(39.0, bands.women("43001")[18]);
    assertEquals(78.0, bands.men("43001")[18]);
    assertEquals(117.0, bands.bands("43001")[18]);
    // 15–19 is census band 4: women 4, men 8, both 12.
    assertEquals(4.0, bands.women("43002")[3]);
    assertEquals(8.0, bands.men("43002")[3]);
    assertEquals(12.0, bands.bands("43002")[3]);

    Population midwives = t.population(midwives(), Rescaling.none());
    // Women aged 15–49, census bands 4 to 10: 4 + 5 + … + 10 = 49 in each commune.
    assertEquals(49.0, midwives.standardised().get("43001"));
    // Residents: both sexes, 3 · (1 + 2 + … + 20) = 3 · 210 = 630.
    assertEquals(630.0, midwives.residents().get("43001"));
    // The same file with the weights of both sexes reads the p_ bands, as before.
    Population gp = t.population(AgeWeights.drees2023(), Rescaling.none());
    Population gpAsSet = t.population(DemandWeights.of(AgeWeights.drees2023()), Rescaling.none());
    assertEquals(
        Double.doubleToLongBits(gp.standardised().get("43001")),
        Double.doubleToLongBits(gpAsSet.standardised().get("43001")));
  }

  @Test
  void womenAndMenWithoutBothSexes() throws IOException {
    Path p = file("fh.csv", concat(census("f_"), census("h_")), "43001");
    ReadContext ctx = ReadContext.defaults();
    AgeBandPopulation bands = PopulationCsv.read(p, ctx).bands();
    assertTrue(problems(ctx).isEmpty(), problems(ctx).toString());
    // Both sexes = f + h: 3(k + 1) in census band k, 90+ = 57 + 60.
    double[] expected = new double[19];
    for (int a = 0; a < 18; a++) {
      expected[a] = 3 * (a + 1);
    }
    expected[18] = 117;
    assertArrayEquals(expected, bands.bands("43001"));
    assertEquals(
        630.0, bands.standardise(midwives(), Rescaling.none()).residents().get("43001"));
  }

  @Test
  void bothSexesWithWomenOnlyServeMidwives() throws IOException {
    Path p = file("pf.csv", concat(census("p_"), census("f_")), "43001");
    ReadContext ctx = ReadContext.defaults();
    PopulationCsv.Table t = PopulationCsv.read(p, ctx);
    assertTrue(problems(ctx).isEmpty(), problems(ctx).toString());
    assertFalse(t.bands().hasMen());
    assertNull(t.bands().men("43001"));
    assertEquals(49.0, t.population(midwives(), Rescaling.none()).standardised().get("43001"));
    // Weights that need the men name the file and the missing bands.
    double[] ones = new double[19];
    java.util.Arrays.fill(ones, 1);
    DemandWeights both =
        DemandWeights.bySex("all", AgeWeights.of("w", ones), AgeWeights.of("m", ones));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.population(both, Rescaling.none()));
    assertTrue(
        e.getMessage().startsWith(p + ": the demand weighs men apart (all)"), e.getMessage());
  }

  @Test
  void aPartialSetNamesTheFirstMissingColumn() throws IOException {
    List<String> women = census("f_");
    women.remove("f_40_44");
    women.remove("f_60_64");
    Path p = file("partial.csv", concat(census("p_"), women), "43001");
    ReadContext ctx = ReadContext.defaults();
    assertNull(PopulationCsv.read(p, ctx));
    List<Problem> all = problems(ctx);
    assertEquals(1, all.size(), all.toString());
    Problem pb = all.get(0);
    assertEquals(Check.MISSING_COLUMN, pb.check());
    assertEquals(1, pb.line());
    assertTrue(pb.message().startsWith("no column f_40_44: the age bands of women"), pb.message());
    assertNotNull(pb.hint());

    // 90+ half given: f_90_94 without f_95p.
    List<String> men = census("h_");
    men.remove("h_95p");
    ReadContext ctx2 = ReadContext.defaults();
    assertNull(PopulationCsv.read(file("half.csv", concat(census("f_"), men), "43001"), ctx2));
    assertTrue(
        problems(ctx2).get(0).message().startsWith("no column h_95p:"),
        problems(ctx2).toString());

    // Women alone, with neither the men nor both sexes: the men are named as missing.
    ReadContext ctx3 = ReadContext.defaults();
    assertNull(PopulationCsv.read(file("f.csv", census("f_"), "43001"), ctx3));
    Problem alone = problems(ctx3).get(0);
    assertEquals(Check.MISSING_COLUMN, alone.check());
    assertTrue(alone.message().startsWith("no column h_0_4:"), alone.message());
  }

  @Test
  void aNegativeWomenCountNamesLineAndValue() throws IOException {
    Path p = file("neg.csv", concat(census("p_"), census("h_"), census("f_")), "43001", "43002");
    String text = Files.readString(p, StandardCharsets.UTF_8);
    // f_15_19 of 43002 (line 3) is 4.0: make it -4.
    List<String> lines = new ArrayList<>(List.of(text.split("\n")));
    List<String> header = List.of(lines.get(0).split(","));
    String[] row = lines.get(2).split(",");
    row[header.indexOf("f_15_19")] = "-4";
    lines.set(2, String.join(",", row));
    Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    ReadContext ctx = ReadContext.defaults();
    PopulationCsv.read(p, ctx);
    List<Problem> all = problems(ctx);
    assertEquals(1, all.size(), all.toString());
    Problem pb = all.get(0);
    assertEquals(Check.NEGATIVE, pb.check());
    assertEquals(3, pb.line());
    assertEquals("-4", pb.value());
    assertTrue(pb.message().contains("residents in f_15_19 of 43002"), pb.message());
    // The fail-fast read throws it, naming file and line.
    InputException e = assertThrows(
        InputException.class,
        () -> PopulationCsv.read(p, AgeWeights.drees2023(), Rescaling.none()));
    assertTrue(e.getMessage().contains("neg.csv:3"), e.getMessage());
  }

  @Test
  void aStandardisedPopulationCannotBeWeightedBySex() throws IOException {
    Path p = dir.resolve("std.csv");
    Files.writeString(p, "commune,population\n43001,120.5\n", StandardCharsets.UTF_8);
    PopulationCsv.Table t =
        ReadContext.failFast(ReadOptions.defaults(), c -> PopulationCsv.read(p, c));
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> t.population(midwives(), Rescaling.none()));
    assertTrue(
        e.getMessage().contains("given standardised, so it cannot be weighted by sex"),
        e.getMessage());
    assertTrue(e.getMessage().contains("by sex and age band (f_"), e.getMessage());
    // Weights of both sexes leave it as given, as before.
    assertEquals(
        120.5,
        t.population(DemandWeights.of(AgeWeights.drees2023()), Rescaling.none())
            .standardised()
            .get("43001"));
  }

  /**
   * The 14 census 2021 communes of Haute-Loire (test resource, see its README): women and men
   * add up to both sexes, band by band (the census file gives {@code p = f + h} exactly, all
   * 3 273 communes checked once with Python); the women aged 15–49 of Le Puy-en-Velay (43157)
   * are 3 956 (summed from the file's seven f_ bands by hand: a script).
   */
  @Test
  void hauteLoireCensusWomenAndMenAddUpToBothSexes() throws IOException {
    Path census = TestData.file("insee/pop_sexe_age5_rp2021_dep43.csv");
    ReadContext ctx = ReadContext.defaults();
    PopulationCsv.Table t = PopulationCsv.read(census, ctx);
    assertTrue(problems(ctx).isEmpty(), problems(ctx).toString());
    AgeBandPopulation bands = t.bands();
    assertEquals(14, bands.size());
    assertTrue(bands.hasWomen());
    assertTrue(bands.hasMen());
    String[] codes =
        t.population(AgeWeights.drees2023(), Rescaling.none()).standardised().codes();
    for (String code : codes) {
      double[] both = bands.bands(code);
      double[] f = bands.women(code);
      double[] h = bands.men(code);
      for (int a = 0; a < AgeWeights.BANDS; a++) {
        double sum = f[a] + h[a];
        assertEquals(both[a], sum, Math.max(1, both[a]) * 1e-9, code + " band " + a);
      }
    }
    Population midwives = t.population(midwives(), Rescaling.none());
    assertEquals(3956.0, midwives.standardised().get("43157"));
    // Residents of Le Puy: the p_ bands, 18 378 (the census municipal population is 18 629).
    assertEquals(18378.0, midwives.residents().get("43157"));
  }
}
