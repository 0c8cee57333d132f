package fr.apl.roads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.io.csv.InputException;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.problem.Problems;
import fr.apl.routing.Points;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph folder: built once, loaded after, never overwritten; bad extracts refused. */
class RoadNetworkTest {

  @TempDir
  Path dir;

  private static final RoadNetwork.Settings SMALL = new RoadNetwork.Settings(0, false);

  static Osm line(double lon2) {
    Osm o = new Osm().node(1, 45, 3).node(2, 45, 3.01).node(3, 45, lon2);
    o.way(new long[] {1, 2, 3}, "highway", "secondary");
    return o;
  }

  static Points ends(double lon2) {
    return Points.of(new String[] {"A", "B"}, new double[] {45, 45}, new double[] {3, lon2});
  }

  static TravelTimeMatrix times(RoadNetwork n, Points p) {
    return RoadTimes.builder(n, p).build().compute(1, new Problems()).matrix();
  }

  @Test
  void aGraphIsBuiltOnceThenLoaded() throws IOException {
    Path osm = line(3.02).write(dir.resolve("a.osm"));
    Path graph = dir.resolve("graph");
    TravelTimeMatrix first;
    try (RoadNetwork n = RoadNetwork.open(osm, graph, SMALL, 1)) {
      assertTrue(n.built());
      assertEquals(1, n.edges());
      first = times(n, ends(3.02));
    }
    assertTrue(Files.exists(graph.resolve(RoadNetwork.STAMP)));
    try (RoadNetwork n = RoadNetwork.open(osm, graph, SMALL, 1)) {
      assertFalse(n.built());
      TravelTimeMatrix again = times(n, ends(3.02));
      assertArrayEquals(first.minutes(), again.minutes());
      assertArrayEquals(first.destinations(), again.destinations());
    }
    // 1.57 km of single carriageway at 65 km/h.
    assertEquals(60 * Osm.metres(45, 3, 45, 3.02) / 1000 / 65, first.minutes()[1], 1e-3);
  }

  @Test
  void aFolderBuiltFromAnotherExtractIsRefusedAndKept() throws IOException {
    Path a = line(3.02).write(dir.resolve("a.osm"));
    Path b = line(3.03).write(dir.resolve("b.osm"));
    Path graph = dir.resolve("graph");
    RoadNetwork.open(a, graph, SMALL, 1).close();
    String stamp = Files.readString(graph.resolve(RoadNetwork.STAMP));
    InputException e =
        assertThrows(InputException.class, () -> RoadNetwork.open(b, graph, SMALL, 1));
    assertTrue(e.getMessage().contains("holds the graph of " + a.toAbsolutePath()), e.getMessage());
    assertEquals(stamp, Files.readString(graph.resolve(RoadNetwork.STAMP)));
    // Other settings on the same extract: refused too.
    assertThrows(
        InputException.class,
        () -> RoadNetwork.open(a, graph, new RoadNetwork.Settings(5, false), 1));
  }

  @Test
  void aFolderThatIsNotAGraphIsNeverTouched() throws IOException {
    Path osm = line(3.02).write(dir.resolve("a.osm"));
    Path mine = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(mine.resolve("notes.txt"), "precious");
    InputException e =
        assertThrows(InputException.class, () -> RoadNetwork.open(osm, mine, SMALL, 1));
    assertTrue(e.getMessage().contains("is not empty and holds no graph"), e.getMessage());
    assertEquals("precious", Files.readString(mine.resolve("notes.txt")));
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThrows(InputException.class, () -> RoadNetwork.open(osm, file, SMALL, 1));
    assertEquals("x", Files.readString(file));
  }

