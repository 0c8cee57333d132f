package fr.apl.geo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.commune.CodeHistory;
import fr.apl.geo.CommuneShapes;
import fr.apl.geo.ResultTable;
import fr.apl.io.csv.InputException;
import fr.apl.zoning.AreaFigures;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report on a hand-made table of 10 communes in 4 departments, every figure worked out by
 * hand below.
 */
class ReportTest {

  /**
   * The table. Residents by department: 01 120 + 1 500 + 800 + 2 500 = 4 920; 15 300 + 700 =
   * 1 000; 43 50 + 12 345 + 0 = 12 395; 48 1; territory 18 316. apl_s1 is a scenario (01003 2.5
   * -> 3.0 stays in [2.5; 4[, 43002 3.0 -> 2.4 falls into [0; 2.5[); apl_weights2022 is compared
   * age weights, not a scenario.
   */
  private static final String TABLE = String.join(
      "\n",
      "commune,apl,apl_moins65,apl_s1,apl_weights2022,population,residents",
      "01001,0.5,0.4,0.5,0.5,110.5,120",
      "01002,2.0,1.0,2.0,2.0,1000,1500",
      "01003,2.5,2.0,3.0,2.5,500,800",
      "01004,4.0,3.0,4.0,4.0,3000,2500",
      "15001,4.2,2.6,4.2,4.2,280,300",
      "15002,3.1,2.7,3.1,3.1,650,700",
      "43001,0.9,0.9,0.9,0.9,60,50",
      "43002,3.0,2.4,2.4,3.0,12000,12345",
      "43003,5.0,4.5,5.0,5.0,200,0",
      "48001,0.2,0.2,0.2,0.2,1,1",
      "");

