package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apl zoning on a hand-made world of five territories in two regions. */
class ZoningCommandTest {

  @TempDir
  Path dir;

  /**
   * T1 = 01001 (APL 2, pop 100) + 01002 (3, 300): (200 + 900) / 400 = 2.75, vivier.
   * T2 = 01003 (5, 100): 5, hors_zonage. T3 = 01004 (pop 0): no population, not classified.
   * T4 = 02001 (4, 200) + 02002 (4.5, 200): 1700 / 400 = 4.25, hors_zonage.
   * T5 = 75056, given as the arrondissement 75101 (2.5, 50): 2.5, zip (APL <= 2.5).
   * 99999 has no territory.
   */
  private static final String APL = "commune,apl,population\n01001,2.0,100\n01002,3.0,300\n"
      + "01003,5.0,100\n01004,1.0,0\n02001,4.0,200\n02002,4.5,200\n75101,2.5,50\n99999,3.0,10\n";

  private static final String TERRITORIES = "commune,territory,region,department\n"
      + "01001,T1,R1,01\n01002,T1,R1,01\n01003,T2,R1,01\n01004,T3,R1,01\n02001,T4,R2,02\n"
      + "02002,T4,R2,02\n75056,T5,R2,75\n";

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private String[] args(String... more) throws IOException {
    Path apl = write("apl.csv", APL);
    Path territories = Files.exists(dir.resolve("territories.csv"))
        ? dir.resolve("territories.csv")
        : write("territories.csv", TERRITORIES);
    String[] base = {"zoning", "--apl", apl.toString(), "--territories", territories.toString()};
    return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
  }

