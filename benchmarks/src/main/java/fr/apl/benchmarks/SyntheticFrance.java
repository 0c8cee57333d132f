package fr.apl.benchmarks;

import fr.apl.demand.Population;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.place.CommuneValues;
import fr.apl.supply.Supply;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Generates a France-sized world from a seed: 35 000 communes on a 1000 km × 1000 km plane, the
 * road times of every ordered pair within 20 minutes, standardised populations and the supply of
 * about 10 000 practice communes.
 *
 * <p>The real France sample has 34 954 communes and 2.76 million pairs under 20 minutes; this
 * world is tuned to the same size (about 2.8 million pairs, self pairs included) so that the
 * benchmarks measure the same work without shipping a 47 MB table. Communes are drawn 25 %
 * uniform and 75 % around 400 towns of various sizes and spreads (σ 5 to 20 km): a uniform plane
 * would give only about 25 neighbours a commune, France has about 80. The clusters put more pairs
 * under 10 minutes than France has (30 % against 11 %); the work per pair hardly depends on the
 * time (the decay looks at one to three bands).
 *
 * <p>Times: crow-flies distance at 60 km/h (1 km a minute) times a detour factor in [1.1, 1.6)
 * drawn per ordered pair (so {@code t_ij != t_ji}, as on real roads), rounded to a tenth of a
 * minute. Pairs at or under 20.0 minutes are kept; each commune's self pair is kept at 0.0. The
 * times in memory are exactly the doubles the CSV reader gives back from the one-decimal text.
 *
 * <p>Codes are {@code %05d} of 1001, 1002…, given in a snake order over 100 km squares so that,
 * as INSEE codes do by department, neighbouring codes are mostly neighbouring communes. Pairs are
 * stored sorted by origin code, then destination code, as a real table usually is.
 *
 * <p>Everything comes from {@code new Random(seed)} and a hash of (seed, origin, destination): the
 * same seed gives the same world, whatever the machine. No clock is read. Array accessors return
 * the internal arrays without copying: callers must not modify them.
 */
public final class SyntheticFrance {

  /** The seed of {@link #standard()}. */
  public static final long SEED = 20_261_125L;
  /** Number of communes. */
  public static final int COMMUNES = 35_000;
  /** Number of communes with supply. */
  public static final int SUPPLIED_COMMUNES = 10_000;

  private static final double SIDE_KM = 1000;
  private static final double MAX_MINUTES = 20;
  private static final double KM_PER_MINUTE = 1.0;
  private static final double MIN_DETOUR = 1.1;
  private static final double DETOUR_SPAN = 0.5;
  private static final int TOWNS = 400;
  private static final double UNIFORM_SHARE = 0.25;
  /** Consultations a year per standardised inhabitant, about the French mean. */
  private static final double CONSULTATIONS_PER_INHABITANT = 4.0;

  private static SyntheticFrance standard;

  private final long seed;
  private final String[] codes;
  private final int[] origin;
  private final int[] destination;
  private final double[] minutes;
  private final Population population;
  private final Supply supply;

  private SyntheticFrance(long seed) {
    this.seed = seed;
    Random rnd = new Random(seed);
    double[][] xy = places(rnd);
    double[] x = xy[0];
    double[] y = xy[1];
    codes = new String[COMMUNES];
    for (int i = 0; i < COMMUNES; i++) {
      codes[i] = String.format(Locale.ROOT, "%05d", 1001 + i);
    }
    int[][] pairs = pairsInReach(x, y);
    origin = pairs[0];
    destination = pairs[1];
    minutes = new double[origin.length];
    for (int k = 0; k < minutes.length; k++) {
      minutes[k] = pairs[2][k] / 10.0;
    }
    double[] people = new double[COMMUNES];
    CommuneValues.Builder pop = CommuneValues.builder();
    for (int i = 0; i < COMMUNES; i++) {
      // Log-normal, median 400 standardised inhabitants, mean about 930: close to French communes.
      people[i] = Math.round(400 * Math.exp(1.3 * rnd.nextGaussian()) * 10) / 10.0;
      pop.add(codes[i], people[i]);
    }
    population = Population.standardised(pop.build());
    supply = Supply.of(supplyOfLargest(people, rnd));
  }

  /** Returns the world of {@link #SEED}, built once per JVM (a few seconds) and then shared. */
  public static synchronized SyntheticFrance standard() {
    if (standard == null) {
      standard = new SyntheticFrance(SEED);
    }
    return standard;
  }

  /** Returns a new world of the given seed. */
  public static SyntheticFrance generate(long seed) {
    return new SyntheticFrance(seed);
  }

  /**
   * Prints the summary of the standard world:
   * {@code java -cp benchmarks/target/benchmarks.jar fr.apl.benchmarks.SyntheticFrance}.
   */
  public static void main(String[] args) {
    System.out.println(standard().summary());
  }

