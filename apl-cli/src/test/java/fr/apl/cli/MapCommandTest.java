package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apl map} end to end on the Haute-Loire sample, and its refusals. */
class MapCommandTest {

  private static final Path GEO = Cli.samples().resolve("geo");
  private static final Path DIR = Cli.samples().resolve("haute-loire-43");

  private static Path values(Path tmp) {
    Path out = tmp.resolve("apl.csv");
    Cli.Run run = Cli.run(
        "compute",
        "--times",
        DIR.resolve("times.csv").toString(),
        "--doctors",
        DIR.resolve("doctors.csv").toString(),
        "--population",
        DIR.resolve("population_sex_age.csv").toString(),
        "--scenarios",
        DIR.resolve("scenarios.csv").toString(),
        "-o",
        out.toString());
    assertEquals(0, run.exit(), run.err());
    return out;
  }

  private static Cli.Run map(Path values, Path out, String... extra) {
    String[] base = {
      "map",
      "--values",
      values.toString(),
      "--geometry",
      GEO.resolve("communes_cog2018_france.geojson.gz").toString(),
      "--cog-map",
      GEO.resolve("cog_anciens_codes.csv").toString(),
      "--departments",
      "43",
      "-o",
      out.toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Cli.run(args);
  }

  @Test
  void haute_loireInPngAndSvg(@TempDir Path tmp) throws IOException {
    Path v = values(tmp);
    Path png = tmp.resolve("map.png");
    Cli.Run run = map(v, png);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().contains("apl map: 257 communes drawn"), run.err());
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1600, img.getWidth());
    Path svg = tmp.resolve("map.svg");
    assertEquals(0, map(v, svg).exit());
    String text = Files.readString(svg);
    assertTrue(text.startsWith("<?xml"), text.substring(0, 40));
    assertEquals(257, text.split("data-code=").length - 1);
  }

  @Test
  void aDifferenceNeedsBreaksAndTextColumnsAreCategories(@TempDir Path tmp) throws IOException {
    Path v = values(tmp);
    String header = Files.readAllLines(v).get(0);
    String scenario = null;
    for (String c : header.split(",")) {
      if (c.startsWith("apl_") && !c.startsWith("apl_moins")) {
        scenario = c;
      }
    }
    Cli.Run refused = map(v, tmp.resolve("d.svg"), "--column", scenario, "--minus", "apl");
    assertEquals(2, refused.exit(), refused.err());
    assertTrue(refused.err().contains("--breaks"), refused.err());
    Cli.Run diff = map(
        v, tmp.resolve("d.svg"), "--column", scenario, "--minus", "apl", "--breaks", "-0.1,0.1");
    assertEquals(0, diff.exit(), diff.err());
    assertTrue(diff.err().contains("]-∞; -0.1["), diff.err());
    Path classes = tmp.resolve("classes.csv");
    Files.writeString(classes, "commune,class\n43157,zip\n43012,hors_zonage\n43244,vivier\n");
    Cli.Run cat = map(classes, tmp.resolve("c.svg"), "--column", "class");
    assertEquals(0, cat.exit(), cat.err());
    assertTrue(
        cat.err().indexOf("zip") < cat.err().indexOf("vivier")
            && cat.err().indexOf("vivier") < cat.err().indexOf("hors_zonage"),
        cat.err());
  }

  @Test
  void refusals(@TempDir Path tmp) throws IOException {
    Path v = values(tmp);
    assertEquals(2, map(v, tmp.resolve("m.pdf")).exit());
    Cli.Run missing = map(v, tmp.resolve("m.svg"), "--column", "nope");
    assertEquals(65, missing.exit(), missing.err());
    assertTrue(missing.err().contains("no column nope"), missing.err());
    assertFalse(Files.exists(tmp.resolve("m.svg")), "no partial output");
    Path exists = tmp.resolve("exists.svg");
    Files.writeString(exists, "keep");
    assertEquals(2, map(v, exists).exit());
    assertEquals("keep", Files.readString(exists));
    Cli.Run nowhere = Cli.run(
        "map",
        "--values",
        v.toString(),
        "--geometry",
        GEO.resolve("departements_france_simplified.geojson").toString(),
        "--departments",
        "99",
        "-o",
        tmp.resolve("m.svg").toString());
    assertEquals(2, nowhere.exit(), nowhere.err());
    assertTrue(nowhere.err().contains("no commune to draw"), nowhere.err());
    Cli.Run badWidth = map(v, tmp.resolve("m.png"), "--width", "10");
    assertEquals(2, badWidth.exit(), badWidth.err());
  }
}
