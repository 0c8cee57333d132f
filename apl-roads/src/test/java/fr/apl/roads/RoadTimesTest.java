package fr.apl.roads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.problem.Check;
import fr.apl.problem.Problem;
import fr.apl.problem.Problems;
import fr.apl.routing.Points;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Road times on a generated network (a grid of local roads, a motorway, a one-way primary, a slip
 * road, a service road, a car ferry to an island and an island without one) against a plain
 * Dijkstra written here on the speeds of the Metric table (rural column), not on the module's.
 */
class RoadTimesTest {

  @TempDir
  static Path dir;

  static Osm osm;
  static RoadNetwork network;
  static Points points;
  static final Map<String, double[]> POINTS = new TreeMap<>();

  static long grid(int r, int c) {
    return 100 + r * 10L + c;
  }

  @BeforeAll
  static void build() throws IOException {
    osm = new Osm();
    for (int r = 0; r <= 5; r++) {
      for (int c = 0; c <= 5; c++) {
        osm.node(grid(r, c), 45 + 0.01 * r, 3 + 0.01 * c);
      }
    }
    long[] row0 = {grid(0, 0), grid(0, 1), grid(0, 2), grid(0, 3), grid(0, 4), grid(0, 5)};
    long[] back0 = new long[6];
    for (int i = 0; i < 6; i++) {
      back0[i] = row0[5 - i];
    }
    // A motorway, each carriageway drawn one way.
    osm.way(row0, "highway", "motorway", "oneway", "yes");
    osm.way(back0, "highway", "motorway", "oneway", "yes");
    for (int r = 1; r <= 5; r++) {
      long[] row = new long[6];
      for (int c = 0; c <= 5; c++) {
        row[c] = grid(r, c);
      }
      if (r == 3) {
        // One way, eastwards: a dual carriageway of which only one side is drawn.
        osm.way(row, "highway", "primary", "oneway", "yes");
      } else {
        osm.way(row, "highway", "secondary");
      }
    }
    for (int c = 0; c <= 5; c++) {
      long[] col = new long[5];
      for (int r = 1; r <= 5; r++) {
        col[r - 1] = grid(r, c);
      }
      osm.way(col, "highway", "tertiary");
    }
    // The motorway meets the grid only through a slip road at its east end.
    osm.node(500, 45.005, 3.06);
    osm.way(new long[] {grid(0, 5), 500}, "highway", "motorway_link");
    osm.way(new long[] {500, grid(1, 5)}, "highway", "tertiary");
    osm.way(new long[] {grid(0, 0), grid(1, 0)}, "highway", "motorway_link");
    // A service road, a dead end.
    osm.node(400, 45.025, 3.025);
    osm.way(new long[] {grid(2, 2), 400}, "highway", "service");
    // A car ferry to an island with one road.
    osm.node(200, 45.05, 3.10).node(201, 45.05, 3.11);
    osm.way(new long[] {grid(5, 5), 200}, "route", "ferry", "motor_vehicle", "yes");
    osm.way(new long[] {200, 201}, "highway", "unclassified");
    // An island without a ferry.
    osm.node(300, 45.2, 3.0).node(301, 45.2, 3.01);
    osm.way(new long[] {300, 301}, "highway", "unclassified");
    Path file = osm.write(dir.resolve("grid.osm"));
    network = RoadNetwork.open(file, null, new RoadNetwork.Settings(0, false), 1);

    for (int r = 0; r <= 5; r++) {
      for (int c = 0; c <= 5; c++) {
        POINTS.put("P" + grid(r, c), new double[] {osm.lat(grid(r, c)), osm.lon(grid(r, c))});
      }
    }
    POINTS.put("SRV", new double[] {osm.lat(400), osm.lon(400)});
    POINTS.put("ISL", new double[] {osm.lat(201), osm.lon(201)});
    POINTS.put("LONE", new double[] {osm.lat(300), osm.lon(300)});
    // Halfway along the secondary between (1,1) and (1,2).
    POINTS.put("MID", new double[] {45.01, 3.015});
    points = points(POINTS);
  }

