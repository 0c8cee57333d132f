package fr.apl.io.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.place.CommuneValues;
import fr.apl.zoning.NationalThresholds;
import fr.apl.zoning.TerritoryMap;
import fr.apl.zoning.Zoning;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the inputs of a zoning and writing its outputs. The zoning written has six
 * territories, four of whose codes a spreadsheet would run as a formula:
 *
 * <pre>
 *   commune  APL  weight  territory  region
 *   01001    1.5  100     T2         84
 *   01002    3.0  200     T1         84      (forced to zip)
 *   01003    5.0   50     =H         11
 *   01004    2.0    0     +A         11      (no population: APL NaN)
 *   01005    4.0   10     -B         =R
 *   01006    2.5   10     @C         11
 * </pre>
 */
class ZoningCsvTest {

  @TempDir
  Path dir;

  private static final String HEADER =
      "territory,population,apl,class,forced_class,final_class,region,communes\n";

  private static CommuneValues apl() {
    return CommuneValues.of(
        Map.of("01001", 1.5, "01002", 3.0, "01003", 5.0, "01004", 2.0, "01005", 4.0, "01006", 2.5));
  }

  private static Zoning zoning() {
    CommuneValues weight = CommuneValues.of(Map.of(
        "01001", 100.0, "01002", 200.0, "01003", 50.0, "01004", 0.0, "01005", 10.0, "01006", 10.0));
    TerritoryMap map = TerritoryMap.of(
        Map.of(
            "01001", "T2", "01002", "T1", "01003", "=H", "01004", "+A", "01005", "-B", "01006",
            "@C"),
        Map.of(
            "01001", "84", "01002", "84", "01003", "11", "01004", "11", "01005", "=R", "01006",
            "11"));
    return Zoning.of(apl(), weight, map, NationalThresholds.of2017(), Map.of("T1", "zip"));
  }

  private static String territories(Zoning z, CsvDialect dialect) throws IOException {
    StringWriter w = new StringWriter();
    ZoningCsv.writeTerritories(z, w, dialect);
    return w.toString();
  }

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void territoryTableIsSortedNeutralisedAndLeavesNoAplEmpty() throws IOException {
    String out = territories(zoning(), CsvDialect.STANDARD);
    assertTrue(out.startsWith("territory,population,apl,class"), out);
    // Rows in territory-code order ('+' 0x2B < '-' 0x2D < '=' 0x3D < '@' 0x40 < 'T'), each
    // formula-like text (territory or region) behind an apostrophe. +A weighs 0: its APL cell is
    // empty and it has no class; its region is 11 (the only one among its communes).
    // -B: APL 4 ≤ 4 vivier. =H: 5 > 4 hors_zonage. @C: 2.5 ≤ 2.5 zip. T1: 3 vivier, forced zip.
    // T2: 1.5 zip.
    assertEquals(
        HEADER
            + "'+A,0.0,,,,,11,1\n"
            + "'-B,10.0,4.0,vivier,,vivier,'=R,1\n"
            + "'=H,50.0,5.0,hors_zonage,,hors_zonage,11,1\n"
            + "'@C,10.0,2.5,zip,,zip,11,1\n"
            + "T1,200.0,3.0,vivier,zip,zip,84,1\n"
            + "T2,100.0,1.5,zip,,zip,84,1\n",
        out);
  }

  @Test
  void frenchDialectUsesSemicolonsAndDecimalCommas() throws IOException {
    String out = territories(zoning(), CsvDialect.FRENCH);
    assertTrue(out.startsWith("territory;population;apl;class;"), out);
    assertTrue(out.contains("\nT2;100,0;1,5;zip;;zip;84;1\n"), out);
  }

  @Test
  void writingTwiceGivesTheSameText() throws IOException {
    assertEquals(
        territories(zoning(), CsvDialect.STANDARD), territories(zoning(), CsvDialect.STANDARD));
    assertEquals(json(zoning()), json(zoning()));
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    ZoningCsv.writeCommunes(zoning(), apl(), a, CsvDialect.STANDARD);
    ZoningCsv.writeCommunes(zoning(), apl(), b, CsvDialect.STANDARD);
    assertEquals(a.toString(), b.toString());
  }

  @Test
  void textFieldsAreQuotedAndNeutralised() {
    assertEquals("T1", ZoningCsv.text("T1", ','));
    assertEquals("'=1+1", ZoningCsv.text("=1+1", ','));
    assertEquals("'+33", ZoningCsv.text("+33", ','));
    assertEquals("'-2", ZoningCsv.text("-2", ','));
    assertEquals("'@SUM", ZoningCsv.text("@SUM", ','));
    // Only the first character matters.
    assertEquals("A=B", ZoningCsv.text("A=B", ','));
    // A separator or a quote in the text: quoted, quotes doubled, after neutralising.
    assertEquals("\"'=a,b\"", ZoningCsv.text("=a,b", ','));
    assertEquals("\"say \"\"hi\"\"\"", ZoningCsv.text("say \"hi\"", ','));
    assertEquals("a,b", ZoningCsv.text("a,b", ';'));
    assertEquals("", ZoningCsv.text(null, ','));
  }

