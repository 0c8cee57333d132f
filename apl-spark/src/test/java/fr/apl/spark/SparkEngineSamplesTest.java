package fr.apl.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import fr.apl.core.AccessMethod;
import fr.apl.core.Catchments;
import fr.apl.engine.Engine;
import fr.apl.engine.Kernel;
import fr.apl.io.TimesFile;
import fr.apl.io.csv.ReadProgress;
import fr.apl.job.AplJob;
import fr.apl.job.AplRequest;
import fr.apl.job.AplRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code apl compute --engine spark} against the local engine on every sample folder: the same
 * request run by {@link AplJob} on both engines, every method, 1, 3 and 16 partitions. The local
 * engine's figures are the expected ones; the Spark engine gives them to the bit.
 */
class SparkEngineSamplesTest {

  static final Path SAMPLES = Path.of("..", "data-samples");

  static Stream<Arguments> samples() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (String folder : new String[] {"territoire-de-belfort-90", "haute-loire-43", "france"}) {
      for (int partitions : new int[] {1, 3, 16}) {
        b.add(Arguments.of(folder, partitions));
      }
    }
    return b.build();
  }

  /** The request of a sample: supply per commune, or doctors with scenarios (Haute-Loire). */
  static AplRequest.Builder request(String folder) {
    Path dir = SAMPLES.resolve(folder);
    Path times = Files.exists(dir.resolve("times.csv.gz"))
        ? dir.resolve("times.csv.gz")
        : dir.resolve("times.csv");
    AplRequest.Builder b =
        AplRequest.builder().times(TimesFile.of(times, ReadProgress.NONE)).threads(2);
    if (folder.equals("haute-loire-43")) {
      return b.doctors(dir.resolve("doctors.csv"))
          .population(dir.resolve("population_sex_age.csv"))
          .scenarios(dir.resolve("scenarios.csv"));
    }
    return b.supply(dir.resolve("supply.csv")).population(dir.resolve("population.csv"));
  }

  @ParameterizedTest(name = "{0}, {1} partitions")
  @MethodSource("samples")
  void sparkGivesTheLocalFigures(String folder, int partitions) throws IOException {
    try (OneKernel spark = new OneKernel(new SparkEngine(LocalSpark.get(), partitions))) {
      for (String name : AccessMethod.names()) {
        AccessMethod m = AccessMethod.of(name);
        AplRun local = AplJob.run(request(folder).method(m).build());
        AplRun onSpark = AplJob.run(request(folder).method(m).engine(spark).build());
        String where = folder + ", " + partitions + " partitions, " + name;
        assertFalse(
            local.validation().hasErrors(), where + ": " + local.validation().problems());
        assertNotNull(local.result(), where);
        assertNotNull(onSpark.result(), where);
        SparkEngineWorldsTest.assertSame(local.result(), onSpark.result(), where);
      }
    }
  }

  /**
   * Puts the pairs on the engine once for all the methods of a test: each run of the job reads
   * the same matrix under the same decay, so the first kernel serves them all.
   */
  static final class OneKernel implements Engine, AutoCloseable {
    private final Engine engine;
    private Kernel kernel;

    OneKernel(Engine engine) {
      this.engine = engine;
    }

    @Override
    public String name() {
      return engine.name();
    }

    @Override
    public Kernel kernel(Catchments catchments, int threads) {
      if (kernel == null) {
        kernel = engine.kernel(catchments, threads);
      }
      Kernel k = kernel;
      return new Kernel() {
        @Override
        public String[] codes() {
          return k.codes();
        }

        @Override
        public int places() {
          return k.places();
        }

        @Override
        public double selfWeight() {
          return k.selfWeight();
        }

        @Override
        public long pairCount() {
          return k.pairCount();
        }

        @Override
        public long pairsInReach() {
          return k.pairsInReach();
        }

        @Override
        public int selfPairsAdded() {
          return k.selfPairsAdded();
        }

        @Override
        public long duplicatePairs() {
          return k.duplicatePairs();
        }

        @Override
        public void toPractices(double[][] x, boolean squared, double[][] out) {
          k.toPractices(x, squared, out);
        }

        @Override
        public void toResidences(double[][] x, boolean squared, double[][] out) {
          k.toResidences(x, squared, out);
        }

        @Override
        public void countReached(double[] supply, double[] demand, int[] out) {
          k.countReached(supply, demand, out);
        }
      };
    }

    @Override
    public void close() {
      if (kernel != null) {
        kernel.close();
      }
    }
  }
}
