package fr.apl.benchmarks;

import fr.apl.core.Apl;
import fr.apl.core.AplResult;
import fr.apl.core.Catchments;
import fr.apl.core.Variant;
import fr.apl.decay.DistanceDecay;
import fr.apl.demand.Population;
import fr.apl.io.binary.MatrixFile;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.supply.Supply;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the two promises of scale: reading a France-sized binary matrix file
 * ({@link #readMatrixFile}: map, checksum, copy, checks), and a sweep of 100 scenarios on
 * one prepared matrix ({@link #sweep100}: 100 variants in one {@link Catchments#compute}, seeded;
 * {@code kind=supply}: each a retirement of 4 000 consultations in five random practice
 * communes; {@code kind=population}: each a housing estate of 2 000 standardised inhabitants in
 * five random communes, so that step 1 runs once per variant too).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms2g", "-Xmx2g"})
public class ScaleBenchmark {

  /** The synthetic France matrix written once to a temporary matrix file. */
  @State(Scope.Benchmark)
  public static class File {
    Path path;

    /** Writes the file. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      TravelTimeMatrix m = SyntheticFrance.standard().matrix();
      path = Files.createTempFile("apl-bench", ".aplm");
      try (OutputStream out = Files.newOutputStream(path)) {
        MatrixFile.write(m, out);
      }
      System.out.println(
          "# matrix file " + Files.size(path) + " bytes, " + m.pairCount() + " pairs");
    }

    /** Removes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      Files.deleteIfExists(path);
    }
  }

  /** The prepared world and 100 scenarios of its supply. */
  @State(Scope.Benchmark)
  public static class Sweep {
    @Param({"1", "2"})
    int threads;

    @Param({"supply", "population"})
    String kind;

    Catchments catchments;
    Population population;
    List<Variant> scenarios;

    /** Prepares the catchments and draws the scenarios. */
    @Setup(Level.Trial)
    public void setUp() {
      SyntheticFrance world = SyntheticFrance.standard();
      catchments = Apl.prepare(world.matrix(), DistanceDecay.dreesGeneralPractitioners());
      population = world.population();
      Supply base = world.supply();
      String[] supplied = base.consultationsPerYear().codes();
      Random rnd = new Random(SyntheticFrance.SEED);
      scenarios = new ArrayList<>();
      String[] communes = population.standardised().codes();
      for (int s = 0; s < 100; s++) {
        Map<String, Double> change = new TreeMap<>();
        if (kind.equals("supply")) {
          for (int k = 0; k < 5; k++) {
            String c = supplied[rnd.nextInt(supplied.length)];
            change.put(c, Math.max(0, base.consultationsPerYear().get(c) - 4000));
          }
          scenarios.add(Variant.of("s" + s, base.with(change)));
        } else {
          for (int k = 0; k < 5; k++) {
            String c = communes[rnd.nextInt(communes.length)];
            change.put(c, population.standardised().get(c) + 2000);
          }
          scenarios.add(Variant.of("p" + s, base, population.with(change)));
        }
      }
    }
  }

  /** Reads the France-sized matrix file back. */
  @Benchmark
  public TravelTimeMatrix readMatrixFile(File f) throws IOException {
    return MatrixFile.read(f.path);
  }

  /** Computes 100 supply or population scenarios on the prepared France-sized catchments. */
  @Benchmark
  public AplResult sweep100(Sweep s) {
    return s.catchments.compute(s.population, s.scenarios, s.threads);
  }
}