  @Test
  void communeTableGivesTheFinalClass() throws IOException {
    StringWriter w = new StringWriter();
    ZoningCsv.writeCommunes(zoning(), apl(), w, CsvDialect.STANDARD);
    String out = w.toString();
    assertTrue(out.startsWith("commune,territory,apl,class\n"), out);
    // 01002 is in T1, vivier by rule but forced to zip.
    assertTrue(out.contains("\n01002,T1,3.0,zip\n"), out);
    assertTrue(out.contains("\n01003,'=H,5.0,hors_zonage\n"), out);
    // 01004's territory has no class.
    assertTrue(out.contains("\n01004,'+A,2.0,\n"), out);
  }

  @Test
  void previousReadsBackTheTerritoryTable() throws IOException {
    // Plain codes, one with a comma (quoted on writing), and a forced territory whose code looks
    // like a formula (neutralised on writing, restored on reading). Forced classes are the rule's
    // own, so only codes can look like formulas.
    CommuneValues apl = CommuneValues.of(Map.of("01001", 1.5, "01002", 3.0, "01003", 2.0));
    CommuneValues weight = CommuneValues.of(Map.of("01001", 100.0, "01002", 200.0, "01003", 0.0));
    TerritoryMap map = TerritoryMap.of(Map.of("01001", "-T2", "01002", "T,1", "01003", "T3"), null);
    Zoning z = Zoning.of(apl, weight, map, NationalThresholds.of2017(), Map.of("-T2", "vivier"));
    for (CsvDialect d : CsvDialect.values()) {
      Path p = write("previous-" + d + ".csv", territories(z, d));
      ZoningCsv.Previous prev = ZoningCsv.readPrevious(p);
      // T3 weighs 0: no class and no APL, so absent from both maps.
      assertEquals(Map.of("T,1", "vivier", "-T2", "vivier"), prev.classes(), d.toString());
      assertEquals(Map.of("T,1", 3.0, "-T2", 1.5), prev.apl(), d.toString());
    }
  }

  /**
   * Regression: readPrevious once kept the apostrophe that writeTerritories puts before codes
   * starting with {@code = + - @}, so changesFrom against the zoning itself reported those
   * territories twice, as vanished ({@code '-B}) and as appeared ({@code -B}). The class and APL
   * keys must be the zoning's own codes {@code -B =H @C T1 T2} (+A has neither).
   */
  @Test
  void previousReadsBackNeutralisedTerritoryCodes() throws IOException {
    Zoning z = zoning();
    Path p = write("previous.csv", territories(z, CsvDialect.STANDARD));
    ZoningCsv.Previous prev = ZoningCsv.readPrevious(p);
    Map<String, String> expectedClasses = new TreeMap<>(
        Map.of("-B", "vivier", "=H", "hors_zonage", "@C", "zip", "T1", "zip", "T2", "zip"));
    assertEquals(expectedClasses, prev.classes());
    assertEquals(Map.of("-B", 4.0, "=H", 5.0, "@C", 2.5, "T1", 3.0, "T2", 1.5), prev.apl());
    // Read back, the same zoning has changed nothing.
    assertEquals(List.of(), z.changesFrom(prev.classes(), prev.apl()));
  }

  @Test
  void ceilingsAcceptFractionsAndPercentages() throws IOException {
    Path p = write(
        "ceilings.csv",
        "region,zip_share,zac_share\n" + "84,0.203,51.7 %\n" + "11,20.3 %,0.42\n" + "93,20.3%,0\n");
    Map<String, double[]> c = ZoningCsv.readCeilings(p);
    assertEquals(List.of("11", "84", "93"), List.copyOf(c.keySet()));
    // 20.3 % = 0.203, 51.7 % = 0.517.
    assertArrayEquals(new double[] {0.203, 0.517}, c.get("84"), 1e-15);
    assertArrayEquals(new double[] {0.203, 0.42}, c.get("11"), 1e-15);
    assertArrayEquals(new double[] {0.203, 0.0}, c.get("93"), 1e-15);
  }

