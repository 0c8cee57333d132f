package fr.apl.benchmarks;

import fr.apl.core.Apl;
import fr.apl.core.AplResult;
import fr.apl.core.Catchments;
import fr.apl.core.Variant;
import fr.apl.decay.DistanceDecay;
import fr.apl.demand.Population;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.place.CommuneValues;
import fr.apl.supply.Supply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Runs APL at the scale of a 200 m grid, end to end in memory, and prints the time and memory of
 * each step: 1 000 × 1 000 populated cells of 200 m (a 200 km square), 50 000 practice points,
 * every cell-to-practice pair under 20 minutes (about 190 million pairs). Not a JMH benchmark: one
 * run of a few tens of seconds, seeded, so that anyone can repeat it:
 *
 * <pre>
 * java -Xmx20g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar fr.apl.benchmarks.GridScale
 * </pre>
 *
 * <p>Road time is modelled as 1 minute plus the crow-fly distance times a detour of 1.15 at
 * 25 km/h (an urban speed, which keeps the catchment near 7 km). Peak memory is the process's
 * resident high-water mark (VmHWM of /proc/self/status).
 */
public final class GridScale {

  private static final int SIDE = 1000;
  private static final double CELL_KM = 0.2;
  private static final int PRACTICES = 50_000;
  private static final double KMH = 25;
  private static final double DETOUR = 1.15;
  private static final double MAX_MINUTES = 20;

  private GridScale() {}

  /** Runs the scale test. */
  public static void main(String[] args) throws IOException {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 20261125L;
    Random rnd = new Random(seed);
    int cells = SIDE * SIDE;
    double[] px = new double[PRACTICES];
    double[] py = new double[PRACTICES];
    for (int p = 0; p < PRACTICES; p++) {
      px[p] = rnd.nextDouble() * SIDE * CELL_KM;
      py[p] = rnd.nextDouble() * SIDE * CELL_KM;
    }
    // Practices bucketed by 1 km squares, to visit only those within reach.
    double reachKm = (MAX_MINUTES - 1) / 60.0 * KMH / DETOUR;
    int buckets = (int) Math.ceil(SIDE * CELL_KM);
    int[] bucketStart = new int[buckets * buckets + 1];
    for (int p = 0; p < PRACTICES; p++) {
      bucketStart[bucket(px[p], py[p], buckets) + 1]++;
    }
    for (int b = 0; b < buckets * buckets; b++) {
      bucketStart[b + 1] += bucketStart[b];
    }
    int[] fill = bucketStart.clone();
    int[] inBucket = new int[PRACTICES];
    for (int p = 0; p < PRACTICES; p++) {
      inBucket[fill[bucket(px[p], py[p], buckets)]++] = p;
    }
    long t0 = System.nanoTime();
    long pairs = visit(cells, px, py, bucketStart, inBucket, buckets, reachKm, null, null, null);
    if (pairs > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(pairs + " pairs: more than an int array holds");
    }
    int[] origin = new int[(int) pairs];
    int[] destination = new int[(int) pairs];
    double[] minutes = new double[(int) pairs];
    visit(cells, px, py, bucketStart, inBucket, buckets, reachKm, origin, destination, minutes);
    String[] codes = new String[cells + PRACTICES];
    for (int c = 0; c < cells; c++) {
      codes[c] = String.format(Locale.ROOT, "c%07d", c);
    }
    for (int p = 0; p < PRACTICES; p++) {
      codes[cells + p] = String.format(Locale.ROOT, "p%05d", p);
    }
    long t1 = System.nanoTime();
    report(
        "generate",
        pairs + " cell-to-practice pairs under 20 min, "
            + String.format(Locale.ROOT, "%.0f", (double) pairs / cells) + " per cell",
        t0,
        t1);

    int threads = Runtime.getRuntime().availableProcessors();
    TravelTimeMatrix matrix = TravelTimeMatrix.fromIndexedPairs(
        List.of(
            new TravelTimeMatrix.IndexedPairs(codes, origin, destination, minutes, (int) pairs)),
        threads);
    origin = null;
    destination = null;
    minutes = null;
    long t2 = System.nanoTime();
    report(
        "matrix",
        matrix.communeCount() + " ids, " + matrix.pairCount() + " pairs, " + threads + " threads",
        t1,
        t2);

    Catchments catchments = Apl.prepare(matrix, DistanceDecay.dreesGeneralPractitioners(), threads);
    long t3 = System.nanoTime();
    report(
        "prepare",
        catchments.pairsInReach() + " pairs in reach, both orientations, " + threads + " threads",
        t2,
        t3);

    CommuneValues.Builder pop = CommuneValues.builder();
    for (int c = 0; c < cells; c++) {
      pop.add(codes[c], Math.floor(rnd.nextDouble() * 40));
    }
    CommuneValues.Builder sup = CommuneValues.builder();
    for (int p = 0; p < PRACTICES; p++) {
      sup.add(codes[cells + p], 3600 + Math.floor(rnd.nextDouble() * 2400));
    }
    Population population = Population.standardised(pop.build());
    Supply supply = Supply.of(sup.build());
    long t4 = System.nanoTime();
    AplResult result = catchments.compute(population, List.of(Variant.of("apl", supply)), threads);
    long t5 = System.nanoTime();
    report(
        "compute",
        result.size() + " cells, " + threads + " threads, conservation error "
            + String.format(
                Locale.ROOT,
                "%.1e",
                result.diagnostics().variants().get(0).conservationRelativeError()),
        t4,
        t5);
    System.out.printf(
        Locale.ROOT,
        "total %.1f s (population and supply tables %.1f s), peak" + " resident memory %s%n",
        (t5 - t0) / 1e9,
        (t4 - t3) / 1e9,
        peak());
  }

