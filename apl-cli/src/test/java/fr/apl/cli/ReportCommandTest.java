package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.geo.CommuneShapes;
import fr.apl.geo.ResultTable;
import fr.apl.geo.report.Report;
import fr.apl.io.csv.CodeHistoryCsv;
import fr.apl.io.csv.ReadOptions;
import fr.apl.zoning.AreaFigures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apl report on the Haute-Loire sample (with its scenarios): the figures and sentences are those
 * of apl zoning --figures on the same table, the options map as documented.
 */
class ReportCommandTest {

  @TempDir
  static Path dir;

  static Path values;
  static Path figures;
  static Path territories;
  static Path communes;

  static Path geometry() {
    return Cli.samples().resolve("geo/communes_cog2018_france.geojson.gz");
  }

  static Path cogMap() {
    return Cli.samples().resolve("geo/cog_anciens_codes.csv");
  }

  /** The Haute-Loire table of apl compute (doctors, population by sex and age, scenarios). */
  static Path hauteLoire(Path folder) {
    Path sample = Cli.samples().resolve("haute-loire-43");
    Path out = folder.resolve("R.csv");
    Cli.Run run = Cli.run(
        "compute",
        "--times",
        sample.resolve("times.csv").toString(),
        "--doctors",
        sample.resolve("doctors.csv").toString(),
        "--population",
        sample.resolve("population_sex_age.csv").toString(),
        "--scenarios",
        sample.resolve("scenarios.csv").toString(),
        "-o",
        out.toString());
    assertEquals(0, run.exit(), run.err());
    return out;
  }

  @BeforeAll
  static void computeAndZone() {
    values = hauteLoire(dir);
    figures = dir.resolve("F.csv");
    territories = dir.resolve("Z.csv");
    communes = dir.resolve("ZC.csv");
    Cli.Run run = Cli.run(
        "zoning",
        "--apl",
        values.toString(),
        "--territories",
        Cli.samples()
            .resolve("zoning/table_appartenance_geo_communes_2022_france.csv")
            .toString(),
        "--territory-column",
        "BV2012",
        "--output",
        territories.toString(),
        "--communes",
        communes.toString(),
        "--figures",
        figures.toString());
    assertEquals(0, run.exit(), run.err());
  }