  @Test
  void ceilingsRejectSharesAboveOneWithFileAndLine() throws IOException {
    Path p =
        write("ceilings.csv", "region,zip_share,zac_share\n" + "84,0.203,0.517\n" + "11,1.5,0.2\n");
    InputException e = assertThrows(InputException.class, () -> ZoningCsv.readCeilings(p));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().startsWith(p + ":3: "), e.getMessage());
    assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    // 150 % is 1.5 as well; a negative share is no share either.
    Path q = write("ceilings2.csv", "region,zip_share,zac_share\n11,150 %,0.2\n");
    assertEquals(
        2, assertThrows(InputException.class, () -> ZoningCsv.readCeilings(q)).line());
    Path r = write("ceilings3.csv", "region,zip_share,zac_share\n11,0.2,-0.1\n");
    assertEquals(
        2, assertThrows(InputException.class, () -> ZoningCsv.readCeilings(r)).line());
  }

  @Test
  void territoriesWithRegionAndDepartment() throws IOException {
    Path p = write(
        "territories.csv",
        "commune,territory,region,department\n"
            + "01001,T1,84,01\n"
            + "01002,T1,84,01\n"
            + "75056,TP,11,75\n"
            + "01003,T2,84,\n");
    ZoningCsv.Territories t = ZoningCsv.readTerritories(p, null, "territory", null, null);
    assertEquals(4, t.map().size());
    assertEquals("T1", t.map().territory("01002"));
    assertEquals("TP", t.map().territory("75056"));
    assertTrue(t.map().hasRegions());
    assertEquals("11", t.map().region("75056"));
    assertEquals("84", t.map().region("01003"));
    // A blank department is left out.
    assertEquals(Map.of("01001", "01", "01002", "01", "75056", "75"), t.departments());
  }

  @Test
  void territoriesWithInseeColumnNames() throws IOException {
    // The INSEE table d'appartenance: CODGEO, BV2012, DEP, REG (case-insensitive defaults).
    Path p = write(
        "appartenance.csv",
        "CODGEO,LIBGEO,DEP,REG,BV2012\n"
            + "43001,Aiguilhe,43,84,43157\n"
            + "2A004,Ajaccio,2A,94,2A004\n");
    ZoningCsv.Territories t = ZoningCsv.readTerritories(p, null, "BV2012", null, null);
    assertEquals("43157", t.map().territory("43001"));
    assertEquals("94", t.map().region("2A004"));
    assertEquals(Map.of("43001", "43", "2A004", "2A"), t.departments());
  }

  @Test
  void territoriesWithoutRegionColumnHaveNoRegions() throws IOException {
    Path p = write("territories.csv", "commune,territory\n01001,T1\n");
    ZoningCsv.Territories t = ZoningCsv.readTerritories(p, null, "territory", null, null);
    assertFalse(t.map().hasRegions());
    assertEquals(Map.of(), t.departments());
  }

  @Test
  void anEmptyTerritoryIsRefusedWithItsLine() throws IOException {
    Path p = write("territories.csv", "commune,territory\n01001,T1\n01002, \n");
    InputException e = assertThrows(
        InputException.class, () -> ZoningCsv.readTerritories(p, null, "territory", null, null));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("01002"), e.getMessage());
  }

  @Test
  void communeTableTakesRequiredAndPresentOptionalColumns() throws IOException {
    // The DREES layout: code_commune is the code, commune the name.
    Path p = write(
        "apl.csv",
        "code_commune,commune,apl_mg,pop_standardisee\n"
            + "43001,Aiguilhe,2.5,100.5\n"
            + "2A004,\"Ajaccio, la ville\",3,2000\n");
    ZoningCsv.CommuneTable t = ZoningCsv.readCommuneTable(
        p, null, List.of("apl_mg", "pop_standardisee"), List.of("apl_mg_moins65"));
    // The optional column is absent: left out, the required ones in the order asked.
    assertEquals(List.of("apl_mg", "pop_standardisee"), List.copyOf(t.columns().keySet()));
    assertEquals(2.5, t.columns().get("apl_mg").get("43001"));
    assertEquals(2000.0, t.columns().get("pop_standardisee").get("2A004"));
    InputException e = assertThrows(
        InputException.class,
        () -> ZoningCsv.readCommuneTable(p, null, List.of("apl_mg", "apl_mg_moins65"), List.of()));
    assertTrue(e.getMessage().contains("apl_mg_moins65"), e.getMessage());
  }

  private static final List<String> NATIONAL = NationalThresholds.of2017().classes();

  @Test
  void forcedClassesAreReadByColumnNameAndRepeatsRefused() throws IOException {
    // Columns by name, in any order, other columns ignored; classes in any case.
    Path p = write("forced.csv", "reason,class,territory\nARS,zip,T1\nARS, Vivier , T2 \n");
    assertEquals(Map.of("T1", "zip", "T2", "vivier"), ZoningCsv.readForced(p, NATIONAL));
    Path q = write("forced2.csv", "territory,class\nT1,zip\nT1,vivier\n");
    InputException e = assertThrows(InputException.class, () -> ZoningCsv.readForced(q, NATIONAL));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void forcedClassOutsideTheRuleIsRefused() throws IOException {
    Path p = write("forced.csv", "territory,class\nT1,zip\nT2,nonsense\n");
    InputException e = assertThrows(InputException.class, () -> ZoningCsv.readForced(p, NATIONAL));
    assertEquals(
        p + ":3: class of territory T2 must be one of the rule's classes zip, vivier,"
            + " hors_zonage, given: 'nonsense'",
        e.getMessage());
    // zac is a class of the regional ceilings, not of the national thresholds.
    Path z = write("forced-zac.csv", "territory,class\nT1,zac\n");
    assertTrue(assertThrows(InputException.class, () -> ZoningCsv.readForced(z, NATIONAL))
        .getMessage()
        .contains("given: 'zac'"));
  }

  @Test
  void forcedTableWithoutItsColumnsIsRefused() throws IOException {
    Path p = write("forced.csv", "foo,bar\nT1,zip\n");
    InputException e = assertThrows(InputException.class, () -> ZoningCsv.readForced(p, NATIONAL));
    assertEquals(1, e.line());
    assertTrue(e.getMessage().startsWith(p + ":1: no territory column"), e.getMessage());
    assertTrue(e.getMessage().contains("header is: foo,bar"), e.getMessage());
    Path q = write("forced2.csv", "territory,bar\nT1,zip\n");
    assertTrue(assertThrows(InputException.class, () -> ZoningCsv.readForced(q, NATIONAL))
        .getMessage()
        .startsWith(q + ":1: no class column"));
  }

  private static String json(Zoning z) throws IOException {
    StringWriter w = new StringWriter();
    ZoningCsv.writeJson(z, apl(), "population", w);
    return w.toString();
  }

  @Test
  void jsonHoldsRuleTerritoriesAndCommunes() throws IOException {
    String j = json(zoning());
    assertTrue(
        j.startsWith(
            "{\n  \"rule\": \"national thresholds: zip if APL <= 2.5, vivier if"
                + " APL <= 4.0, else hors_zonage\",\n  \"weight\": \"population\",\n  \"territories\": [\n"),
        j);
    assertTrue(j.endsWith("}\n  ]\n}\n"), j);
    // Raw codes in JSON: no apostrophe there, no spreadsheet reads it.
    assertTrue(
        j.contains("    {\"territory\": \"T1\", \"population\": 200.0, \"apl\": 3.0,"
            + " \"class\": \"vivier\", \"forced_class\": \"zip\", \"final_class\": \"zip\","
            + " \"region\": \"84\", \"communes\": 1}"),
        j);
    // No population: APL and classes null, not NaN (which JSON does not have).
    assertTrue(
        j.contains("    {\"territory\": \"+A\", \"population\": 0.0, \"apl\": null,"
            + " \"class\": null, \"forced_class\": null, \"final_class\": null, \"region\": \"11\","
            + " \"communes\": 1}"),
        j);
    assertFalse(j.contains("NaN"), j);
    assertTrue(
        j.contains("\n  \"communes\": [\n    {\"commune\": \"01001\", \"territory\":"
            + " \"T2\", \"apl\": 1.5, \"class\": \"zip\"},\n"),
        j);
    assertTrue(
        j.contains(
            "{\"commune\": \"01004\", \"territory\": \"+A\", \"apl\": 2.0," + " \"class\": null}"),
        j);
    // Brackets balance (no bracket in any string here) and rows are separated by commas.
    assertEquals(count(j, '{'), count(j, '}'));
    assertEquals(count(j, '['), count(j, ']'));
    // 6 territories + 6 communes + the outer object.
    assertEquals(13, count(j, '{'));
  }

  @Test
  void jsonEscapesQuotesAndBackslashes() throws IOException {
    CommuneValues apl = CommuneValues.of(Map.of("01001", 1.0));
    Zoning z = Zoning.of(
        apl,
        apl,
        TerritoryMap.of(Map.of("01001", "a\"b\\c"), null),
        NationalThresholds.of2017(),
        Map.of());
    StringWriter w = new StringWriter();
    ZoningCsv.writeJson(z, apl, "pop \"std\"", w);
    assertTrue(w.toString().contains("\"territory\": \"a\\\"b\\\\c\""), w.toString());
    assertTrue(w.toString().contains("\"weight\": \"pop \\\"std\\\"\""), w.toString());
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) == c) {
        n++;
      }
    }
    return n;
  }
}