  /** Returns one line with the seed, communes, pairs and supplied communes. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "synthetic France seed %d: %d communes, %d pairs within %.0f minutes (self pairs"
            + " included), %d communes with supply",
        seed,
        codes.length,
        origin.length,
        MAX_MINUTES,
        SUPPLIED_COMMUNES);
  }

  /** Returns the commune codes by index (internal array). */
  public String[] codes() {
    return codes;
  }

  /** Returns the number of pairs, self pairs included. */
  public int pairCount() {
    return origin.length;
  }

  /** Returns the origin index of each pair (internal array). */
  public int[] origins() {
    return origin;
  }

  /** Returns the destination index of each pair (internal array). */
  public int[] destinations() {
    return destination;
  }

  /** Returns the minutes of each pair, multiples of 0.1 (internal array). */
  public double[] minutes() {
    return minutes;
  }

  /** Builds the travel-time matrix of the pairs: a new one on each call, about 60 ms. */
  public TravelTimeMatrix matrix() {
    return TravelTimeMatrix.fromIndexedPairs(codes, origin, destination, minutes, origin.length);
  }

  /** Returns the standardised population of every commune. */
  public Population population() {
    return population;
  }

  /** Returns the supply of the {@link #SUPPLIED_COMMUNES} most populated communes. */
  public Supply supply() {
    return supply;
  }

  /**
   * Renders the times as {@code origin,destination,minutes} UTF-8 CSV with LF line ends and one
   * decimal ({@code 01001,01002,12.3}): about 17 bytes a pair, close to 48 MB.
   */
  public byte[] timesCsv() {
    byte[][] codeBytes = new byte[codes.length][];
    for (int i = 0; i < codes.length; i++) {
      codeBytes[i] = codes[i].getBytes(StandardCharsets.US_ASCII);
    }
    byte[] header = "origin,destination,minutes\n".getBytes(StandardCharsets.US_ASCII);
    // 5 + 1 + 5 + 1 + "20.0" + LF = 17 bytes at most a line.
    byte[] out = new byte[header.length + 17 * origin.length];
    System.arraycopy(header, 0, out, 0, header.length);
    int p = header.length;
    for (int k = 0; k < origin.length; k++) {
      byte[] o = codeBytes[origin[k]];
      System.arraycopy(o, 0, out, p, o.length);
      p += o.length;
      out[p++] = ',';
      byte[] d = codeBytes[destination[k]];
      System.arraycopy(d, 0, out, p, d.length);
      p += d.length;
      out[p++] = ',';
      int tenths = (int) Math.round(minutes[k] * 10);
      int whole = tenths / 10;
      if (whole >= 10) {
        out[p++] = (byte) ('0' + whole / 10);
      }
      out[p++] = (byte) ('0' + whole % 10);
      out[p++] = '.';
      out[p++] = (byte) ('0' + tenths % 10);
      out[p++] = '\n';
    }
    return Arrays.copyOf(out, p);
  }

  /**
   * Draws the communes' places and returns {x, y} in km, already in code order (snake over
   * 100 km squares, then by x inside a square).
   */
  private static double[][] places(Random rnd) {
    double[] townX = new double[TOWNS];
    double[] townY = new double[TOWNS];
    double[] townSpreadKm = new double[TOWNS];
    double[] cumulative = new double[TOWNS];
    double total = 0;
    for (int t = 0; t < TOWNS; t++) {
      townX[t] = SIDE_KM * rnd.nextDouble();
      townY[t] = SIDE_KM * rnd.nextDouble();
      townSpreadKm[t] = 5 + 15 * rnd.nextDouble();
      // Pareto-like sizes: a few large towns draw many communes around them.
      total += Math.pow(1 - rnd.nextDouble(), -0.7);
      cumulative[t] = total;
    }
    double[] x = new double[COMMUNES];
    double[] y = new double[COMMUNES];
    for (int i = 0; i < COMMUNES; i++) {
      if (rnd.nextDouble() < UNIFORM_SHARE) {
        x[i] = SIDE_KM * rnd.nextDouble();
        y[i] = SIDE_KM * rnd.nextDouble();
        continue;
      }
      int t = Arrays.binarySearch(cumulative, total * rnd.nextDouble());
      t = t < 0 ? -t - 1 : t;
      do {
        x[i] = townX[t] + townSpreadKm[t] * rnd.nextGaussian();
        y[i] = townY[t] + townSpreadKm[t] * rnd.nextGaussian();
      } while (x[i] < 0 || x[i] >= SIDE_KM || y[i] < 0 || y[i] >= SIDE_KM);
    }
    Integer[] order = new Integer[COMMUNES];
    double[] key = new double[COMMUNES];
    for (int i = 0; i < COMMUNES; i++) {
      order[i] = i;
      int row = (int) (y[i] / 100);
      int column = (int) (x[i] / 100);
      int square = row * 10 + (row % 2 == 0 ? column : 9 - column);
      key[i] = square * SIDE_KM + x[i];
    }
    Arrays.sort(order, (a, b) -> Double.compare(key[a], key[b]));
    double[] sortedX = new double[COMMUNES];
    double[] sortedY = new double[COMMUNES];
    for (int k = 0; k < COMMUNES; k++) {
      sortedX[k] = x[order[k]];
      sortedY[k] = y[order[k]];
    }
    return new double[][] {sortedX, sortedY};
  }

