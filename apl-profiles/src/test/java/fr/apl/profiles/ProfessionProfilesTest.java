package fr.apl.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.demand.AgeWeights;
import fr.apl.io.csv.InputException;
import fr.apl.profession.Parameter;
import fr.apl.profession.Profession;
import fr.apl.supply.Activity;
import fr.apl.supply.PracticeMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProfessionProfilesTest {

  static List<String> builtIn() {
    return ProfessionProfiles.builtInNames();
  }

  @ParameterizedTest
  @MethodSource("builtIn")
  void everyBuiltInReadsWithEveryParameterSourced(String name) {
    Profession p = ProfessionProfiles.builtIn(name);
    assertEquals(name, p.name());
    List<String> named = new ArrayList<>();
    for (Parameter q : p.parameters()) {
      named.add(q.name());
      assertFalse(q.source().isBlank(), q.name());
    }
    assertEquals(Profession.PARAMETERS.size(), named.size());
    assertTrue(named.containsAll(Profession.PARAMETERS));
  }

  @Test
  void builtInGeneralPractitionerIsTheJavaOneAndAssumesNothing() {
    Profession json = ProfessionProfiles.builtIn("general-practitioner");
    Profession java = Profession.generalPractitioner();
    assertEquals(java.name(), json.name());
    assertEquals(java.decaySpec(), json.decaySpec());
    assertEquals(java.maxMinutes(), json.maxMinutes());
    assertEquals(java.bandEdges(), json.bandEdges());
    assertEquals(java.activity(), json.activity());
    assertEquals(java.supply(), json.supply());
    assertEquals(java.ageCaps(), json.ageCaps());
    assertEquals(java.demand().both().name(), json.demand().both().name());
    assertEquals(java.rescaling(), json.rescaling());
    assertEquals(java.unit(), json.unit());
    assertEquals(java.scale(), json.scale());
    assertEquals(java.zoning(), json.zoning());
    for (Parameter q : json.parameters()) {
      assertEquals(java.parameter(q.name()).value(), q.value(), q.name());
    }
    assertTrue(json.assumed().isEmpty(), json.assumed().toString());
    assertTrue(java.assumed().isEmpty());
  }

  @Test
  void otherProfessionsSayWhatTheyAssume() {
    for (String name : List.of("nurse", "physiotherapist", "midwife", "dentist")) {
      Profession p = ProfessionProfiles.builtIn(name);
      assertFalse(p.assumed().isEmpty(), name);
      assertEquals(Activity.FTE, p.activity(), name);
      assertEquals(100_000.0, p.scale(), name);
      assertTrue(p.parameter("decay").assumed(), name);
    }
  }

  @Test
  void midwivesWeighWomenAged15To49Only() {
    Profession p = ProfessionProfiles.builtIn("midwife");
    assertTrue(p.demand().bySex());
    double[] women = p.demand().women().weights();
    double[] men = p.demand().men().weights();
    for (int a = 0; a < AgeWeights.BANDS; a++) {
      double want = a >= 3 && a <= 9 ? 1 : 0; // 15-19 … 45-49
      assertEquals(want, women[a], AgeWeights.BAND_LABELS.get(a));
      assertEquals(0, men[a], AgeWeights.BAND_LABELS.get(a));
    }
    assertEquals("none", p.parameter("demand.rescaling").value());
  }

  @Test
  void dentistsLeaveOutLiberalsOver65ButNotSalaried() {
    Profession p = ProfessionProfiles.builtIn("dentist");
    assertEquals(66, p.supply().liberalAgeLimit());
    assertTrue(p.ageCaps().isEmpty());
    assertEquals(0.5, p.supply().counted(0.5, PracticeMode.CENTRE_SANTE, false));
  }

  private static String gp() {
    return ProfessionProfiles.builtInText("general-practitioner");
  }

  private static InputException refused(String json) {
    return assertThrows(
        InputException.class,
        () -> ProfessionProfiles.parse("p.json", json.getBytes(StandardCharsets.UTF_8)));
  }

  private static int lineOf(String json, String text) {
    int at = json.indexOf(text);
    assertTrue(at >= 0, text);
    return 1 + (int) json.substring(0, at).chars().filter(c -> c == '\n').count();
  }

  @Test
  void aValueOutOfRangeNamesItsLineAndValue() {
    String json = gp().replace("\"value\": 6000", "\"value\": -6000");
    InputException e = refused(json);
    assertEquals("p.json", e.source());
    assertEquals(lineOf(json, "-6000"), e.line());
    assertTrue(e.problem().contains("supply.ceiling"), e.problem());
    assertTrue(e.problem().contains("-6000"), e.problem());
  }

  @Test
  void anUnknownKeyIsRefusedAtItsLine() {
    String json = gp().replace("\"ceiling\":", "\"cieling\":");
    InputException e = refused(json);
    List<String> all = problems(e);
    assertTrue(all.stream().anyMatch(p -> p.contains("unknown key \"cieling\"")), all.toString());
    assertTrue(all.stream().anyMatch(p -> p.contains("missing key \"ceiling\"")), all.toString());
    assertEquals(lineOf(json, "cieling"), e.line());
  }

  @Test
  void aParameterWithoutSourceIsRefused() {
    String json = gp().replace(
            "\"per_unit\": {\"value\": 1, \"source\": \"DREES: APL in consultations\"}",
            "\"per_unit\": {\"value\": 1}");
    InputException e = refused(json);
    assertTrue(
        problems(e).toString().contains("missing key \"source\" in supply.per_unit"),
        problems(e).toString());
    String blank = gp().replace("\"source\": \"DREES: APL in consultations\"", "\"source\": \" \"");
    assertTrue(refused(blank).problem().contains("source of supply.per_unit"));
  }

  @Test
  void aRepeatedKeyIsRefused() {
    String json = gp().replace("\"label\":", "\"name\": \"x\", \"label\":");
    InputException e = refused(json);
    assertTrue(e.problem().contains("not valid JSON") && e.problem().contains("name"), e.problem());
    assertEquals(lineOf(json, "\"name\": \"x\""), e.line());
  }

  @Test
  void malformedJsonAndTrailingTokensNameTheLine() {
    InputException e = refused("{\n\"apl_profile\": 1,\n\"name\": }\n");
    assertEquals(3, e.line());
    assertTrue(refused(gp() + "\n{}").problem().contains("not valid JSON"));
    assertTrue(refused("").problem().contains("empty"));
    assertTrue(refused("[1, 2]").problem().contains("JSON object"));
    assertTrue(refused("\"x\"").problem().contains("JSON object"));
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertTrue(refused(deep).problem().contains("not valid JSON"));
  }

  @Test
  void theFormatVersionIsChecked() {
    String json = gp().replace("\"apl_profile\": 1", "\"apl_profile\": 2");
    assertTrue(refused(json).problem().contains("apl_profile must be 1"));
  }

  @Test
  void everyProblemIsListedNotOnlyTheFirst() {
    String json = gp().replace("\"value\": 6000", "\"value\": \"lots\"")
        .replace("\"value\": \"half-open\"", "\"value\": \"open\"")
        .replace("\"values\": [2.5, 4]", "\"values\": [4, 2.5]");
    List<String> all = problems(refused(json));
    assertEquals(3, all.size(), all.toString());
  }

  @Test
  void inconsistentBoundsAreRefusedAtTheSupply() {
    String json = gp().replace("\"value\": 6000", "\"value\": 3000");
    InputException e = refused(json);
    assertTrue(e.problem().contains("ceiling"), e.problem());
    assertEquals(lineOf(json, "\"supply\""), e.line());
  }

  @Test
  void aContinuousDecayNeedsItsCutoff() {
    String json = gp().replace("\"value\": \"10:1,15:2/3,20:1/3\"", "\"value\": \"gaussian:10\"");
    InputException e = refused(json);
    assertEquals(lineOf(json, "gaussian"), e.line());
    String ok =
        json.replace("\"max_minutes\": {\"value\": null", "\"max_minutes\": {\"value\": 30");
    Profession p = ProfessionProfiles.parse("p.json", ok.getBytes(StandardCharsets.UTF_8));
    assertEquals(30.0, p.maxMinutes());
    assertEquals(0.0, p.decay().weight(30));
  }

  @Test
  void filesAreBoundedAndFoldersRefused(@TempDir Path dir) throws IOException {
    assertTrue(assertThrows(InputException.class, () -> ProfessionProfiles.read(dir))
        .problem()
        .contains("folder"));
    Path big = dir.resolve("big.json");
    Files.write(big, new byte[ProfessionProfiles.MAX_BYTES + 1]);
    assertTrue(assertThrows(InputException.class, () -> ProfessionProfiles.read(big))
        .problem()
        .contains("larger than"));
    Path good = dir.resolve("mine.json");
    Files.writeString(good, gp().replace("\"general-practitioner\"", "\"my-gp\""));
    assertEquals("my-gp", ProfessionProfiles.read(good).name());
    assertNull(null);
  }

  @Test
  void unknownBuiltInNamesTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProfessionProfiles.builtIn("vet"));
    assertTrue(e.getMessage().contains("nurse"), e.getMessage());
  }

  private static List<String> problems(InputException e) {
    List<String> all = new ArrayList<>();
    all.add(e.problem());
    for (InputException o : e.others()) {
      all.add(o.problem());
    }
    return all;
  }
}