  @Test
  void aDamagedExtractIsRefusedAndLeavesNoFolder() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.osm"), "<osm><node id=\"1\" lat=\"x");
    Path graph = dir.resolve("graph");
    InputException e =
        assertThrows(InputException.class, () -> RoadNetwork.open(bad, graph, SMALL, 1));
    assertTrue(
        e.getMessage().startsWith(bad + ": cannot be read as OpenStreetMap"), e.getMessage());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(1, left.count(), "only bad.osm is left");
    }
  }

  @Test
  void anExtractWithoutCarRoadsIsRefused() throws IOException {
    Osm o = new Osm().node(1, 45, 3).node(2, 45, 3.01);
    o.way(new long[] {1, 2}, "highway", "footway");
    Path osm = o.write(dir.resolve("paths.osm"));
    InputException e =
        assertThrows(InputException.class, () -> RoadNetwork.open(osm, null, SMALL, 1));
    assertTrue(e.getMessage().endsWith("has no road open to cars"), e.getMessage());
  }

  @Test
  void whatIsNotAnExtractIsRefusedByName() throws IOException {
    assertThrows(
        NoSuchFileException.class,
        () -> RoadNetwork.open(dir.resolve("none.osm.pbf"), null, SMALL, 1));
    Path folder = Files.createDirectories(dir.resolve("folder.osm"));
    InputException e =
        assertThrows(InputException.class, () -> RoadNetwork.open(folder, null, SMALL, 1));
    assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
    Path csv = Files.writeString(dir.resolve("roads.csv"), "a,b\n");
    e = assertThrows(InputException.class, () -> RoadNetwork.open(csv, null, SMALL, 1));
    assertTrue(e.getMessage().contains("give a .osm.pbf"), e.getMessage());
  }

  @Test
  void denseStreetsAreSlowerThanTheSameStreetInTheCountry() throws IOException {
    // A 41 x 41 grid of residential streets 50 m apart (a town centre), and the same street
    // alone in the country; with the urban density on, the town's street is slower.
    Osm o = new Osm();
    int n = 41;
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        o.node(10_000 + r * 100L + c, 45 + r * 0.00045, 3 + c * 0.00064);
      }
    }
    for (int r = 0; r < n; r++) {
      long[] row = new long[n];
      long[] col = new long[n];
      for (int c = 0; c < n; c++) {
        row[c] = 10_000 + r * 100L + c;
        col[c] = 10_000 + c * 100L + r;
      }
      o.way(row, "highway", "residential");
      o.way(col, "highway", "residential");
    }
    o.node(1, 46, 3).node(2, 46, 3 + 0.00064 * (n - 1));
    o.way(new long[] {1, 2}, "highway", "residential");
    Path osm = o.write(dir.resolve("town.osm"));
    try (RoadNetwork net = RoadNetwork.open(osm, null, new RoadNetwork.Settings(0, true), 1)) {
      double mid = 45 + 20 * 0.00045;
      Points p = Points.of(
          new String[] {"T1", "T2", "C1", "C2"},
          new double[] {mid, mid, 46, 46},
          new double[] {3, 3 + 0.00064 * (n - 1), 3, 3 + 0.00064 * (n - 1)});
      TravelTimeMatrix m = times(net, p);
      double country = minutes(m, "C1", "C2");
      double town = minutes(m, "T1", "T2");
      double km = Osm.metres(46, 3, 46, 3 + 0.00064 * (n - 1)) / 1000;
      assertEquals(60 * km / 65, country, 1e-3);
      // 40 km/h (500 to 4000 inhabitants per km²) or 20 km/h (more), block by block.
      double townKm = 0;
      for (int c = 0; c + 1 < n; c++) {
        townKm += Osm.metres(mid, 3 + 0.00064 * c, mid, 3 + 0.00064 * (c + 1)) / 1000;
      }
      assertTrue(
          Math.abs(town - 60 * townKm / 40) < 1e-3 || Math.abs(town - 60 * townKm / 20) < 1e-3,
          "town " + town + " min for " + townKm + " km");
    }
  }

  static double minutes(TravelTimeMatrix m, String from, String to) {
    String[] codes = m.codes();
    int i = java.util.Arrays.asList(codes).indexOf(from);
    for (int k = m.rowStart()[i]; k < m.rowStart()[i + 1]; k++) {
      if (codes[m.destinations()[k]].equals(to)) {
        return m.minutes()[k];
      }
    }
    throw new AssertionError(from + " -> " + to + " not in the matrix");
  }

  @Test
  void extractsThatLieAboutTheirFormatAreRefused() throws IOException {
    String xml = "<?xml version=\"1.0\"?><osm version=\"0.6\"></osm>";
    for (String name : new String[] {"a.osm.gz", "a.osm.pbf"}) {
      Path f = Files.writeString(dir.resolve(name), name.endsWith(".pbf") ? xml : "not packed");
      InputException e =
          assertThrows(InputException.class, () -> RoadNetwork.open(f, null, SMALL, 1), name);
      assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
    }
    Path empty = Files.writeString(dir.resolve("empty.osm"), "");
    assertThrows(InputException.class, () -> RoadNetwork.open(empty, null, SMALL, 1));
    // GraphHopper reads bzip2 only with a library it does not bring: refused by name.
    Path bz2 = Files.writeString(dir.resolve("a.osm.bz2"), "BZh");
    InputException e =
        assertThrows(InputException.class, () -> RoadNetwork.open(bz2, null, SMALL, 1));
    assertTrue(e.getMessage().contains("unpack it first"), e.getMessage());
  }

  @Test
  void aDamagedStampIsNamedAndTheFolderKept() throws IOException {
    Path osm = line(3.02).write(dir.resolve("a.osm"));
    Path graph = dir.resolve("graph");
    RoadNetwork.open(osm, graph, SMALL, 1).close();
    Files.writeString(graph.resolve(RoadNetwork.STAMP), "osm=\\u00zz\n");
    InputException e =
        assertThrows(InputException.class, () -> RoadNetwork.open(osm, graph, SMALL, 1));
    assertTrue(e.getMessage().contains(RoadNetwork.STAMP + ": is damaged"), e.getMessage());
    assertTrue(Files.exists(graph.resolve(RoadNetwork.STAMP)));
  }

  @Test
  void aChangedExtractIsRefusedNamingWhatChanged() throws IOException {
    Path osm = line(3.02).write(dir.resolve("a.osm"));
    Path graph = dir.resolve("graph");
    RoadNetwork.open(osm, graph, SMALL, 1).close();
    Files.setLastModifiedTime(osm, java.nio.file.attribute.FileTime.fromMillis(86_400_000L));
    InputException e =
        assertThrows(InputException.class, () -> RoadNetwork.open(osm, graph, SMALL, 1));
    assertTrue(e.getMessage().contains("(modified "), e.getMessage());
    assertTrue(e.getMessage().contains(" then 86400000)"), e.getMessage());
  }

  @Test
  void aLinkedOrRelativeFolderIsTheFolderItNames() throws IOException {
    Path osm = line(3.02).write(dir.resolve("a.osm"));
    Path graph = dir.resolve("graph");
    RoadNetwork.open(osm, graph, SMALL, 1).close();
    Path link = Files.createSymbolicLink(dir.resolve("link"), graph);
    try (RoadNetwork n = RoadNetwork.open(osm, link, SMALL, 1)) {
      assertFalse(n.built());
    }
    Path sub = dir.resolve("sub");
    Path dotted = sub.resolve("..").resolve("graph2");
    try (RoadNetwork n = RoadNetwork.open(osm, dotted, SMALL, 1)) {
      assertTrue(n.built());
    }
    assertTrue(Files.exists(dir.resolve("graph2").resolve(RoadNetwork.STAMP)));
    assertFalse(Files.exists(sub));
  }

  @Test
  void whatAKilledBuildLeftIsCleanedAndALiveOnesIsNot() throws IOException {
    Path osm = line(3.02).write(dir.resolve("a.osm"));
    // A process id that cannot be alive (above the kernel's pid_max), and ours.
    Path dead = Files.createDirectories(dir.resolve("graph.part-999999999"));
    Files.writeString(dead.resolve("nodes"), "half a graph");
    Path live = Files.createDirectories(
        dir.resolve("graph.part-" + ProcessHandle.current().pid()));
    Path other = Files.createDirectories(dir.resolve("graph.part-notapid"));
    RoadNetwork.open(osm, dir.resolve("graph"), SMALL, 1).close();
    assertFalse(Files.exists(dead));
    assertTrue(Files.exists(other));
    // Our own id is the side folder this build used, renamed into place.
    assertFalse(Files.exists(live));
    assertTrue(Files.exists(dir.resolve("graph").resolve(RoadNetwork.STAMP)));
  }

  @Test
  void aWayThroughAMissingNodeKeepsTheRestOfTheNetwork() throws IOException {
    Osm o = line(3.02);
    o.way(new long[] {3, 99, 1}, "highway", "secondary");
    Path osm = o.write(dir.resolve("holes.osm"));
    try (RoadNetwork n = RoadNetwork.open(osm, null, SMALL, 1)) {
      TravelTimeMatrix m = times(n, ends(3.02));
      assertEquals(60 * Osm.metres(45, 3, 45, 3.02) / 1000 / 65, m.minutes()[1], 1e-3);
    }
  }
}
