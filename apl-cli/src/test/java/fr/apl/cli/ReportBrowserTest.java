package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Haute-Loire report in a real headless browser (Chromium): it renders with the DREES class
 * colours, and opening it logs no console error, no uncaught exception and no failed load. The
 * error check is itself checked on pages that do log errors. Without Chromium on the PATH the
 * tests are skipped, unless APL_REQUIRE_TOOLS=1 (CI installs it): then they fail.
 */
class ReportBrowserTest {

  @TempDir
  static Path dir;

  static Path chromium;
  static Path report;

  @BeforeAll
  static void reportOfHauteLoire() {
    chromium = Chromium.find();
    if (chromium == null) {
      String why = "chromium is not on the PATH";
      if ("1".equals(System.getenv("APL_REQUIRE_TOOLS"))) {
        throw new AssertionError(why + " and APL_REQUIRE_TOOLS=1");
      }
      Assumptions.assumeTrue(false, why + ": browser tests skipped");
    }
    Path values = ReportCommandTest.hauteLoire(dir);
    report = dir.resolve("report.html");
    Cli.Run run = Cli.run(
        "report",
        "--values",
        values.toString(),
        "--geometry",
        ReportCommandTest.geometry().toString(),
        "--cog-map",
        ReportCommandTest.cogMap().toString(),
        "--departments",
        "43",
        "--estimates",
        "-q",
        "-o",
        report.toString());
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void rendersTheMapInTheDreesColours() throws IOException, InterruptedException {
    Path png = dir.resolve("report.png");
    String log = Chromium.screenshot(chromium, report, png, 1280, 2000, dir.resolve("shot"));
    assertTrue(Files.isRegularFile(png), "no screenshot: " + log);
    BufferedImage img = ImageIO.read(png.toFile());
    assertNotNull(img, "not a PNG: " + png);
    assertEquals(1280, img.getWidth());
    assertEquals(2000, img.getHeight());
    // The DREES classes' colours (MapClasses: OrRd #990000, #fc8d59, #fef0d9) fill the map.
    int[] colours = {0x990000, 0xfc8d59, 0xfef0d9};
    int[] found = new int[colours.length];
    Set<Integer> distinct = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        distinct.add(rgb);
        for (int k = 0; k < colours.length; k++) {
          if (close(rgb, colours[k])) {
            found[k]++;
          }
        }
      }
    }
    for (int k = 0; k < colours.length; k++) {
      assertTrue(
          found[k] > 2000,
          String.format(
              java.util.Locale.ROOT, "colour #%06x in %d pixels only", colours[k], found[k]));
    }
    assertTrue(distinct.size() > 100, "a blank page: " + distinct.size() + " colours");
  }

  private static boolean close(int a, int b) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 2) {
        return false;
      }
    }
    return true;
  }

  @Test
  void opensWithoutConsoleErrors() throws IOException, InterruptedException {
    List<String> errors = Chromium.consoleErrors(chromium, report, dir.resolve("console"));
    assertEquals(List.of(), errors);
  }

  /** The check finds what it must: a console.error, an uncaught exception, a missing image. */
  @Test
  void theConsoleCheckSeesErrors() throws IOException, InterruptedException {
    Path page = Files.writeString(
        dir.resolve("broken.html"),
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>"
            + "<p>hello</p><script>console.log('a plain log line'); console.error('deliberate');</script>"
            + "<img src=\"missing.png\" alt=\"\"><script>undefinedFunction();</script>"
            + "</body></html>",
        StandardCharsets.UTF_8);
    List<String> errors = Chromium.consoleErrors(chromium, page, dir.resolve("canary"));
    String all = String.join("\n", errors);
    assertTrue(all.contains("console.error: deliberate"), all);
    assertTrue(all.contains("undefinedFunction"), all);
    assertTrue(all.contains("missing.png"), all);
    assertFalse(all.contains("a plain log line"), "console.log is no error: " + all);
  }
}
