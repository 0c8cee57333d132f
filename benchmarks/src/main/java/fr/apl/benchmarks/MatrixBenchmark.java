package fr.apl.benchmarks;

import fr.apl.core.Apl;
import fr.apl.core.Catchments;
import fr.apl.decay.DistanceDecay;
import fr.apl.matrix.TravelTimeMatrix;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the two builds between reading and computing, on the synthetic France pairs (2.8
 * million): {@link TravelTimeMatrix#fromIndexedPairs} (renumbering, validation, a counting sort
 * into rows, rows sorted by destination) and {@link Apl#prepare} (decay per pair, both orientations of the catchments) under
 * the DREES general-practitioner decay.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class MatrixBenchmark {

  private SyntheticFrance world;
  private TravelTimeMatrix matrix;
  private DistanceDecay decay;

  /** Generates the world and builds the matrix that {@link #prepare} starts from. */
  @Setup(Level.Trial)
  public void setUp() {
    world = SyntheticFrance.standard();
    matrix = world.matrix();
    decay = DistanceDecay.dreesGeneralPractitioners();
    System.out.println("# " + world.summary());
  }

  /** Builds the matrix from index arrays, as the CSV reader does at its end. */
  @Benchmark
  public TravelTimeMatrix fromIndexedPairs() {
    return TravelTimeMatrix.fromIndexedPairs(
        world.codes(), world.origins(), world.destinations(), world.minutes(), world.pairCount());
  }

  /** The thread count of {@link #prepare}. */
  @State(Scope.Benchmark)
  public static class Threads {
    @Param({"1", "2"})
    int threads;
  }

  /** Builds the catchments (weights in both orientations) from the matrix. */
  @Benchmark
  public Catchments prepare(Threads t) {
    return Apl.prepare(matrix, decay, t.threads);
  }
}
