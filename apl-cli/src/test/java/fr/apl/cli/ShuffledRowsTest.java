package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The order of the data rows of the inputs is not data: apl compute must write the same bytes
 * whatever it is. Every input file (times, population, supply or doctors, scenarios, code history)
 * has its data rows shuffled, header kept first, with a few fixed seeds; the output is compared
 * byte for byte with the run on the files as given. A double sum depends on the order of its
 * terms, so any sum taken in file order shows up here as other last digits.
 *
 * <p>One thing is allowed to follow the file: the scenario columns come out in the order of each
 * scenario's first row (the user's order, documented in {@code ScenariosCsv}), so runs with
 * scenarios are compared after putting the columns in name order; every cell is still compared as
 * written.
 */
class ShuffledRowsTest {

  private static final String[] ALL_BANDS = bandColumns();

  @TempDir
  Path dir;

  /** Haute-Loire sample: 604 doctor rows, some doctors with several practices. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void hauteLoireSampleGivesTheSameBytesWhateverTheRowOrder(long seed) throws IOException {
    Path sample = Cli.samples().resolve("haute-loire-43");
    Path shuffled = Files.createDirectories(dir.resolve("shuffled-" + seed));
    for (String f :
        List.of("times.csv", "population.csv", "supply.csv", "doctors.csv", "scenarios.csv")) {
      shuffle(sample.resolve(f), shuffled.resolve(f), seed);
    }
    compareAllWays(sample, shuffled, seed, List.of(), List.of(), List.of());
  }

  /**
   * A seeded random world that exercises what the sample does not: non-integer acts and
   * consultations, doctors with up to five practices, several of them in old communes that a code
   * history merges into one (so acts of one doctor are added before the bounds), supply and
   * population in old codes summed into the current commune, travel-time pairs repeated with the
   * same time and old pairs falling onto one current pair, population by age band (standardised
   * and rescaled to the total), and scenarios changing supply and population.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14})
  void randomWorldGivesTheSameBytesWhateverTheRowOrder(long seed) throws IOException {
    Path world = Files.createDirectories(dir.resolve("world-" + seed));
    writeRandomWorld(world, new Random(seed));
    Path shuffled = Files.createDirectories(dir.resolve("shuffled-" + seed));
    for (String f : List.of(
        "times.csv", "population.csv", "supply.csv", "doctors.csv", "scenarios.csv", "cog.csv")) {
      shuffle(world.resolve(f), shuffled.resolve(f), seed * 31 + f.length());
    }
    compareAllWays(
        world,
        shuffled,
        seed,
        List.of("--cog-map", "cog.csv"),
        List.of("pairs fell onto another one", "communes summed into another"),
        List.of("practices merged into another"));
  }

  /**
   * Runs with doctors and with supply, each with and without scenarios, on both folders; checks
   * that the run on the given rows says on stderr what the world is meant to cover ({@code
   * doctorCovers} only when doctors are read).
   */
  private void compareAllWays(
      Path given,
      Path shuffled,
      long seed,
      List<String> extra,
      List<String> covers,
      List<String> doctorCovers) {
    for (String supply : List.of("--doctors=doctors.csv", "--supply=supply.csv")) {
      for (boolean scenarios : new boolean[] {false, true}) {
        String what = "seed " + seed + ", " + supply + (scenarios ? ", --scenarios" : "");
        Cli.Run reference = compute(given, supply, scenarios, extra);
        assertEquals(0, reference.exit(), what + ", rows as given: " + reference.err());
        List<String> covered = new ArrayList<>(covers);
        if (supply.startsWith("--doctors")) {
          covered.addAll(doctorCovers);
        }
        for (String c : covered) {
          assertTrue(reference.err().contains(c), what + ": " + reference.err());
        }
        Cli.Run run = compute(shuffled, supply, scenarios, extra);
        assertEquals(0, run.exit(), what + ", rows shuffled: " + run.err());
        if (scenarios) {
          assertEquals(columnsByName(reference.out()), columnsByName(run.out()), what);
        } else {
          assertEquals(reference.out(), run.out(), what);
        }
      }
    }
  }

  private static Cli.Run compute(Path in, String supply, boolean scenarios, List<String> extra) {
    List<String> args = new ArrayList<>(List.of(
        "compute",
        "--times",
        in.resolve("times.csv").toString(),
        "--population",
        in.resolve("population.csv").toString(),
        supply.substring(0, supply.indexOf('=')),
        in.resolve(supply.substring(supply.indexOf('=') + 1)).toString(),
        "--threads",
        "2"));
    if (scenarios) {
      args.add("--scenarios");
      args.add(in.resolve("scenarios.csv").toString());
    }
    for (String e : extra) {
      args.add(e.endsWith(".csv") ? in.resolve(e).toString() : e);
    }
    return Cli.run(args.toArray(new String[0]));
  }

  /** Copies a CSV file with its data rows in a seeded random order, the header first. */
  private static void shuffle(Path from, Path to, long seed) throws IOException {
    List<String> lines = Files.readAllLines(from, StandardCharsets.UTF_8);
    List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
    Collections.shuffle(rows, new Random(seed));
    rows.add(0, lines.get(0));
    Files.write(to, rows, StandardCharsets.UTF_8);
  }