  @Test
  void nationalRuleTerritoryTable() throws IOException {
    Path out = dir.resolve("zoning.csv");
    Cli.Run run = Cli.run(
        args("--output", out.toString(), "--figures", dir.resolve("f.csv").toString()));
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        "territory,population,apl,class,forced_class,final_class,region,communes\n"
            + "T1,400.0,2.75,vivier,,vivier,R1,2\n"
            + "T2,100.0,5.0,hors_zonage,,hors_zonage,R1,1\n"
            + "T3,0.0,,,,,R1,1\n"
            + "T4,400.0,4.25,hors_zonage,,hors_zonage,R2,2\n"
            + "T5,50.0,2.5,zip,,zip,R2,1\n",
        Files.readString(out));
    assertTrue(run.err().contains("1 communes with an APL but no territory"), run.err());
    assertTrue(run.err().contains(": 99999"), run.err());
    assertTrue(
        run.err().contains("1 territories with no population (not classified): T3"), run.err());
    assertTrue(
        run.err().contains("1 arrondissements took the territory of their municipality"),
        run.err());
  }

  @Test
  void lowerInclusiveMovesTheEdgeTerritory() throws IOException {
    // T5 sits exactly on 2.5: APL < 2.5 is zip, so T5 becomes vivier.
    Cli.Run run = Cli.run(args("--output", "-", "--inclusive", "lower"));
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("T5,50.0,2.5,vivier,,vivier,R2,1\n"), run.out());
  }

  @Test
  void sameInputsSameBytesAndCheckPasses() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Files.createDirectories(a);
    Files.createDirectories(b);
    for (Path d : new Path[] {a, b}) {
      Cli.Run run = Cli.run(args(
          "--output",
          d.resolve("t.csv").toString(),
          "--communes",
          d.resolve("c.csv").toString(),
          "--json",
          d.resolve("z.json").toString(),
          "--figures",
          d.resolve("f.csv").toString()));
      assertEquals(0, run.exit(), run.err());
    }
    for (String f : new String[] {"t.csv", "c.csv", "z.json", "f.csv"}) {
      assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
    }
    // The check file may be the output itself: it is read before being replaced.
    Cli.Run check = Cli.run(args(
        "--output",
        a.resolve("t.csv").toString(),
        "--figures",
        dir.resolve("f.csv").toString(),
        "--check",
        a.resolve("t.csv").toString(),
        "--force"));
    // Without --force the checked file itself may be replaced (the CI use), not another one.
    Cli.Run again = Cli.run(args(
        "--output",
        a.resolve("t.csv").toString(),
        "--figures",
        "-",
        "--check",
        a.resolve("t.csv").toString()));
    assertEquals(0, again.exit(), again.err());
    Cli.Run other = Cli.run(args(
        "--output",
        a.resolve("c.csv").toString(),
        "--figures",
        "-",
        "--check",
        a.resolve("t.csv").toString()));
    assertEquals(2, other.exit(), other.err());
    assertEquals(0, check.exit(), check.err());
    assertTrue(check.err().contains("0 territories changed class"), check.err());
    assertEquals(Files.readString(b.resolve("t.csv")), Files.readString(a.resolve("t.csv")));
    assertTrue(
        Files.readString(a.resolve("c.csv"))
            .startsWith("commune,territory,apl,class\n01001,T1,2.0,vivier\n"),
        Files.readString(a.resolve("c.csv")));
    assertTrue(
        Files.readString(a.resolve("z.json"))
            .contains(
                "{\"territory\": \"T5\", \"population\": 50.0, \"apl\": 2.5, \"class\": \"zip\","
                    + " \"forced_class\": null, \"final_class\": \"zip\", \"region\": \"R2\","
                    + " \"communes\": 1}"),
        Files.readString(a.resolve("z.json")));
  }

  @Test
  void checkReportsChangesAndExits3() throws IOException {
    Path previous = dir.resolve("previous.csv");
    assertEquals(
        0, Cli.run(args("--output", previous.toString(), "--figures", "-")).exit());
    // 01002 falls to APL 1: T1 = (2·100 + 1·300) / 400 = 1.25, zip.
    Files.writeString(dir.resolve("apl.csv"), APL.replace("01002,3.0,300", "01002,1.0,300"));
    Path apl = dir.resolve("apl.csv");
    Cli.Run run = Cli.run(
        "zoning",
        "--apl",
        apl.toString(),
        "--territories",
        dir.resolve("territories.csv").toString(),
        "--output",
        dir.resolve("now.csv").toString(),
        "--figures",
        "-",
        "--check",
        previous.toString());
    assertEquals(3, run.exit(), run.err());
    assertTrue(run.err().contains("changed T1: vivier -> zip (APL 2.750 -> 1.250)"), run.err());
    assertTrue(run.err().contains("1 territories changed class"), run.err());
  }

  @Test
  void forcedClassesAreKeptApart() throws IOException {
    // T2 is hors_zonage by the rule, forced to zip; the class is written as the rule spells it.
    Path forced = write("forced.csv", "territory,class\nT2,ZIP\nT9,zip\n");
    Cli.Run run = Cli.run(args("--output", "-", "--forced", forced.toString()));
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("T2,100.0,5.0,hors_zonage,zip,zip,R1,1\n"), run.out());
    assertTrue(run.err().contains("forced territories that no commune belongs to: T9"), run.err());
  }

  @Test
  void forcedClassOutsideTheRuleIsBadData() throws IOException {
    Path out = dir.resolve("zoning.csv");
    Path forced = write("forced.csv", "territory,class\nT1,zip\nT2,nonsense\n");
    Cli.Run run = Cli.run(args("--output", out.toString(), "--forced", forced.toString()));
    assertEquals(65, run.exit(), run.err());
    assertEquals("", run.out());
    assertTrue(
        run.err()
            .contains(forced + ":3: class of territory T2 must be one of the rule's classes"
                + " zip, vivier, hors_zonage, given: 'nonsense'"),
        run.err());
    assertFalse(Files.exists(out));
    // zac is a class of the regional ceilings only: refused under the national thresholds...
    Path zac = write("zac.csv", "territory,class\nT2,zac\n");
    Cli.Run national = Cli.run(args("--output", out.toString(), "--forced", zac.toString()));
    assertEquals(65, national.exit(), national.err());
    assertTrue(national.err().contains(zac + ":2: "), national.err());
    assertFalse(Files.exists(out));
    // ...taken under them.
    Path ceilings = write("ceilings.csv", "region,zip_share,zac_share\nR1,0.5,0.5\nR2,0.2,0.5\n");
    Cli.Run regional = Cli.run(args(
        "--output",
        "-",
        "--rule",
        "ceilings",
        "--ceilings",
        ceilings.toString(),
        "--forced",
        zac.toString()));
    assertEquals(0, regional.exit(), regional.err());
    assertTrue(regional.out().contains("T2,100.0,5.0,hors_zonage,zac,zac,R1,1\n"), regional.out());
    // The quantile rule names its five classes in the message.
    Cli.Run quantiles = Cli.run(
        args("--output", out.toString(), "--rule", "quantiles", "--forced", zac.toString()));
    assertEquals(65, quantiles.exit(), quantiles.err());
    assertTrue(
        quantiles
            .err()
            .contains("tres_sous_dotee, sous_dotee, intermediaire, tres_dotee,"
                + " sur_dotee, given: 'zac'"),
        quantiles.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void forcedTableWithoutItsHeaderIsBadData() throws IOException {
    Path out = dir.resolve("zoning.csv");
    Path forced = write("forced.csv", "foo,bar\nT2,zip\n");
    Cli.Run run = Cli.run(args("--output", out.toString(), "--forced", forced.toString()));
    assertEquals(65, run.exit(), run.err());
    assertTrue(
        run.err()
            .contains(forced + ":1: no territory column: expected one of territory;"
                + " header is: foo,bar"),
        run.err());
    assertFalse(Files.exists(out));
    // A headless table: its first decision taken as the header, refused the same way.
    Path headless = write("headless.csv", "T2,zip\nT1,vivier\n");
    Cli.Run h = Cli.run(args("--output", out.toString(), "--forced", headless.toString()));
    assertEquals(65, h.exit(), h.err());
    assertTrue(h.err().contains(headless + ":1: no territory column"), h.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void regionalCeilings() throws IOException {
    // R1 classified: T1 (2.75, 400), T2 (5, 100); total 500. Ceilings 50 % / 50 % = 250 each.
    // T1 (400) fits neither zip nor zac: excluded, so everything is hors_zonage. With
    // --crossing include, T1 (0 < 250) enters zip, then T2 (100 <= 250) zac.
    // R2: T5 (2.5, 50), T4 (4.25, 400); total 450; zip 20 % = 90: T5 zip; zac 50 % = 225: T4 out.
    Path ceilings = write("ceilings.csv", "region,zip_share,zac_share\nR1,50 %,50 %\nR2,0.2,0.5\n");
    Cli.Run ex =
        Cli.run(args("--output", "-", "--rule", "ceilings", "--ceilings", ceilings.toString()));
    assertEquals(0, ex.exit(), ex.err());
    assertTrue(ex.out().contains("T1,400.0,2.75,hors_zonage,"), ex.out());
    assertTrue(ex.out().contains("T5,50.0,2.5,zip,"), ex.out());
    assertTrue(ex.out().contains("T4,400.0,4.25,hors_zonage,"), ex.out());
    Cli.Run in = Cli.run(args(
        "--output",
        "-",
        "--rule",
        "ceilings",
        "--ceilings",
        ceilings.toString(),
        "--crossing",
        "include"));
    assertTrue(in.out().contains("T1,400.0,2.75,zip,"), in.out());
    assertTrue(in.out().contains("T2,100.0,5.0,zac,"), in.out());
  }

  @Test
  void badCeilingsAndMissingRegions() throws IOException {
    Path bad = write("ceilings.csv", "region,zip_share,zac_share\nR1,1.5,0\n");
    Cli.Run run =
        Cli.run(args("--output", "-", "--rule", "ceilings", "--ceilings", bad.toString()));
    assertEquals(65, run.exit());
    assertTrue(
        run.err()
            .contains(bad + ":2: share must be a fraction in [0, 1] or a percentage"
                + " such as 20.3 %, given: '1.5'"),
        run.err());
    Path partial = write("partial.csv", "region,zip_share,zac_share\nR1,0.3,0.4\n");
    Cli.Run missing =
        Cli.run(args("--output", "-", "--rule", "ceilings", "--ceilings", partial.toString()));
    assertEquals(65, missing.exit());
    assertTrue(missing.err().contains("no ceilings for region(s) R2"), missing.err());
    write("territories.csv", "commune,territory\n01001,T1\n");
    Cli.Run noRegion =
        Cli.run(args("--output", "-", "--rule", "ceilings", "--ceilings", partial.toString()));
    assertEquals(2, noRegion.exit());
    assertTrue(noRegion.err().contains("has no region column"), noRegion.err());
  }

  @Test
  void figuresByArea() throws IOException {
    Cli.Run run = Cli.run(args("--output", dir.resolve("t.csv").toString()));
    assertEquals(0, run.exit(), run.err());
    String[] lines = run.out().split("\n");
    assertTrue(lines[0].startsWith("level,code,communes,population,apl_mean,apl_d1,"), lines[0]);
    // France: 8 communes, population 960; below 2.5: 01001 (100) and 01004 (0) -> 100, share
    // 100 / 960. Mean (200 + 900 + 500 + 0 + 800 + 900 + 125 + 30) / 960 = 3455 / 960.
    String[] fr = lines[1].split(",", -1);
    assertEquals("france", fr[0]);
    assertEquals("FR", fr[1]);
    assertEquals("8", fr[2]);
    assertEquals("960.0", fr[3]);
    assertEquals(3455.0 / 960, Double.parseDouble(fr[4]), 1e-15);
    String header = lines[0];
    int below25 = java.util.Arrays.asList(header.split(",")).indexOf("apl_population_below_2.5");
    assertEquals("100.0", fr[below25]);
    assertTrue(run.out().contains("\nregion,R1,4,500.0,"), run.out());
    assertTrue(run.out().contains("\ndepartment,75,1,50.0,2.5,"), run.out());
    // 99999 has no territory table row: its department is read from its code.
    assertTrue(run.out().contains("\ndepartment,99,1,10.0,3.0,"), run.out());
  }

  @Test
  void usageAndDataErrors() throws IOException {
    assertEquals(2, Cli.run(args("--output", "-", "--rule", "magic")).exit());
    assertEquals(
        2,
        Cli.run(args("--output", "-", "--rule", "quantiles", "--shares", "10,20,30"))
            .exit());
    assertEquals(
        2,
        Cli.run(args("--output", "-", "--rule", "quantiles", "--shares", "10,20,30,20,10"))
            .exit());
    Cli.Run same = Cli.run(args("--output", dir.resolve("apl.csv").toString()));
    assertEquals(2, same.exit());
    assertTrue(same.err().contains("is also an input file"), same.err());
    assertEquals(APL, Files.readString(dir.resolve("apl.csv")));
    Cli.Run weight = Cli.run(args("--output", "-", "--weight", "residents"));
    assertEquals(65, weight.exit());
    assertTrue(weight.err().contains("no residents column"), weight.err());
  }

  @Test
  void aProfessionGivesItsZoningClasses() throws IOException {
    Cli.Run plain = Cli.run(args("--output", "-"));
    Cli.Run gp = Cli.run(args("--output", "-", "--profession", "general-practitioner"));
    assertEquals(0, gp.exit(), gp.err());
    assertEquals(plain.out(), gp.out());
    Cli.Run nurse = Cli.run(args("--output", "-", "--profession", "nurse"));
    Cli.Run quantiles = Cli.run(args("--output", "-", "--rule", "quantiles"));
    assertEquals(0, nurse.exit(), nurse.err());
    assertEquals(quantiles.out(), nurse.out());
    assertTrue(nurse.out().contains("tres_sous_dotee"), nurse.out());
    // The command line wins over the profile.
    Cli.Run shares =
        Cli.run(args("--output", "-", "--profession", "nurse", "--shares", "20,20,20,20,20"));
    Cli.Run sharesOnly =
        Cli.run(args("--output", "-", "--rule", "quantiles", "--shares", "20,20,20,20,20"));
    assertEquals(sharesOnly.out(), shares.out());
    Cli.Run national =
        Cli.run(args("--output", "-", "--profession", "nurse", "--rule", "national"));
    assertEquals(plain.out(), national.out());
    Cli.Run unknown = Cli.run(args("--output", "-", "--profession", "vet"));
    assertEquals(2, unknown.exit(), unknown.err());
  }
}
