package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.routing.CrowFly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apl times and apl compute on a generated OpenStreetMap extract: a 4 x 4 grid of single
 * carriageways 1 km apart (65 km/h), a commune at each crossing.
 */
class RoadTimesCliTest {

  @TempDir
  Path dir;

  Path osm;
  Path points;

  static final double DLAT = 0.009;
  static final double DLON = 0.0127;

  @BeforeEach
  void write() throws IOException {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n");
    StringBuilder p = new StringBuilder("commune,lat,lon\n");
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        double lat = 45 + r * DLAT;
        double lon = 3.8 + c * DLON;
        x.append(String.format(
            Locale.ROOT, "<node id=\"%d\" lat=\"%.7f\" lon=\"%.7f\"/>%n", id(r, c), lat, lon));
        p.append(String.format(Locale.ROOT, "%s,%.7f,%.7f%n", code(r, c), lat, lon));
      }
    }
    long way = 1;
    for (int k = 0; k < 4; k++) {
      x.append("<way id=\"").append(way++).append("\">");
      for (int c = 0; c < 4; c++) {
        x.append("<nd ref=\"").append(id(k, c)).append("\"/>");
      }
      x.append("<tag k=\"highway\" v=\"secondary\"/></way>\n");
      x.append("<way id=\"").append(way++).append("\">");
      for (int r = 0; r < 4; r++) {
        x.append("<nd ref=\"").append(id(r, k)).append("\"/>");
      }
      x.append("<tag k=\"highway\" v=\"tertiary\"/></way>\n");
    }
    x.append("</osm>\n");
    osm = Files.writeString(dir.resolve("grid.osm"), x.toString());
    points = Files.writeString(dir.resolve("points.csv"), p.toString());
  }

  /** Runs {@code apl times --points POINTS --osm OSM} with more arguments. */
  private Cli.Run times(String... more) {
    String[] args = new String[5 + more.length];
    args[0] = "times";
    args[1] = "--points";
    args[2] = points.toString();
    args[3] = "--osm";
    args[4] = osm.toString();
    System.arraycopy(more, 0, args, 5, more.length);
    return Cli.run(args);
  }

  static long id(int r, int c) {
    return 1 + r * 4L + c;
  }

  static String code(int r, int c) {
    return String.format(Locale.ROOT, "430%02d", 1 + r * 4 + c);
  }

  @Test
  void timesByRoadAreWrittenWithTheirSummary() throws IOException {
    Path out = dir.resolve("times.csv");
    Cli.Run r = times("-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().contains("16 routed"), r.err());
    assertTrue(r.err().contains("by road -> " + out), r.err());
    List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals("origin,destination,minutes", rows.get(0));
    assertEquals("43001,43001,0.0", rows.get(1));
    // Every commune reaches every other within 30 minutes: 16 x 16 pairs.
    assertEquals(1 + 16 * 16, rows.size());
    // The next crossing east: 1 km of secondary at 65 km/h, about 0.92 minutes.
    double t = Double.parseDouble(rows.get(2).split(",")[2]);
    assertEquals("43001,43002", rows.get(2).substring(0, 11));
    assertEquals(60 * CrowFly.distanceKm(45, 3.8, 45, 3.8 + DLON) / 65, t, 1e-3);
  }

  @Test
  void calibrateComparesTheRoadTimesWithAGivenTable() {
    Path crow = dir.resolve("crow.csv");
    Cli.Run c = Cli.run("times", "--points", points.toString(), "-q", "-o", crow.toString());
    assertEquals(0, c.exit(), c.err());
    Cli.Run r = times("--calibrate", crow.toString());
    assertEquals(0, r.exit(), r.err());
    // 16 x 15 pairs; on a grid the road goes round the corners, the crow flies across.
    assertTrue(
        r.err().contains(": 240 pairs in both (self pairs left out); road minus given:"), r.err());
    Path other = dir.resolve("other.csv");
    Cli.Run o = Cli.run(
        "times",
        "--points",
        points.toString(),
        "--osm",
        osm.toString(),
        "--calibrate",
        writeOther(other).toString());
    assertEquals(ExitCodes.DATA, o.exit(), o.err());
    assertTrue(o.err().contains("has no pair in common with the road times"), o.err());
  }

  private static Path writeOther(Path p) {
    try {
      return Files.writeString(p, "origin,destination,minutes\n99001,99002,5\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theGraphIsBuiltOnceThenLoaded() {
    Path graph = dir.resolve("graph");
    Cli.Run a = times("--graph", graph.toString(), "-o", dir.resolve("a.csv").toString());
    assertEquals(0, a.exit(), a.err());
    assertTrue(a.err().contains("built into " + graph), a.err());
    Cli.Run b = times("--graph", graph.toString(), "-o", dir.resolve("b.csv").toString());
    assertEquals(0, b.exit(), b.err());
    assertTrue(b.err().contains("loaded from " + graph), b.err());
  }

  @Test
  void aPointOffTheRoadsIsNamedAndItsSnapWritten() throws IOException {
    Files.writeString(points, "43099,45.05,3.9\n", java.nio.file.StandardOpenOption.APPEND);
    Path snaps = dir.resolve("snaps.csv");
    Cli.Run r = times("--snaps", snaps.toString(), "-o", dir.resolve("t.csv").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.err().contains(points + ": warning: point 43099 (45.05000, 3.90000) is "), r.err());
    assertTrue(r.err().contains("16 routed"), r.err());
    List<String> s = Files.readAllLines(snaps, StandardCharsets.UTF_8);
    assertEquals("point,role,lat,lon,snap_metres,routed", s.get(0));
    assertTrue(s.get(1).startsWith("43001,point,45.0,3.8,0.0,yes"), s.get(1));
    assertTrue(s.get(17).startsWith("43099,point,45.05,3.9,"), s.get(17));
    assertTrue(s.get(17).endsWith(",no"), s.get(17));
  }

  @Test
  void computeByRoadGivesAnAplForEveryCommune() throws IOException {
    StringBuilder pop = new StringBuilder("commune,population\n");
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        pop.append(code(r, c)).append(",1000\n");
      }
    }
    Path population = Files.writeString(dir.resolve("population.csv"), pop.toString());
    Path supply = Files.writeString(
        dir.resolve("supply.csv"),
        "commune,consultations,consultations_moins65\n43001,20000,0\n43016,10000,0\n");
    Cli.Run r = Cli.run(
        "compute",
        "--points",
        points.toString(),
        "--osm",
        osm.toString(),
        "--population",
        population.toString(),
        "--supply",
        supply.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> apl = r.out().lines().toList();
    assertEquals(17, apl.size(), r.out());
    // Everyone reaches both practices within the first bands: conservation of 30 000
    // consultations over 16 000 residents.
    double sum = 0;
    for (String line : apl.subList(1, apl.size())) {
      double v = Double.parseDouble(line.split(",")[1]);
      assertTrue(v > 0 && Double.isFinite(v), line);
      sum += v * 1000;
    }
    assertEquals(30000, sum, 1e-6 * 30000);
    // The same from a times file written by apl times --osm.
    Path times = dir.resolve("times.csv");
    assertEquals(0, times("-q", "-o", times.toString()).exit());
    Cli.Run t = Cli.run(
        "compute",
        "--times",
        times.toString(),
        "--population",
        population.toString(),
        "--supply",
        supply.toString());
    assertEquals(0, t.exit(), t.err());
    assertEquals(t.out(), r.out());
  }

  @Test
  void badExtractsAndContradictionsGetTheirExitCodes() throws IOException {
    Path out = dir.resolve("t.csv");
    Path bad = Files.writeString(dir.resolve("bad.osm"), "<osm><way id=");
    Cli.Run r = Cli.run(
        "times", "--points", points.toString(), "--osm", bad.toString(), "-o", out.toString());
    assertEquals(ExitCodes.DATA, r.exit(), r.err());
    assertTrue(r.err().contains(bad + ": cannot be read as OpenStreetMap"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertFalse(Files.exists(out));

    r = Cli.run(
        "times",
        "--points",
        points.toString(),
        "--osm",
        dir.resolve("none.osm.pbf").toString(),
        "-o",
        out.toString());
    assertEquals(ExitCodes.NO_INPUT, r.exit(), r.err());

    r = times("--detour", "1.2", "-o", out.toString());
    assertEquals(ExitCodes.USAGE, r.exit(), r.err());
    assertTrue(r.err().contains("--detour sets the crow-fly model"), r.err());

    r = times("--snaps", "-", "-o", "-");
    assertEquals(ExitCodes.USAGE, r.exit(), r.err());
    assertTrue(r.err().contains("--snaps and --output name the same file"), r.err());

    r = Cli.run("times", "--points", points.toString(), "--model", "roads", "-o", out.toString());
    assertEquals(ExitCodes.USAGE, r.exit(), r.err());

    r = Cli.run(
        "times", "--points", points.toString(), "--graph", dir.toString(), "-o", out.toString());
    assertEquals(ExitCodes.USAGE, r.exit(), r.err());
    assertTrue(r.err().contains("--graph needs --osm"), r.err());

    Path mine = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(mine.resolve("keep.txt"), "mine");
    r = times("--graph", mine.toString(), "-o", out.toString());
    assertEquals(ExitCodes.DATA, r.exit(), r.err());
    assertTrue(r.err().contains("is not empty and holds no graph"), r.err());
    assertEquals("mine", Files.readString(mine.resolve("keep.txt")));
    assertFalse(Files.exists(out));

    r = Cli.run(
        "compute",
        "--times",
        points.toString(),
        "--osm",
        osm.toString(),
        "--population",
        points.toString(),
        "--supply",
        points.toString());
    assertEquals(ExitCodes.USAGE, r.exit(), r.err());
    assertTrue(r.err().contains("--osm needs --points"), r.err());
  }
}