  /** Returns the output CSV with its columns in header-name order (the commune first). */
  private static String columnsByName(String csv) {
    List<String> lines = csv.lines().toList();
    String[] header = lines.get(0).split(",", -1);
    Integer[] order = new Integer[header.length];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    Arrays.sort(order, 1, order.length, (a, b) -> header[a].compareTo(header[b]));
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      String[] f = line.split(",", -1);
      for (int k = 0; k < order.length; k++) {
        out.append(k == 0 ? "" : ",").append(f[order[k]]);
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void writeRandomWorld(Path world, Random rnd) throws IOException {
    int n = 30 + rnd.nextInt(30);
    // Current communes of department 43 from 43001; old communes of department 07 from 07001,
    // each merged into a current one (several old ones per current commune).
    List<String> current = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      current.add(String.format(Locale.ROOT, "43%03d", i + 1));
    }
    List<String> old = new ArrayList<>();
    StringBuilder cog = new StringBuilder("ancien_code,code_actuel\n");
    for (int i = 0; i < n / 2; i++) {
      String o = String.format(Locale.ROOT, "07%03d", i + 1);
      old.add(o);
      // The first few current communes take most old ones: three or four old codes each.
      cog.append(o).append(',').append(current.get(i % 5)).append('\n');
    }
    List<String> all = new ArrayList<>(current);
    all.addAll(old);
    // Times: every commune to itself, and about a third of the other pairs; some pairs repeated
    // with the same time. Old and current codes mixed, so old pairs fall onto current ones.
    StringBuilder t = new StringBuilder("origin,destination,minutes\n");
    for (String a : all) {
      for (String b : all) {
        if (a.equals(b) || rnd.nextInt(3) == 0) {
          double m = a.equals(b) ? 0 : Math.round(rnd.nextDouble() * 250) / 10.0;
          int times = rnd.nextInt(12) == 0 ? 2 + rnd.nextInt(2) : 1;
          for (int k = 0; k < times; k++) {
            t.append(a).append(',').append(b).append(',').append(m).append('\n');
          }
        }
      }
    }
    // Population by age band, current and old communes (old ones summed into the current).
    StringBuilder p = new StringBuilder("commune," + String.join(",", ALL_BANDS) + "\n");
    for (String c : all) {
      p.append(c);
      for (int a = 0; a < ALL_BANDS.length; a++) {
        p.append(',').append(rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(40_000) / 13.0);
      }
      p.append('\n');
    }
    // Doctors: one to five practices, in current or old communes, acts with decimals.
    StringBuilder d = new StringBuilder("doctor_id,commune,acts,age,mode,new_installation\n");
    for (int k = 0; k < 3 * n; k++) {
      String id = String.format(Locale.ROOT, "D%05d", k + 1);
      int age = 28 + rnd.nextInt(45);
      String mode = rnd.nextInt(8) == 0 ? "centre_sante" : "liberal";
      int fresh = mode.equals("liberal") && rnd.nextInt(15) == 0 ? 1 : 0;
      List<String> practices = new ArrayList<>(all);
      Collections.shuffle(practices, rnd);
      int count = 1 + rnd.nextInt(rnd.nextInt(3) == 0 ? 5 : 2);
      // Most second and later practices in old codes of one merged commune, so that three or
      // more practices of one doctor become one and their acts are added before the bounds.
      int merged = rnd.nextInt(5);
      for (int q = 0; q < count; q++) {
        String c = q > 0 && rnd.nextInt(4) > 0
            ? old.get(merged + 5 * rnd.nextInt((old.size() - merged + 4) / 5))
            : practices.get(q);
        if (d.indexOf("\n" + id + "," + c + ",") >= 0) {
          continue;
        }
        double acts = rnd.nextInt(3_000_000) / 1000.0;
        d.append(id).append(',').append(c).append(',').append(acts).append(',').append(age);
        d.append(',').append(mode).append(',').append(fresh).append('\n');
      }
    }
    // Supply: non-integer consultations, the capped column at most the total.
    StringBuilder s = new StringBuilder("commune,consultations,consultations_moins65\n");
    for (String c : all) {
      if (rnd.nextInt(3) > 0) {
        double v = rnd.nextInt(90_000_000) / 1000.0;
        double u = Math.floor(v * rnd.nextDouble() * 1000) / 1000.0;
        s.append(c).append(',').append(v).append(',').append(u).append('\n');
      }
    }
    // Scenarios: supply deltas (positive, to stay >= 0) and population deltas, several rows each.
    StringBuilder sc = new StringBuilder("scenario,commune,delta,population_delta\n");
    for (int k = 0; k < 3; k++) {
      List<String> communes = new ArrayList<>(current);
      Collections.shuffle(communes, rnd);
      for (String c : communes.subList(0, 4)) {
        boolean supply = rnd.nextBoolean();
        sc.append("s").append(k).append(',').append(c).append(',');
        sc.append(supply ? String.valueOf(rnd.nextInt(9_000_000) / 1000.0) : "").append(',');
        sc.append(supply ? "" : String.valueOf(rnd.nextInt(400_000) / 100.0)).append('\n');
      }
    }
    Files.writeString(world.resolve("times.csv"), t, StandardCharsets.UTF_8);
    Files.writeString(world.resolve("population.csv"), p, StandardCharsets.UTF_8);
    Files.writeString(world.resolve("doctors.csv"), d, StandardCharsets.UTF_8);
    Files.writeString(world.resolve("supply.csv"), s, StandardCharsets.UTF_8);
    Files.writeString(world.resolve("scenarios.csv"), sc, StandardCharsets.UTF_8);
    Files.writeString(world.resolve("cog.csv"), cog, StandardCharsets.UTF_8);
  }

  private static String[] bandColumns() {
    String[] b = new String[19];
    for (int a = 0; a < 18; a++) {
      b[a] = "p_" + (5 * a) + "_" + (5 * a + 4);
    }
    b[18] = "p_90p";
    return b;
  }
}
