package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * apl compute end to end on seeded random worlds written as CSV files, against a reference that
 * follows the formula literally over maps of codes (no matrix, no CSR, no threads): both band
 * conventions, times on the band edges, missing self pairs, population communes missing from the
 * times table, practices that no population reaches, and communes with no supply in reach.
 */
class RandomWorldsCliTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "seed {0}, {1}")
  @CsvSource({
    "1, half-open",
    "2, half-open",
    "3, closed-upper",
    "4, closed-upper",
    "5, half-open",
    "6, closed-upper",
    "7, half-open",
    "8, closed-upper"
  })
  void agreesWithTheFormula(long seed, String edges) throws IOException {
    Random rnd = new Random(seed);
    int n = 20 + rnd.nextInt(200);
    String[] codes = new String[n];
    for (int i = 0; i < n; i++) {
      // Departments 01-95 but 20 (Corsica is 2A/2B), commune numbers from 001: INSEE codes.
      int department = 1 + rnd.nextInt(94);
      codes[i] = String.format(
          Locale.ROOT, "%02d%03d", department >= 20 ? department + 1 : department, i + 1);
    }
    // Times: about 8 % of ordered pairs; a third of them on a band edge or whole minutes.
    Map<String, Map<String, Double>> times = new TreeMap<>();
    StringBuilder t = new StringBuilder("origin,destination,minutes\n");
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        boolean self = i == j;
        if (self ? rnd.nextInt(3) == 0 : rnd.nextInt(100) < 8) {
          double m = self
              ? 0.0
              : switch (rnd.nextInt(3)) {
                case 0 -> new double[] {10, 15, 20}[rnd.nextInt(3)];
                case 1 -> rnd.nextInt(25);
                default -> Math.round(rnd.nextDouble() * 250) / 10.0;
              };
          times.computeIfAbsent(codes[i], k -> new TreeMap<>()).put(codes[j], m);
          t.append(codes[i]).append(',').append(codes[j]).append(',').append(m).append('\n');
        }
      }
    }
    // Population: most communes, some 0; a few communes only in the population file.
    Map<String, Double> pop = new TreeMap<>();
    StringBuilder p = new StringBuilder("commune,population\n");
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(10) > 0) {
        double v = rnd.nextInt(8) == 0 ? 0 : Math.round(rnd.nextDouble() * 5_000_000) / 1000.0;
        pop.put(codes[i], v);
        p.append(codes[i]).append(',').append(v).append('\n');
      }
    }
    for (int e = 0; e < 3; e++) {
      String code = String.format(Locale.ROOT, "2A%03d", e + 1);
      pop.put(code, 100.0 * (e + 1));
      p.append(code).append(',').append(100.0 * (e + 1)).append('\n');
    }
    // Supply in a quarter of the communes, including some that no population may reach.
    Map<String, Double> supply = new TreeMap<>();
    StringBuilder s = new StringBuilder("commune,consultations\n");
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(4) == 0) {
        double v = Math.round(rnd.nextDouble() * 60_000);
        supply.put(codes[i], v);
        s.append(codes[i]).append(',').append(v).append('\n');
      }
    }
    supply.put("2B001", 5000.0);
    s.append("2B001,5000\n");
    // A zero supply row for a commune known to no other input: harmless, must not fail.
    supply.put("2B002", 0.0);
    s.append("2B002,0\n");
    Path tf = Files.writeString(dir.resolve("t.csv"), t, StandardCharsets.UTF_8);
    Path pf = Files.writeString(dir.resolve("p.csv"), p, StandardCharsets.UTF_8);
    Path sf = Files.writeString(dir.resolve("s.csv"), s, StandardCharsets.UTF_8);

    Cli.Run run = Cli.run(
        "compute",
        "--times",
        tf.toString(),
        "--population",
        pf.toString(),
        "--supply",
        sf.toString(),
        "--band-edges",
        edges,
        "--threads",
        "3");
    assertEquals(0, run.exit(), "seed " + seed + ": " + run.err());
    Map<String, Double> expected = reference(times, pop, supply, edges.equals("half-open"));
    List<String> lines = run.out().lines().toList();
    assertEquals(pop.size() + 1, lines.size(), "seed " + seed);
    int zeros = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double want = expected.get(f[0]);
      double got = Double.parseDouble(f[1]);
      if (want == 0) {
        zeros++;
        assertEquals(0.0, got, "seed " + seed + " commune " + f[0]);
      } else {
        assertTrue(
            Math.abs(got - want) <= 1e-9 * Math.abs(want),
            "seed " + seed + " commune " + f[0] + ": expected " + want + ", got " + got);
      }
    }
    assertTrue(zeros > 0, "seed " + seed + ": the world should have communes with no supply");
    assertTrue(run.err().contains("supply that no population reaches"), "seed " + seed);
  }

  private static double weight(double m, boolean halfOpen) {
    if (halfOpen) {
      return m < 10 ? 1 : m < 15 ? 2.0 / 3 : m < 20 ? 1.0 / 3 : 0;
    }
    return m <= 10 ? 1 : m <= 15 ? 2.0 / 3 : m <= 20 ? 1.0 / 3 : 0;
  }

  /** The formula over maps: every commune reaches itself at 0 minutes unless a pair says else. */
  private static Map<String, Double> reference(
      Map<String, Map<String, Double>> times,
      Map<String, Double> pop,
      Map<String, Double> supply,
      boolean halfOpen) {
    Map<String, Map<String, Double>> w = new HashMap<>();
    java.util.Set<String> all = new java.util.TreeSet<>(pop.keySet());
    all.addAll(supply.keySet());
    all.addAll(times.keySet());
    times.values().forEach(row -> all.addAll(row.keySet()));
    for (String i : all) {
      Map<String, Double> row = new HashMap<>();
      Map<String, Double> given = times.getOrDefault(i, Map.of());
      for (Map.Entry<String, Double> e : given.entrySet()) {
        row.put(e.getKey(), weight(e.getValue(), halfOpen));
      }
      row.putIfAbsent(i, weight(0, halfOpen));
      w.put(i, row);
    }
    Map<String, Double> demand = new HashMap<>();
    for (String i : all) {
      for (Map.Entry<String, Double> e : w.get(i).entrySet()) {
        demand.merge(e.getKey(), e.getValue() * pop.getOrDefault(i, 0.0), Double::sum);
      }
    }
    Map<String, Double> apl = new HashMap<>();
    for (String i : pop.keySet()) {
      double a = 0;
      for (Map.Entry<String, Double> e : w.get(i).entrySet()) {
        double d = demand.getOrDefault(e.getKey(), 0.0);
        a += d > 0 ? e.getValue() * supply.getOrDefault(e.getKey(), 0.0) / d : 0;
      }
      apl.put(i, a);
    }
    return apl;
  }
}