  /** Counts the pairs within reach, or writes them when the arrays are given. */
  private static long visit(
      int cells,
      double[] px,
      double[] py,
      int[] bucketStart,
      int[] inBucket,
      int buckets,
      double reachKm,
      int[] origin,
      int[] destination,
      double[] minutes) {
    long n = 0;
    int span = (int) Math.ceil(reachKm);
    for (int c = 0; c < cells; c++) {
      double x = (c % SIDE + 0.5) * CELL_KM;
      double y = (c / SIDE + 0.5) * CELL_KM;
      int bx = (int) x;
      int by = (int) y;
      for (int gy = Math.max(0, by - span); gy <= Math.min(buckets - 1, by + span); gy++) {
        for (int gx = Math.max(0, bx - span); gx <= Math.min(buckets - 1, bx + span); gx++) {
          int b = gy * buckets + gx;
          for (int q = bucketStart[b]; q < bucketStart[b + 1]; q++) {
            int p = inBucket[q];
            double dx = px[p] - x;
            double dy = py[p] - y;
            double t = 1 + Math.sqrt(dx * dx + dy * dy) * DETOUR / KMH * 60;
            if (t <= MAX_MINUTES) {
              if (origin != null) {
                origin[(int) n] = c;
                destination[(int) n] = cells + p;
                minutes[(int) n] = Math.round(t * 10) / 10.0;
              }
              n++;
            }
          }
        }
      }
    }
    return n;
  }

  private static int bucket(double x, double y, int buckets) {
    return Math.min(buckets - 1, (int) y) * buckets + Math.min(buckets - 1, (int) x);
  }

  private static void report(String step, String what, long from, long to) {
    System.out.printf(
        Locale.ROOT,
        "%-9s %6.1f s  %-70s heap used %s%n",
        step,
        (to - from) / 1e9,
        what,
        mb(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()));
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
  }

  private static String peak() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return "unknown (no /proc)";
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        return mb(kb * 1024);
      }
    }
    return "unknown";
  }
}
