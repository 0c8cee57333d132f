package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.profession.Profession;
import fr.apl.profiles.ProfessionProfiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --profession} and {@code apl profession}, end to end on the Haute-Loire sample. */
class ProfessionCliTest {

  private static final Path DIR = Cli.samples().resolve("haute-loire-43");

  private static Cli.Run compute(String practitioners, String... extra) {
    return compute(DIR.resolve(practitioners), DIR.resolve("population.csv"), extra);
  }

  /** Computes on the Haute-Loire times with these practitioners and population. */
  private static Cli.Run compute(Path practitioners, Path population, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "compute",
        "--times",
        DIR.resolve("times.csv").toString(),
        "--doctors",
        practitioners.toString(),
        "--population",
        population.toString(),
        "--threads",
        "2"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(new String[0]));
  }

  /** Reads an output table: commune → the values of its columns, by column name. */
  private static Map<String, Map<String, Double>> table(String csv) {
    String[] lines = csv.split("\n");
    String[] header = lines[0].split(",");
    Map<String, Map<String, Double>> t = new TreeMap<>();
    for (int k = 1; k < lines.length; k++) {
      String[] f = lines[k].split(",");
      Map<String, Double> row = new LinkedHashMap<>();
      for (int c = 1; c < f.length; c++) {
        row.put(header[c], Double.parseDouble(f[c]));
      }
      t.put(f[0], row);
    }
    return t;
  }

  @Test
  void theGeneralPractitionersProfileIsTheDefaultToTheBit() {
    Cli.Run plain = compute("doctors.csv");
    Cli.Run named = compute("doctors.csv", "--profession", "general-practitioner");
    assertEquals(0, plain.exit(), plain.err());
    assertEquals(0, named.exit(), named.err());
    assertEquals(plain.out(), named.out());
    assertTrue(named.err().contains("profession: every parameter from its source"), named.err());
    assertFalse(plain.err().contains("profession:"), plain.err());
  }

  /**
   * The nurses' figure, recomputed by hand from the file: each practitioner's FTE added over
   * practices, 1 for a new liberal installation, shared among practices by FTE, summed by
   * commune; then the general practitioners' E2SFCA on that supply, times 100 000.
   */
  @Test
  void nursesAreFteTimes100000OnTheSameKernel(@TempDir Path tmp) throws IOException {
    Map<String, Double> total = new HashMap<>();
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(DIR.resolve("practitioners_fte.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      rows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
      total.merge(f[0], Double.parseDouble(f[2]), Double::sum);
    }
    Map<String, Double> supply = new TreeMap<>();
    for (Map.Entry<String, List<String[]>> e : rows.entrySet()) {
      String[] first = e.getValue().get(0);
      boolean fresh = first[4].equals("liberal") && first[5].equals("1");
      double t = total.get(e.getKey());
      double counted = fresh ? 1 : Math.min(t, 10);
      for (String[] f : e.getValue()) {
        double share = t > 0
            ? counted * Double.parseDouble(f[2]) / t
            : counted / e.getValue().size();
        supply.merge(f[1], share, Double::sum);
      }
    }
    StringBuilder s = new StringBuilder("commune,consultations\n");
    supply.forEach((c, v) -> s.append(c).append(',').append(v).append('\n'));
    Path supplyFile = tmp.resolve("supply_fte.csv");
    Files.writeString(supplyFile, s.toString(), StandardCharsets.UTF_8);
    Cli.Run byHand = Cli.run(
        "compute",
        "--times",
        DIR.resolve("times.csv").toString(),
        "--supply",
        supplyFile.toString(),
        "--population",
        DIR.resolve("population.csv").toString(),
        "--age-caps",
        "none");
    Cli.Run nurse = compute("practitioners_fte.csv", "--profession", "nurse", "--age-caps", "none");
    assertEquals(0, byHand.exit(), byHand.err());
    assertEquals(0, nurse.exit(), nurse.err());
    Map<String, Map<String, Double>> want = table(byHand.out());
    Map<String, Map<String, Double>> got = table(nurse.out());
    assertEquals(want.keySet(), got.keySet());
    int positive = 0;
    for (String c : want.keySet()) {
      double w = want.get(c).get("apl") * 100_000;
      double g = got.get(c).get("apl");
      assertEquals(w, g, 1e-12 * Math.max(1, Math.abs(w)), c);
      positive += g > 0 ? 1 : 0;
    }
    assertTrue(positive > 800, "most communes reach a practitioner: " + positive);
  }

  @Test
  void theSummaryNamesWhatIsAssumedAndTheUnit() {
    Cli.Run run = compute("practitioners_fte.csv", "--profession", "nurse");
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        run.err()
            .contains("profession: nurse (Infirmiers (DREES structure, parameters partly assumed));"
                + " full-time equivalents per 100 000 standardised inhabitants"),
        run.err());
    assertTrue(run.err().contains("NOT the DREES figure: assumed decay, band_edges,"), run.err());
    assertTrue(run.out().startsWith("commune,apl,apl_moins65,"), "cap 65 by default");
  }

  @Test
  void optionsThatOverrideTheProfileAreNamed() {
    Cli.Run run = compute(
        "practitioners_fte.csv", "--profession", "nurse", "--decay", "30:1", "--rescale", "none");
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        run.err().contains("set by the options instead of the profile: decay, demand.rescaling"),
        run.err());
    assertTrue(run.err().contains("with bands 30:1"), run.err());
  }

  @Test
  void aProfessionCountedInFteNeedsTheFteColumn() {
    Cli.Run run = compute("doctors.csv", "--profession", "nurse");
    assertEquals(65, run.exit(), run.err());
    assertTrue(run.err().contains("doctors.csv:1:"), run.err());
    assertTrue(run.err().contains("fte"), run.err());
  }

  @Test
  void dentistsLeaveOutLiberalsFrom66(@TempDir Path tmp) throws IOException {
    Cli.Run all = compute("practitioners_fte.csv", "--profession", "nurse", "--age-caps", "66");
    Cli.Run dentist = compute("practitioners_fte.csv", "--profession", "dentist");
    assertEquals(0, all.exit(), all.err());
    assertEquals(0, dentist.exit(), dentist.err());
    // Without a liberal over 65, the dentists' figure is the nurses' capped at 66 unless a
    // salaried practitioner is 66 or more (then the dentists keep them).
    boolean oldSalaried = false;
    for (String line : Files.readAllLines(DIR.resolve("practitioners_fte.csv"))) {
      String[] f = line.split(",");
      oldSalaried |= f[4].equals("centre_sante") && Integer.parseInt(f[3]) >= 66;
    }
    Map<String, Map<String, Double>> capped = table(all.out());
    Map<String, Map<String, Double>> d = table(dentist.out());
    int differ = 0;
    for (String c : d.keySet()) {
      if (Math.abs(capped.get(c).get("apl_moins66") - d.get(c).get("apl")) > 1e-9) {
        differ++;
      }
    }
    assertEquals(oldSalaried, differ > 0, "differ in " + differ + " communes");
    Path noAge = tmp.resolve("no_age.csv");
    Files.writeString(noAge, "doctor_id,commune,fte\nD1,43157,1\n");
    Cli.Run refused = compute(noAge, DIR.resolve("population.csv"), "--profession", "dentist");
    assertEquals(65, refused.exit(), refused.err());
    assertTrue(refused.err().contains("age of practitioner D1 is unknown"), refused.err());
  }

  @Test
  void professionListsShowsAndPrintsJsonThatReadsBack(@TempDir Path tmp) throws IOException {
    Cli.Run list = Cli.run("profession");
    assertEquals(0, list.exit(), list.err());
    assertEquals(5, list.out().lines().count(), list.out());
    assertTrue(
        list.out()
            .contains("general-practitioner   Médecins généralistes (DREES APL);"
                + " every parameter sourced"),
        list.out());
    Cli.Run show = Cli.run("profession", "midwife");
    assertTrue(show.out().contains("ASSUMED"), show.out());
    assertTrue(show.out().contains("per 100 000 women aged 15-49"), show.out());
    Cli.Run json = Cli.run("profession", "nurse", "--json");
    assertEquals(0, json.exit(), json.err());
    Path mine = tmp.resolve("mine.json");
    Files.writeString(mine, json.out().replace("\"name\": \"nurse\"", "\"name\": \"my-nurse\""));
    Profession back = ProfessionProfiles.read(mine);
    Profession nurse = ProfessionProfiles.builtIn("nurse");
    assertEquals("my-nurse", back.name());
    assertEquals(nurse.supply(), back.supply());
    assertEquals(nurse.parameters(), back.parameters());
    Cli.Run checked = Cli.run("profession", mine.toString());
    assertEquals(0, checked.exit(), checked.err());
    Cli.Run used = compute("practitioners_fte.csv", "--profession", mine.toString());
    assertEquals(0, used.exit(), used.err());
    assertTrue(used.err().contains("profession: my-nurse"), used.err());
  }

  @Test
  void badProfilesAreDataErrorsWithTheirLineAndUnknownNamesUsageErrors(@TempDir Path tmp)
      throws IOException {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(
        bad, ProfessionProfiles.builtInText("nurse").replace("\"value\": 100000", "\"value\": -1"));
    Cli.Run run = compute("practitioners_fte.csv", "--profession", bad.toString());
    assertEquals(65, run.exit(), run.err());
    assertTrue(run.err().contains("bad.json:"), run.err());
    assertTrue(run.err().contains("output.scale must be a finite number > 0"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    Cli.Run checked = Cli.run("profession", bad.toString());
    assertEquals(65, checked.exit(), checked.err());
    Cli.Run unknown = compute("practitioners_fte.csv", "--profession", "vet");
    assertEquals(2, unknown.exit(), unknown.err());
    assertTrue(
        unknown.err().contains("--profession must be general-practitioner, nurse,"), unknown.err());
    Cli.Run folder = compute("practitioners_fte.csv", "--profession", tmp.toString());
    assertEquals(65, folder.exit(), folder.err());
    assertTrue(folder.err().contains("is a folder"), folder.err());
    Cli.Run json = Cli.run("profession", "--json");
    assertEquals(2, json.exit(), json.err());
  }

  @Test
  void validateReadsTheColumnOfTheProfession() {
    Cli.Run ok = Cli.run(
        "validate",
        "--doctors",
        DIR.resolve("practitioners_fte.csv").toString(),
        "--profession",
        "nurse");
    assertEquals(0, ok.exit(), ok.out() + ok.err());
    Cli.Run missing =
        Cli.run("validate", "--doctors", DIR.resolve("practitioners_fte.csv").toString());
    assertFalse(missing.exit() == 0, missing.out());
    assertTrue(missing.out().contains("acts"), missing.out());
  }

  /**
   * Midwives: the demand is the women aged 15-49 of the census-style file, counted once each,
   * not rescaled; the men's bands and the other ages change nothing.
   */
  @Test
  void midwivesCountWomenAged15To49(@TempDir Path tmp) throws IOException {
    List<String> lines = Files.readAllLines(DIR.resolve("population_sex_age.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    Map<String, Double> women = new TreeMap<>();
    StringBuilder changed = new StringBuilder(lines.get(0)).append('\n');
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double w = 0;
      for (String band : List.of("15_19", "20_24", "25_29", "30_34", "35_39", "40_44", "45_49")) {
        w += Double.parseDouble(f[header.indexOf("f_" + band)]);
      }
      women.put(f[0], w);
      // Everyone else doubled: men of every age, women under 15 and from 50.
      for (int c = 1; c < f.length; c++) {
        String col = header.get(c);
        boolean counted = col.startsWith("f_")
            && women.containsKey(f[0])
            && List.of("f_15_19", "f_20_24", "f_25_29", "f_30_34", "f_35_39", "f_40_44", "f_45_49")
                .contains(col);
        if (!counted && !col.startsWith("p_")) {
          f[c] = Double.toString(2 * Double.parseDouble(f[c]));
        }
      }
      changed.append(String.join(",", f)).append('\n');
    }
    Path fte = DIR.resolve("practitioners_fte.csv");
    Cli.Run run = compute(fte, DIR.resolve("population_sex_age.csv"), "--profession", "midwife");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().contains("per 100 000 women aged 15-49"), run.err());
    Map<String, Map<String, Double>> t = table(run.out());
    for (Map.Entry<String, Double> e : women.entrySet()) {
      assertEquals(e.getValue(), t.get(e.getKey()).get("population"), 1e-9, e.getKey());
    }
    Path other = tmp.resolve("others_doubled.csv");
    Files.writeString(other, changed.toString());
    Cli.Run same = compute(fte, other, "--profession", "midwife");
    assertEquals(0, same.exit(), same.err());
    Map<String, Map<String, Double>> u = table(same.out());
    for (String c : t.keySet()) {
      assertEquals(t.get(c).get("apl"), u.get(c).get("apl"), 1e-9 * t.get(c).get("apl"), c);
    }
    Cli.Run standardised = compute("practitioners_fte.csv", "--profession", "midwife");
    assertEquals(65, standardised.exit(), standardised.err());
    assertTrue(
        standardised
            .err()
            .contains("population.csv:1: error: the population is given"
                + " standardised, so it cannot be weighted by sex"),
        standardised.err());
  }

  /** Every built-in profile runs end to end on Haute-Loire and says what it assumes. */
  @Test
  void everyBuiltInRunsOnHauteLoire() {
    for (String name : ProfessionProfiles.builtInNames()) {
      Profession p = ProfessionProfiles.builtIn(name);
      String practitioners =
          p.activity() == fr.apl.supply.Activity.FTE ? "practitioners_fte.csv" : "doctors.csv";
      Cli.Run run = compute(
          DIR.resolve(practitioners), DIR.resolve("population_sex_age.csv"), "--profession", name);
      assertEquals(0, run.exit(), name + ": " + run.err());
      assertTrue(run.err().contains("profession: " + name + " ("), run.err());
      assertEquals(
          p.assumed().isEmpty(), run.err().contains("every parameter from its source"), name);
      assertEquals(1011, run.out().lines().count(), name);
    }
  }
}