  /**
   * Finds every ordered pair within {@link #MAX_MINUTES} through a grid of cells as wide as the
   * farthest reachable distance, and returns {origin, destination, tenths of a minute} sorted by
   * origin then destination.
   */
  private int[][] pairsInReach(double[] x, double[] y) {
    double reachKm = MAX_MINUTES * KM_PER_MINUTE / MIN_DETOUR;
    int side = (int) Math.ceil(SIDE_KM / reachKm);
    int[] cellStart = new int[side * side + 1];
    int[] cellOf = new int[COMMUNES];
    for (int i = 0; i < COMMUNES; i++) {
      cellOf[i] = (int) (y[i] / reachKm) * side + (int) (x[i] / reachKm);
      cellStart[cellOf[i] + 1]++;
    }
    for (int c = 0; c < side * side; c++) {
      cellStart[c + 1] += cellStart[c];
    }
    int[] fill = cellStart.clone();
    int[] members = new int[COMMUNES];
    for (int i = 0; i < COMMUNES; i++) {
      members[fill[cellOf[i]]++] = i;
    }
    int[] o = new int[3_200_000];
    int[] d = new int[o.length];
    int[] tenths = new int[o.length];
    int count = 0;
    long[] row = new long[1024];
    int maxTenths = (int) Math.round(MAX_MINUTES * 10);
    for (int i = 0; i < COMMUNES; i++) {
      int found = 0;
      int cx = cellOf[i] % side;
      int cy = cellOf[i] / side;
      for (int gy = Math.max(0, cy - 1); gy <= Math.min(side - 1, cy + 1); gy++) {
        for (int gx = Math.max(0, cx - 1); gx <= Math.min(side - 1, cx + 1); gx++) {
          int c = gy * side + gx;
          for (int m = cellStart[c]; m < cellStart[c + 1]; m++) {
            int j = members[m];
            int t = 0;
            if (j != i) {
              double km = Math.hypot(x[i] - x[j], y[i] - y[j]);
              t = (int) Math.round(km / KM_PER_MINUTE * detour(i, j) * 10);
              if (t > maxTenths) {
                continue;
              }
            }
            if (found == row.length) {
              row = Arrays.copyOf(row, found * 2);
            }
            row[found++] = (long) j << 32 | t;
          }
        }
      }
      Arrays.sort(row, 0, found);
      if (count + found > o.length) {
        int size = Math.max(count + found, o.length + (o.length >> 1));
        o = Arrays.copyOf(o, size);
        d = Arrays.copyOf(d, size);
        tenths = Arrays.copyOf(tenths, size);
      }
      for (int k = 0; k < found; k++) {
        o[count] = i;
        d[count] = (int) (row[k] >>> 32);
        tenths[count] = (int) row[k];
        count++;
      }
    }
    return new int[][] {
      Arrays.copyOf(o, count), Arrays.copyOf(d, count), Arrays.copyOf(tenths, count)
    };
  }

  /** Returns the detour factor of the ordered pair (i, j), in [1.1, 1.6), from a hash. */
  private double detour(int i, int j) {
    long z = seed + 0x9E3779B97F4A7C15L * ((long) i * COMMUNES + j + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return MIN_DETOUR + DETOUR_SPAN * ((z >>> 11) * 0x1.0p-53);
  }

  /**
   * Gives supply to the {@link #SUPPLIED_COMMUNES} most populated communes: about 4 consultations
   * a year per standardised inhabitant of the whole world, spread in proportion to their
   * population with a log-normal scatter (σ 0.5), whole consultations.
   */
  private CommuneValues supplyOfLargest(double[] people, Random rnd) {
    Integer[] byPeople = new Integer[COMMUNES];
    double totalPeople = 0;
    for (int i = 0; i < COMMUNES; i++) {
      byPeople[i] = i;
      totalPeople += people[i];
    }
    // Ties broken by index: the order does not depend on the sort's stability.
    Arrays.sort(
        byPeople,
        (a, b) ->
            people[a] != people[b] ? Double.compare(people[b], people[a]) : Integer.compare(a, b));
    double suppliedPeople = 0;
    for (int k = 0; k < SUPPLIED_COMMUNES; k++) {
      suppliedPeople += people[byPeople[k]];
    }
    double perInhabitant = CONSULTATIONS_PER_INHABITANT * totalPeople / suppliedPeople;
    CommuneValues.Builder b = CommuneValues.builder();
    for (int k = 0; k < SUPPLIED_COMMUNES; k++) {
      int i = byPeople[k];
      b.add(codes[i], Math.round(people[i] * perInhabitant * Math.exp(0.5 * rnd.nextGaussian())));
    }
    return b.build();
  }
}