  /** The rows of apl zoning --figures by level and code, each a map column -> text. */
  private static Map<String, Map<String, String>> zoningFigures() throws IOException {
    List<String> lines = Files.readAllLines(figures, StandardCharsets.UTF_8);
    String[] header = lines.get(0).split(",", -1);
    Map<String, Map<String, String>> out = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int k = 0; k < header.length; k++) {
        row.put(header[k], f[k]);
      }
      out.put(f[0] + ":" + f[1], row);
    }
    return out;
  }

  /** Groups thousands with a narrow no-break space, as French does: 12 122. */
  private static String french(String number) {
    long n = Math.round(Double.parseDouble(number));
    String s = Long.toString(n);
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < s.length(); k++) {
      if (k > 0 && (s.length() - k) % 3 == 0) {
        b.append('\u202f');
      }
      b.append(s.charAt(k));
    }
    return b.toString();
  }

  @Test
  void hauteLoireSentencesAreThoseOfZoningFigures() throws IOException {
    Path out = dir.resolve("report-43.html");
    Cli.Run run = Cli.run(
        "report",
        "--values",
        values.toString(),
        "--geometry",
        geometry().toString(),
        "--cog-map",
        cogMap().toString(),
        "--departments",
        "43",
        "--output",
        out.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
    Map<String, String> z = zoningFigures().get("department:43");
    // The sentence rebuilt from the zoning's figures; share = population below / population.
    String share = String.format(
            java.util.Locale.ROOT, "%.1f", 100 * Double.parseDouble(z.get("apl_share_below_2.5")))
        .replace('.', ',');
    String expected = "  Haute-Loire (43) : " + french(z.get("apl_population_below_2.5"))
        + " habitants dans " + z.get("apl_communes_below_2.5") + " communes ont moins de 2,5"
        + " consultations par an (" + share + "\u202f% de la population) ; "
        + z.get("apl_communes_below_1") + " communes sous 1 ("
        + french(z.get("apl_population_below_1")) + " habitants).\n";
    assertTrue(run.err().contains(expected), expected + "\n" + run.err());
    String capped = "  Haute-Loire (43), sans les médecins de 65 ans ou plus : "
        + french(z.get("apl_moins65_population_below_2.5")) + " habitants dans "
        + z.get("apl_moins65_communes_below_2.5") + " communes auraient moins de 2,5";
    assertTrue(run.err().contains(capped), capped + "\n" + run.err());
    assertTrue(
        run.err().startsWith("apl report: 257 communes of 1 department, 10 maps, 4 scenarios in "),
        run.err());
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(html.contains(expected.substring(expected.indexOf(": ") + 2).trim()));
    // The values lie outside data-samples and --estimates is not given.
    assertFalse(html.contains("class=\"estimates\""));
  }

  /** Every department's figures and the whole table's are equal to zoning's, to the last bit. */
  @Test
  void figuresEqualZoningFiguresInEveryDepartment() throws IOException {
    Report report = Report.build(new Report.Request(
        ResultTable.read(values),
        CommuneShapes.read(geometry(), "code", "nom"),
        CodeHistoryCsv.read(cogMap(), ReadOptions.defaults()),
        null,
        "apl",
        "apl_moins65",
        null,
        Set.of(),
        "fr",
        null,
        false,
        List.of(),
        "apl test"));
    Map<String, Map<String, String>> zoning = zoningFigures();
    List<AreaFigures> all = new ArrayList<>(report.figures());
    assertEquals(1 + 9, all.size(), "the territory and 9 departments");
    for (int v = 0; v < 2; v++) {
      List<AreaFigures> list = v == 0 ? report.figures() : report.cappedFigures();
      String p = v == 0 ? "apl" : "apl_moins65";
      for (AreaFigures a : list) {
        String key = a.level().equals("territory") ? "france:FR" : "department:" + a.code();
        Map<String, String> z = zoning.get(key);
        assertEquals(Integer.parseInt(z.get("communes")), a.communes(), key);
        assertEquals(Double.parseDouble(z.get("population")), a.population(), 0, key);
        AreaFigures.VariantFigures f = a.variants().get(0);
        assertEquals(Double.parseDouble(z.get(p + "_mean")), f.mean(), 0, key + " " + p);
        double[] deciles = new double[9];
        for (int q = 0; q < 9; q++) {
          deciles[q] = Double.parseDouble(z.get(p + "_d" + (q + 1)));
        }
        assertArrayEquals(deciles, f.deciles(), key + " " + p);
        String[] thresholds = {"1", "2.5", "4"};
        for (int t = 0; t < 3; t++) {
          assertEquals(
              Integer.parseInt(z.get(p + "_communes_below_" + thresholds[t])),
              f.communesBelow()[t],
              key + " " + p + " below " + thresholds[t]);
          assertEquals(
              Double.parseDouble(z.get(p + "_population_below_" + thresholds[t])),
              f.populationBelow()[t],
              0,
              key + " " + p + " below " + thresholds[t]);
        }
      }
    }
    assertEquals("residents", report.weightColumn());
    assertEquals(
        List.of(
            "apl_retirement_le_puy",
            "apl_centre_brioude",
            "apl_estate_yssingeaux",
            "apl_centre_and_estate"),
        report.scenarioColumns());
  }

  @Test
  void zoningTablesEnglishAndStdout() throws IOException {
    Cli.Run run = Cli.run(
        "report",
        "--values",
        values.toString(),
        "--geometry",
        geometry().toString(),
        "--departments",
        "43,15",
        "--zoning",
        communes.toString(),
        "--lang",
        "en",
        "--capped-column",
        "none",
        "--title",
        "Two departments",
        "--output",
        "-");
    assertEquals(0, run.exit(), run.err());
    String html = run.out();
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
    assertTrue(html.contains("<h1>Two departments</h1>"));
    assertTrue(html.contains("<section id=\"zoning\">"));
    assertTrue(html.contains("<section id=\"departments\">"));
    assertFalse(html.contains("<section id=\"capped\">"));
    assertTrue(run.err().contains("  Cantal (15): "), run.err());
    assertTrue(run.err().contains(" inhabitants in "), run.err());
    // The territory table of apl zoning: all its territories are counted.
    run = Cli.run(
        "report",
        "--values",
        values.toString(),
        "--geometry",
        geometry().toString(),
        "--departments",
        "43",
        "--zoning",
        territories.toString(),
        "-q",
        "-o",
        "-");
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    int rows = Files.readAllLines(territories, StandardCharsets.UTF_8).size() - 1;
    String zoning = run.out().substring(run.out().indexOf("<section id=\"zoning\">"));
    String total = zoning.substring(zoning.indexOf("<tr class=\"total\">"));
    assertTrue(
        total.startsWith("<tr class=\"total\"><td>Ensemble</td><td class=\"n\">" + rows + "</td>"),
        total.substring(0, 120));
  }

  @Test
  void sampleValuesSayTheyAreEstimates() {
    assertTrue(ReportCommand.inSamples(Cli.samples().resolve("expected/haute-loire-43.csv")));
    assertFalse(ReportCommand.inSamples(values));
  }

  @Test
  void refusals() throws IOException {
    String v = values.toString();
    String g = geometry().toString();
    Cli.Run run = Cli.run("report", "--values", v, "--geometry", g, "-o", "r.pdf");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--output must end in .html"), run.err());
    run = Cli.run(
        "report",
        "--values",
        v,
        "--geometry",
        g,
        "--departments",
        "99",
        "-o",
        dir.resolve("r99.html").toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("no commune of department 99 in "), run.err());
    assertFalse(Files.exists(dir.resolve("r99.html")));
    run = Cli.run(
        "report", "--values", v, "--geometry", g, "--column", "nope", "-o", "-", "--lang", "en");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--column: "), run.err());
    run = Cli.run("report", "--values", v, "--geometry", g, "--lang", "de", "-o", "-");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--lang must be fr or en"), run.err());
    run = Cli.run(
        "report",
        "--values",
        dir.resolve("absent.csv").toString(),
        "--geometry",
        g,
        "-o",
        dir.resolve("absent.html").toString());
    assertEquals(66, run.exit(), run.err());
    Path existing = Files.writeString(dir.resolve("old.html"), "old", StandardCharsets.UTF_8);
    run = Cli.run("report", "--values", v, "--geometry", g, "-o", existing.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("exists; use --force"), run.err());
    assertEquals("old", Files.readString(existing));
    Path bad = Files.writeString(
        dir.resolve("bad.csv"), "commune,apl,residents\n43001,x,1\n", StandardCharsets.UTF_8);
    run = Cli.run(
        "report",
        "--values",
        bad.toString(),
        "--geometry",
        g,
        "-o",
        "-",
        "--capped-column",
        "none");
    assertEquals(65, run.exit(), run.err());
  }
}