  /** Squares of 0.05 degree, named Alpha, Bravo…; 48001 has no polygon. */
  private static String geojson() {
    String[][] communes = {
      {"01001", "Alpha"}, {"01002", "Bravo"}, {"01003", "Charlie"}, {"01004", "Delta"},
      {"15001", "Echo"}, {"15002", "Foxtrot"}, {"43001", "Golf"}, {"43002", "Hotel"},
      {"43003", "India"}
    };
    StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int k = 0; k < communes.length; k++) {
      double x = 3 + 0.05 * k;
      double y = 45 + 0.05 * (communes[k][0].charAt(0) - '0');
      b.append(k == 0 ? "" : ",")
          .append(String.format(
              Locale.ROOT,
              "{\"type\":\"Feature\",\"properties\":{\"code\":\"%s\",\"nom\":\"%s\"},"
                  + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.2f,%.2f],[%.2f,%.2f],"
                  + "[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f]]]}}",
              communes[k][0],
              communes[k][1],
              x,
              y,
              x + 0.05,
              y,
              x + 0.05,
              y + 0.05,
              x,
              y + 0.05,
              x,
              y));
    }
    return b.append("]}").toString();
  }

  @TempDir
  Path dir;

  private Report report(String lang, Set<String> departments) throws IOException {
    Path values = dir.resolve("values.csv");
    Path shapes = dir.resolve("communes.geojson");
    Files.writeString(values, TABLE, StandardCharsets.UTF_8);
    Files.writeString(shapes, geojson(), StandardCharsets.UTF_8);
    return Report.build(new Report.Request(
        ResultTable.read(values),
        CommuneShapes.read(shapes, "code", "nom"),
        CodeHistory.none(),
        null,
        "apl",
        "apl_moins65",
        null,
        departments,
        lang,
        null,
        false,
        List.of(new Report.InputFile("--values", values)),
        "apl test"));
  }

  private static Map<String, String> sentences(Report r, String column) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Report.Sentence s : r.sentences()) {
      if (s.column().equals(column)) {
        out.put(s.area(), s.text());
      }
    }
    return out;
  }

  @Test
  void frenchSentences() throws IOException {
    Report r = report("fr", Set.of());
    assertEquals("residents", r.weightColumn());
    assertEquals(List.of("apl_s1"), r.scenarioColumns());
    Map<String, String> apl = sentences(r, "apl");
    assertEquals(List.of("T", "01", "15", "43", "48"), List.copyOf(apl.keySet()));
    // Below 2.5 (strict: 01003 at 2.5 is not): 01001, 01002, 43001, 48001, 120 + 1 500 + 50 + 1
    // = 1 671 residents, 1 671 / 18 316 = 9.12 %; below 1: 01001, 43001, 48001, 171 residents.
    assertEquals(
        "1\u202f671 habitants dans 4 communes ont moins de 2,5 consultations par an"
            + " (9,1\u202f% de la population) ; 3 communes sous 1 (171 habitants).",
        apl.get("T"));
    // 01: 01001 and 01002, 1 620 of 4 920 residents (32.93 %); below 1: 01001, 120.
    assertEquals(
        "1\u202f620 habitants dans 2 communes ont moins de 2,5 consultations par an"
            + " (32,9\u202f% de la population) ; 1 commune sous 1 (120 habitants).",
        apl.get("01"));
    assertEquals("Aucune commune n'a moins de 2,5 consultations par an.", apl.get("15"));
    // 43: 43001 alone, 50 of 12 395 residents (0.40 %).
    assertEquals(
        "50 habitants dans 1 commune ont moins de 2,5 consultations par an"
            + " (0,4\u202f% de la population) ; 1 commune sous 1 (50 habitants).",
        apl.get("43"));
    // 48: one commune of one resident, the singular of the verb and of the nouns.
    assertEquals(
        "1 habitant dans 1 commune a moins de 2,5 consultations par an"
            + " (100,0\u202f% de la population) ; 1 commune sous 1 (1 habitant).",
        apl.get("48"));
    Map<String, String> capped = sentences(r, "apl_moins65");
    // Capped below 2.5: 01001, 01002, 01003, 43001, 43002, 48001: 120 + 1 500 + 800 + 50 +
    // 12 345 + 1 = 14 816 residents, 80.89 %; below 1 (01002 at 1.0 is not): 171 residents.
    assertEquals(
        "14\u202f816 habitants dans 6 communes auraient moins de 2,5 consultations par an"
            + " (80,9\u202f% de la population) ; 3 communes sous 1 (171 habitants).",
        capped.get("T"));
    assertEquals("Aucune commune n'aurait moins de 2,5 consultations par an.", capped.get("15"));
    for (Report.Sentence s : r.sentences()) {
      if (s.area().equals("43")) {
        assertEquals(
            s.column().equals("apl")
                ? "Haute-Loire (43)"
                : "Haute-Loire (43), sans les médecins de 65 ans ou plus",
            s.label());
      }
    }
  }

  @Test
  void englishSentences() throws IOException {
    Report r = report("en", Set.of());
    Map<String, String> apl = sentences(r, "apl");
    assertEquals(
        "1,671 inhabitants in 4 communes have fewer than 2.5 consultations a year"
            + " (9.1% of the population); 3 communes below 1 (171 inhabitants).",
        apl.get("T"));
    assertEquals(
        "1 inhabitant in 1 commune has fewer than 2.5 consultations a year"
            + " (100.0% of the population); 1 commune below 1 (1 inhabitant).",
        apl.get("48"));
    assertEquals("No commune has fewer than 2.5 consultations a year.", apl.get("15"));
    assertEquals(
        "No commune would have fewer than 2.5 consultations a year.",
        sentences(r, "apl_moins65").get("15"));
  }

  @Test
  void theFiguresAreThoseOfZoningFigures() throws IOException {
    Report r = report("fr", Set.of("01", "43"));
    assertEquals(List.of("01", "43"), List.copyOf(r.departments()));
    AreaFigures t = r.figures().get(0);
    assertEquals("territory", t.level());
    assertEquals(7, t.communes());
    // 4 920 + 12 395 residents.
    assertEquals(17_315, t.population(), 0);
    AreaFigures.VariantFigures v = t.variants().get(0);
    assertEquals(
        List.of(2, 3, 5),
        List.of(v.communesBelow()[0], v.communesBelow()[1], v.communesBelow()[2]));
    // Below 4: the five below 2.5 and 01003 (2.5), 43002 (3.0): 120 + 1 500 + 50 + 800 + 12 345.
    assertEquals(14_815, v.populationBelow()[2], 0);
    // Mean: (0.5*120 + 2*1500 + 2.5*800 + 4*2500 + 0.9*50 + 3*12345 + 5*0) / 17 315.
    double mean =
        (0.5 * 120 + 2.0 * 1500 + 2.5 * 800 + 4.0 * 2500 + 0.9 * 50 + 3.0 * 12345) / 17_315;
    assertEquals(mean, v.mean(), 1e-12);
    assertEquals("department", r.figures().get(1).level());
    assertEquals("01", r.figures().get(1).code());
  }

  @Test
  void theHtmlIsSelfContainedWithUniqueIds() throws IOException {
    Report r = report("fr", Set.of());
    StringWriter w = new StringWriter();
    r.writeHtml(w);
    String html = w.toString();
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"fr\">"), html.substring(0, 40));
    assertTrue(html.contains("@page{size:A4"));
    assertTrue(html.contains("@media print"));
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<?xml"), "the maps' XML prolog is stripped");
    for (String external : List.of(" src=", " href=", "@import", "https://")) {
      assertFalse(html.contains(external), external);
    }
    assertEquals(
        html.split("http://", -1).length - 1,
        html.split("xmlns=\"http://www.w3.org/2000/svg\"", -1).length - 1,
        "the only URLs are the SVG namespace");
    Matcher url = Pattern.compile("url\\((.)").matcher(html);
    while (url.find()) {
      assertEquals("#", url.group(1), "only local references");
    }
    Set<String> ids = new HashSet<>();
    Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
    while (id.find()) {
      assertTrue(ids.add(id.group(1)), "id given twice: " + id.group(1));
    }
    Matcher ref = Pattern.compile("url\\(#([^)]+)\\)").matcher(html);
    while (ref.find()) {
      assertTrue(ids.contains(ref.group(1)), "no element " + ref.group(1));
    }
    // Main, capped, and the scenario's before and after maps.
    assertEquals(4, r.maps());
    assertEquals(5, html.split("<svg ", -1).length - 1, "4 maps and the histogram");
    // The least served inhabited commune first: 48001 (0.2, no polygon: no name), then Alpha.
    int hotel = html.indexOf("<td>Hotel</td>");
    assertTrue(html.indexOf("<td>Alpha</td>") > 0);
    assertTrue(hotel > 0);
    assertFalse(html.contains("<td>India</td>"), "43003 has no resident");
    // The scenario moves Hotel (43002) from [2.5; 4[ to [0; 2.5[, and only it.
    String scenario = html.substring(html.indexOf("<section id=\"scenarios\""));
    assertTrue(scenario.contains("Communes qui changent de classe : 1 commune."), scenario);
    assertTrue(scenario.contains("<td>[2,5 ; 4[</td><td>[0 ; 2,5[</td>"), scenario);
    assertTrue(scenario.contains("Il change l'APL de 2 communes du territoire"), scenario);
    // The DREES labels of the maps' legends in French.
    assertTrue(html.contains(">[2,5 ; 4[</text>"));
    // The join's note: 48001 has no polygon.
    assertTrue(
        html.contains("values.csv sans polygone (non dessinées) : 1 (48001)"),
        html.substring(html.indexOf("<section id=\"inputs\"")));
    assertTrue(html.contains(Report.sha256(dir.resolve("values.csv"))));
  }

  @Test
  void refusals() throws IOException {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> report("fr", Set.of("99")));
    assertTrue(e.getMessage().contains("no commune of department 99"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> report("de", Set.of()));
    Path values = dir.resolve("bare.csv");
    Files.writeString(values, "commune,apl\n01001,2\n", StandardCharsets.UTF_8);
    Path shapes = dir.resolve("c.geojson");
    Files.writeString(shapes, geojson(), StandardCharsets.UTF_8);
    InputException i = assertThrows(
        InputException.class,
        () -> Report.build(new Report.Request(
            ResultTable.read(values),
            CommuneShapes.read(shapes, "code", "nom"),
            CodeHistory.none(),
            null,
            "apl",
            null,
            null,
            Set.of(),
            "fr",
            null,
            false,
            List.of(),
            "apl test")));
    assertNotNull(i.getMessage());
    assertTrue(i.getMessage().contains("no inhabitants column"), i.getMessage());
  }

  @Test
  void numbers() {
    ReportWords fr = new ReportWords(true);
    ReportWords en = new ReportWords(false);
    assertEquals("1\u202f234\u202f567", fr.integer(1_234_566.5));
    assertEquals("1,234,567", en.integer(1_234_567));
    assertEquals("2,50", fr.decimal(2.5, 2));
    assertEquals("0", fr.integer(-0.2));
    assertEquals("2,5", fr.threshold(2.5));
    assertEquals("4", en.threshold(4));
    assertEquals("0 commune", fr.count(0, ReportText.COMMUNE, ReportText.COMMUNES));
    assertEquals("0 communes", en.count(0, ReportText.COMMUNE, ReportText.COMMUNES));
    assertEquals("[2,5 ; 4[", fr.classLabel("[2.5; 4["));
  }
}