  @AfterAll
  static void close() {
    network.close();
  }

  static Points points(Map<String, double[]> m) {
    String[] codes = m.keySet().toArray(new String[0]);
    double[] lat = new double[codes.length];
    double[] lon = new double[codes.length];
    for (int i = 0; i < codes.length; i++) {
      lat[i] = m.get(codes[i])[0];
      lon[i] = m.get(codes[i])[1];
    }
    return Points.of(codes, lat, lon);
  }

  /** The Metric speeds, rural column, as the issue states them: not read from the module. */
  static double speed(Osm.Way w) {
    if ("ferry".equals(w.tag("route"))) {
      return 13;
    }
    String h = w.tag("highway");
    boolean oneWay = "yes".equals(w.tag("oneway"));
    switch (h) {
      case "motorway":
        return 120;
      case "motorway_link":
        return 60;
      case "trunk":
        return oneWay ? 100 : 65;
      case "primary":
      case "secondary":
      case "tertiary":
        return oneWay ? 90 : 65;
      case "unclassified":
      case "residential":
        return 65;
      default:
        return 20;
    }
  }

  /** A plain Dijkstra on the OSM ways, in milliseconds per segment, the point MID spliced in. */
  static Map<String, Map<String, Double>> reference(double maxMinutes) {
    Map<Long, List<long[]>> out = new HashMap<>();
    Map<Long, double[]> at = new HashMap<>(osm.nodes);
    long mid = 999;
    at.put(mid, POINTS.get("MID"));
    for (Osm.Way w : osm.ways) {
      double v = speed(w) / 3.6;
      boolean oneWay = "yes".equals(w.tag("oneway"));
      long[] n = w.nodes();
      for (int i = 0; i + 1 < n.length; i++) {
        List<long[]> legs = new ArrayList<>();
        if (n[i] == grid(1, 1) && n[i + 1] == grid(1, 2)) {
          legs.add(new long[] {n[i], mid});
          legs.add(new long[] {mid, n[i + 1]});
        } else {
          legs.add(new long[] {n[i], n[i + 1]});
        }
        for (long[] leg : legs) {
          double[] a = at.get(leg[0]);
          double[] b = at.get(leg[1]);
          long ms = Math.round(Osm.metres(a[0], a[1], b[0], b[1]) / v * 1000);
          out.computeIfAbsent(leg[0], k -> new ArrayList<>()).add(new long[] {leg[1], ms});
          if (!oneWay) {
            out.computeIfAbsent(leg[1], k -> new ArrayList<>()).add(new long[] {leg[0], ms});
          }
        }
      }
    }
    Map<String, Long> nodeOf = new HashMap<>();
    for (String p : POINTS.keySet()) {
      nodeOf.put(
          p,
          p.equals("MID")
              ? mid
              : p.equals("SRV")
                  ? 400
                  : p.equals("ISL")
                      ? 201
                      : p.equals("LONE") ? 300 : Long.parseLong(p.substring(1)));
    }
    Map<String, Map<String, Double>> times = new TreeMap<>();
    for (String from : POINTS.keySet()) {
      Map<Long, Long> best = new HashMap<>();
      PriorityQueue<long[]> q = new PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]));
      q.add(new long[] {0, nodeOf.get(from)});
      best.put(nodeOf.get(from), 0L);
      while (!q.isEmpty()) {
        long[] e = q.poll();
        if (e[0] > best.get(e[1])) {
          continue;
        }
        for (long[] edge : out.getOrDefault(e[1], List.of())) {
          long t = e[0] + edge[1];
          if (t < best.getOrDefault(edge[0], Long.MAX_VALUE)) {
            best.put(edge[0], t);
            q.add(new long[] {t, edge[0]});
          }
        }
      }
      Map<String, Double> row = new TreeMap<>();
      for (String to : POINTS.keySet()) {
        Long t = best.get(nodeOf.get(to));
        if (t != null && t / 60_000.0 <= maxMinutes) {
          row.put(to, t / 60_000.0);
        }
      }
      times.put(from, row);
    }
    return times;
  }

  static Map<String, Map<String, Double>> rows(TravelTimeMatrix m) {
    Map<String, Map<String, Double>> rows = new TreeMap<>();
    String[] codes = m.codes();
    for (int i = 0; i < codes.length; i++) {
      Map<String, Double> row = new TreeMap<>();
      for (int k = m.rowStart()[i]; k < m.rowStart()[i + 1]; k++) {
        row.put(codes[m.destinations()[k]], m.minutes()[k]);
      }
      rows.put(codes[i], row);
    }
    return rows;
  }

  static void assertSameTimes(
      Map<String, Map<String, Double>> want, Map<String, Map<String, Double>> got, double slack) {
    for (String from : want.keySet()) {
      Map<String, Double> w = want.get(from);
      Map<String, Double> g = got.getOrDefault(from, Map.of());
      for (String to : w.keySet()) {
        if (w.get(to) < slack) {
          assertTrue(g.containsKey(to), from + " -> " + to + " missing");
        }
        if (g.containsKey(to)) {
          assertEquals(w.get(to), g.get(to), 1e-3, from + " -> " + to);
        }
      }
      for (String to : g.keySet()) {
        assertTrue(w.containsKey(to), from + " -> " + to + " is not in the reference");
      }
    }
  }

  @Test
  void timesEqualAPlainDijkstraOnTheMetricSpeeds() {
    Problems problems = new Problems();
    RoadTimes.Result r =
        RoadTimes.builder(network, points).maxMinutes(60).build().compute(2, problems);
    Map<String, Map<String, Double>> got = rows(r.matrix());
    Map<String, Map<String, Double>> want = reference(60);
    assertSameTimes(want, got, 60);
    // Enough pairs to mean something: the grid reaches itself, the island by ferry.
    assertTrue(r.matrix().pairCount() > 1000, "pairs: " + r.matrix().pairCount());
  }

  @Test
  void theBoundOnMinutesDropsTheFartherPairs() {
    RoadTimes.Result r =
        RoadTimes.builder(network, points).maxMinutes(2).build().compute(1, new Problems());
    Map<String, Map<String, Double>> want = reference(2);
    // Pairs within a millisecond or so of the bound may fall either side: compare the rest.
    assertSameTimes(want, rows(r.matrix()), 2 - 1e-3);
    assertTrue(r.matrix().pairCount()
        < reference(60).values().stream().mapToInt(Map::size).sum());
  }

  @Test
  void oneWayStreetsGiveDifferentTimesEachWay() {
    Map<String, Map<String, Double>> got = rows(RoadTimes.builder(network, points)
        .maxMinutes(60)
        .build()
        .compute(1, new Problems())
        .matrix());
    double east = got.get("P130").get("P135");
    double west = got.get("P135").get("P130");
    // Eastwards along the one-way primary at 90 km/h: 3.94 km in 2.6 minutes.
    double km = Osm.metres(45.03, 3.0, 45.03, 3.05) / 1000;
    assertEquals(60 * km / 90, east, 1e-3);
    assertTrue(west > east + 0.5, "west " + west + ", east " + east);
  }

  @Test
  void theFerryIsTakenAtThirteenKmH() {
    Map<String, Map<String, Double>> got = rows(RoadTimes.builder(network, points)
        .maxMinutes(60)
        .build()
        .compute(1, new Problems())
        .matrix());
    double ferryKm = Osm.metres(45.05, 3.05, 45.05, 3.10) / 1000;
    double roadKm = Osm.metres(45.05, 3.10, 45.05, 3.11) / 1000;
    assertEquals(60 * ferryKm / 13 + 60 * roadKm / 65, got.get("P155").get("ISL"), 1e-3);
    assertEquals(got.get("P155").get("ISL"), got.get("ISL").get("P155"), 1e-6);
  }

  @Test
  void anIslandWithoutFerryGivesNoPairAndAWarning() {
    Problems problems = new Problems();
    RoadTimes.Result r = RoadTimes.builder(network, points)
        .maxMinutes(60)
        .name("points.csv")
        .build()
        .compute(1, problems);
    Map<String, Map<String, Double>> got = rows(r.matrix());
    assertEquals(Map.of("LONE", 0.0), got.get("LONE"));
    for (String from : got.keySet()) {
      if (!from.equals("LONE")) {
        assertFalse(got.get(from).containsKey("LONE"), from);
      }
    }
    assertEquals(1, problems.count(Check.UNREACHED_POINT));
    Problem p = problems.build().problems().get(0);
    assertEquals("points.csv", p.file());
    assertEquals("LONE", p.value());
    assertTrue(
        p.message().contains("reaches no other point by road within 60 minutes"), p.message());
  }

  @Test
  void aPointFarFromAnyRoadIsNotRoutedAndIsReported() {
    Map<String, double[]> m = new TreeMap<>(POINTS);
    // 300 m north of the road between (5,0) and (5,1), and 50 km away from everything.
    m.put("NEAR", new double[] {45.05 + 300 / 111_195.0, 3.005});
    m.put("FAR", new double[] {45.5, 3.5});
    Points p = points(m);
    Problems problems = new Problems();
    RoadTimes.Result r = RoadTimes.builder(network, p)
        .maxMinutes(60)
        .maxSnapMetres(250)
        .build()
        .compute(1, problems);
    Map<String, Map<String, Double>> got = rows(r.matrix());
    assertEquals(Map.of("FAR", 0.0), got.get("FAR"));
    assertEquals(Map.of("NEAR", 0.0), got.get("NEAR"));
    assertEquals(2, problems.count(Check.FAR_FROM_ROAD));
    int near = Arrays.asList(p.codes()).indexOf("NEAR");
    assertEquals(300, r.originSnapMetres()[near], 3);
    // Allowed 500 m, NEAR is routed from the spot of the road it snaps to.
    RoadTimes.Result r2 = RoadTimes.builder(network, p)
        .maxMinutes(60)
        .maxSnapMetres(500)
        .build()
        .compute(1, new Problems());
    Map<String, Map<String, Double>> got2 = rows(r2.matrix());
    double toEnd = Osm.metres(45.05, 3.005, 45.05, 3.01) / 1000 * 60 / 65;
    assertEquals(toEnd, got2.get("NEAR").get("P151"), 1e-3);
  }

  @Test
  void theMatrixDoesNotDependOnTheThreads() {
    // 40 points: blocks of 2 origins on 8 threads, of 5 on 2, one block on 1.
    TravelTimeMatrix one = RoadTimes.builder(network, points)
        .maxMinutes(30)
        .build()
        .compute(1, new Problems())
        .matrix();
    for (int threads : new int[] {2, 8}) {
      TravelTimeMatrix other = RoadTimes.builder(network, points)
          .maxMinutes(30)
          .build()
          .compute(threads, new Problems())
          .matrix();
      assertArrayEquals(one.codes(), other.codes());
      assertArrayEquals(one.rowStart(), other.rowStart());
      assertArrayEquals(one.destinations(), other.destinations());
      assertArrayEquals(one.minutes(), other.minutes());
    }
  }

  @Test
  void aPairExactlyAtTheBoundIsKept() {
    Map<String, Map<String, Double>> all = rows(RoadTimes.builder(network, points)
        .maxMinutes(60)
        .build()
        .compute(1, new Problems())
        .matrix());
    // The pairs whose minutes, times 60 000, fall just under their whole milliseconds: a bound
    // taken as floor(minutes * 60 000) would drop them.
    List<String[]> hard = new ArrayList<>();
    for (Map.Entry<String, Map<String, Double>> row : all.entrySet()) {
      for (Map.Entry<String, Double> p : row.getValue().entrySet()) {
        double t = p.getValue();
        if (Math.floor(t * 60_000.0) < Math.round(t * 60_000.0) && hard.size() < 3) {
          hard.add(new String[] {row.getKey(), p.getKey()});
        }
      }
    }
    assertFalse(hard.isEmpty(), "no pair to test the bound on");
    for (String[] pair : hard) {
      double t = all.get(pair[0]).get(pair[1]);
      Map<String, Double> at = rows(RoadTimes.builder(network, points)
              .maxMinutes(t)
              .build()
              .compute(1, new Problems())
              .matrix())
          .get(pair[0]);
      assertEquals(t, at.get(pair[1]), pair[0] + " -> " + pair[1] + " at exactly " + t);
      Map<String, Double> under = rows(RoadTimes.builder(network, points)
              .maxMinutes(Math.nextDown(t))
              .build()
              .compute(1, new Problems())
              .matrix())
          .get(pair[0]);
      assertFalse(under.containsKey(pair[1]), pair[0] + " -> " + pair[1] + " under " + t);
    }
  }

  @Test
  void aSinglePointIsNotWarnedForReachingNoOther() {
    Problems problems = new Problems();
    Points one = Points.of(new String[] {"P100"}, new double[] {45}, new double[] {3});
    RoadTimes.Result r = RoadTimes.builder(network, one).build().compute(1, problems);
    assertEquals(1, r.matrix().pairCount());
    assertEquals(0, problems.count(Check.UNREACHED_POINT));
  }

  @Test
  void separateDestinationsGiveOriginsTimesDestinations() {
    Map<String, double[]> d = new TreeMap<>();
    d.put("CAB1", POINTS.get("P122"));
    d.put("CAB2", POINTS.get("ISL"));
    Map<String, double[]> o = new TreeMap<>();
    o.put("P100", POINTS.get("P100"));
    o.put("P155", POINTS.get("P155"));
    RoadTimes.Result r = RoadTimes.builder(network, points(o))
        .destinations(points(d))
        .maxMinutes(60)
        .build()
        .compute(1, new Problems());
    Map<String, Map<String, Double>> got = rows(r.matrix());
    Map<String, Map<String, Double>> want = reference(60);
    assertEquals(List.of("CAB1", "CAB2"), new ArrayList<>(got.get("P155").keySet()));
    assertEquals(want.get("P155").get("P122"), got.get("P155").get("CAB1"), 1e-3);
    assertEquals(want.get("P155").get("ISL"), got.get("P155").get("CAB2"), 1e-3);
    assertEquals(want.get("P100").get("P122"), got.get("P100").get("CAB1"), 1e-3);
    assertTrue(got.get("CAB1").isEmpty());
  }

  @Test
  void aRequestComputesAplOnRoadTimesWithTheWarningsInItsValidation() throws IOException {
    // As the README's Java example: the road times are the request's travel-time source.
    Map<String, double[]> m = new TreeMap<>(POINTS);
    m.put("FAR", new double[] {45.5, 3.5});
    StringBuilder pop = new StringBuilder("commune,population\n");
    for (String code : m.keySet()) {
      pop.append(code).append(",100\n");
    }
    Path population = java.nio.file.Files.writeString(dir.resolve("population.csv"), pop);
    Path supply = java.nio.file.Files.writeString(
        dir.resolve("supply.csv"), "commune,consultations\nP122,5000\nISL,1000\n");
    fr.apl.job.AplRequest request = fr.apl.job.AplRequest.builder()
        .times(RoadTimes.builder(network, points(m)).name("points.csv").build())
        .population(population)
        .supply(supply)
        .inseeCodes(false)
        .build();
    fr.apl.job.AplRun run = fr.apl.job.AplJob.run(request);
    assertTrue(run.result() != null, run.validation().summary());
    assertEquals(1, run.validation().count(Check.FAR_FROM_ROAD));
    assertEquals(1, run.validation().count(Check.UNREACHED_POINT));
    // Everyone on the grid reaches P122 within 20 minutes; LONE and FAR reach nothing.
    assertTrue(run.result().apl("apl", "P100") > 0);
    assertEquals(0.0, run.result().apl("apl", "LONE"));
    assertEquals(0.0, run.result().apl("apl", "FAR"));
  }
}
