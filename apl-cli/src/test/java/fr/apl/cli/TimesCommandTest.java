package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.io.binary.MatrixFile;
import fr.apl.matrix.TravelTimeMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimesCommandTest {

  @TempDir
  Path dir;

  private static Path sample(String name) {
    return Cli.samples().resolve("haute-loire-43").resolve(name);
  }

  @Test
  void timesFromPointsThenComputeGivesAnAplForEveryCommune() throws IOException {
    Path times = dir.resolve("times.csv");
    Cli.Run t =
        Cli.run("times", "--points", sample("points.csv").toString(), "-o", times.toString());
    assertEquals(0, t.exit(), t.err());
    assertEquals("", t.out());
    assertTrue(t.err().startsWith("apl times: 1010 points, "), t.err());
    List<String> rows = Files.readAllLines(times, StandardCharsets.UTF_8);
    assertEquals("origin,destination,minutes", rows.get(0));
    assertEquals("07001,07001,0.0", rows.get(1));

    String[] rest = {
      "--population", sample("population.csv").toString(),
      "--supply", sample("supply.csv").toString()
    };
    Cli.Run c = Cli.run(concat(new String[] {"compute", "--times", times.toString()}, rest));
    assertEquals(0, c.exit(), c.err());
    List<String> apl = c.out().lines().toList();
    assertEquals(1011, apl.size(), "a header and the 1010 communes");
    for (String line : apl.subList(1, apl.size())) {
      double v = Double.parseDouble(line.split(",")[1]);
      assertTrue(v >= 0 && Double.isFinite(v), line);
    }
    // The same APL without the intermediate file, through the source seam.
    Cli.Run p = Cli.run(
        concat(new String[] {"compute", "--points", sample("points.csv").toString()}, rest));
    assertEquals(0, p.exit(), p.err());
    assertEquals(c.out(), p.out());
  }

  @Test
  void theThreeFormatsHoldTheSameTimesExactly() throws IOException {
    String pts = sample("points.csv").toString();
    Path csv = dir.resolve("t.csv");
    Path gz = dir.resolve("t.csv.gz");
    Path aplm = dir.resolve("t.aplm");
    for (Path out : List.of(csv, gz, aplm)) {
      Cli.Run r =
          Cli.run("times", "--points", pts, "--max-minutes", "15", "-q", "-o", out.toString());
      assertEquals(0, r.exit(), r.err());
      assertEquals("", r.err());
    }
    TravelTimeMatrix a = MatrixFile.readAny(csv, null);
    TravelTimeMatrix b = MatrixFile.readAny(gz, null);
    TravelTimeMatrix m = MatrixFile.read(aplm);
    assertArrayEquals(m.codes(), a.codes());
    assertArrayEquals(m.destinations(), a.destinations());
    // Bit for bit: the CSV writes the shortest decimal that reads back as the same double.
    assertArrayEquals(m.minutes(), a.minutes());
    assertArrayEquals(m.minutes(), b.minutes());
    // Lambert-93 columns of the same file, rounded to the metre: the same pairs but for a few
    // lying within a metre of the bound (2 of 24 162 here).
    Cli.Run l =
        Cli.run("times", "--points", pts, "--crs", "2154", "--max-minutes", "15", "-o", "-");
    assertEquals(0, l.exit(), l.err());
    long lines = Files.readAllLines(csv).size();
    assertTrue(Math.abs(l.out().lines().count() - lines) <= 10, l.out().lines().count() + "");
  }

  @Test
  void threadsDoNotChangeTheBytes() {
    String pts = sample("points.csv").toString();
    Cli.Run one = Cli.run("times", "--points", pts, "--threads", "1", "-q", "-o", "-");
    Cli.Run many = Cli.run("times", "--points", pts, "--threads", "7", "-q", "-o", "-");
    assertEquals(0, one.exit());
    assertEquals(one.out(), many.out());
  }

  @Test
  void calibrationPrintsTheFit() {
    Cli.Run r = Cli.run(
        "times",
        "--points",
        sample("points.csv").toString(),
        "--calibrate",
        sample("times.csv").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains(": 31793 pairs with points at both ends"), r.err());
    assertTrue(r.err().contains("  fitted: "), r.err());
    assertTrue(r.err().contains("    0.0-10.0 km: "), r.err());
  }

  @Test
  void usageErrorsExit2() {
    String pts = sample("points.csv").toString();
    String out = dir.resolve("x.csv").toString();
    Cli.Run road = Cli.run("times", "--points", pts, "--model", "road", "-o", out);
    assertEquals(2, road.exit());
    assertTrue(road.err().contains("--model must be crow-fly or roads, given: road"), road.err());
    Cli.Run detour = Cli.run("times", "--points", pts, "--detour", "0.5", "-o", out);
    assertEquals(2, detour.exit());
    assertTrue(detour.err().contains("--detour: detour must be in [1, 10], given: 0.5"));
    assertEquals(
        2, Cli.run("times", "--points", pts, "--crs", "3857", "-o", out).exit());
    assertEquals(2, Cli.run("times", "--points", pts).exit());
    assertEquals(
        2, Cli.run("times", "--points", pts, "-o", "-", "--max-minutes", "0").exit());
    assertEquals(
        2,
        Cli.run("times", "--points", pts, "-o", dir.resolve("m.aplm").toString(), "--model", "osm")
            .exit());
  }

  @Test
  void badPointsExit65WithFileLineAndValueAndLeaveNoFile() throws IOException {
    Path bad = Files.writeString(
        dir.resolve("p.csv"), "code,lat,lon\n43001,45.1,3.9\n43002,450,3.9\n43003,,\n");
    Path out = dir.resolve("t.csv");
    Cli.Run r = Cli.run("times", "--points", bad.toString(), "-o", out.toString());
    assertEquals(65, r.exit());
    assertTrue(
        r.err().contains(bad + ":3: latitude must be in [-90, 90] degrees, given: 450.0 (43002)"),
        r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(Files.exists(out));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count(), "only the points file: no partial output");
    }
    Cli.Run missing =
        Cli.run("times", "--points", dir.resolve("none.csv").toString(), "-o", out.toString());
    assertEquals(66, missing.exit());
  }

  @Test
  void aRowWithoutCoordinatesIsLeftOutWithAWarning() throws IOException {
    Path p = Files.writeString(
        dir.resolve("p.csv"), "code,lat,lon\n43001,45.1,3.9\n43002,45.11,3.9\n85165,,\n");
    Cli.Run r = Cli.run("times", "--points", p.toString(), "-o", "-");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err()
        .contains(
            "apl: warning: " + p + ":4: commune 85165 has no coordinates: left out of the times"));
    assertEquals(5, r.out().lines().count(), "header, 2 self pairs, 2 pairs");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
