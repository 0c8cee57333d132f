package fr.apl.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.decay.DistanceDecay;
import fr.apl.engine.Engine;
import fr.apl.engine.EngineNotFoundException;
import fr.apl.engine.Kernel;
import fr.apl.supply.Supply;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine seam: an engine that holds the pairs its own way (here rows copied out with {@link
 * Catchments#row}, summed by plain loops that count their passes) gives the local engine's
 * figures to the last bit, every method, several variants at once, in one pass per step.
 */
class EngineSeamTest {

  static LongStream seeds() {
    return LongStream.range(4000, 4030);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anotherEngineGivesTheLocalBits(long seed) {
    RandomWorld w = RandomWorld.generate(seed);
    Catchments c = Apl.prepare(w.matrix(), DistanceDecay.dreesGeneralPractitioners());
    double[] half = new double[w.size()];
    for (int i = 0; i < half.length; i++) {
      half[i] = 0.5 * w.supply[i];
    }
    Supply s2 = w.supplyOf(half, w.inSupply);
    List<Variant> variants =
        List.of(Variant.of("apl", w.supplyValues()), Variant.of("apl_half", s2));
    for (String name : AccessMethod.names()) {
      AccessMethod m = AccessMethod.of(name);
      String where = "seed " + seed + ", " + name;
      AplResult local = c.compute(w.populationValues(), variants, m, 2);
      RowsEngine engine = new RowsEngine();
      AplResult other;
      try (Kernel kernel = engine.kernel(c, 1)) {
        other = Apl.compute(kernel, w.populationValues(), variants, m);
      }
      for (int v = 0; v < variants.size(); v++) {
        for (int k = 0; k < local.size(); k++) {
          assertEquals(local.apl(v, k), other.apl(v, k), where);
        }
      }
      assertEquals(local.diagnostics(), other.diagnostics(), where);
      assertArrayEquals(practices(local), practices(other), where + ": practices in reach");
      // Two variants, one population: never more passes than a method needs for one variant.
      assertTrue(engine.passes <= 6, where + ": " + engine.passes + " passes");
      assertTrue(engine.closed, where + ": the kernel is closed");
    }
  }

  @org.junit.jupiter.api.Test
  void enginesAreFoundByName() {
    assertSame(Engine.local(), Engine.named("LOCAL"));
    EngineNotFoundException e =
        assertThrows(EngineNotFoundException.class, () -> Engine.named("nowhere"));
    assertTrue(e.getMessage().contains("no engine named nowhere"), e.getMessage());
  }

  private static int[] practices(AplResult r) {
    int[] out = new int[r.size()];
    for (int k = 0; k < r.size(); k++) {
      out[k] = r.practicesInReach(k);
    }
    return out;
  }

  /** Holds each residence's row as copied out, sums in row order, counts its passes. */
  private static final class RowsEngine implements Engine {
    int passes;
    boolean closed;

    @Override
    public String name() {
      return "rows";
    }

    @Override
    public Kernel kernel(Catchments c, int threads) {
      int n = c.places();
      int[][] to = new int[n][];
      double[][] w = new double[n][];
      for (int i = 0; i < n; i++) {
        to[i] = new int[c.rowLength(i)];
        w[i] = new double[c.rowLength(i)];
        c.row(i, to[i], w[i]);
      }
      Kernel local = c.kernel(1);
      return new Kernel() {
        @Override
        public String[] codes() {
          return local.codes();
        }

        @Override
        public int places() {
          return n;
        }

        @Override
        public double selfWeight() {
          return c.selfWeight();
        }

        @Override
        public long pairCount() {
          return local.pairCount();
        }

        @Override
        public long pairsInReach() {
          return local.pairsInReach();
        }

        @Override
        public int selfPairsAdded() {
          return local.selfPairsAdded();
        }

        @Override
        public long duplicatePairs() {
          return local.duplicatePairs();
        }

        @Override
        public void toPractices(double[][] x, boolean squared, double[][] out) {
          passes++;
          // Residences in increasing order, so each practice sums them in that order.
          for (double[] o : out) {
            java.util.Arrays.fill(o, 0, n, 0.0);
          }
          for (int i = 0; i < n; i++) {
            for (int k = 0; k < to[i].length; k++) {
              double wk = squared ? w[i][k] * w[i][k] : w[i][k];
              for (int v = 0; v < x.length; v++) {
                out[v][to[i][k]] += wk * x[v][i];
              }
            }
          }
        }

        @Override
        public void toResidences(double[][] x, boolean squared, double[][] out) {
          passes++;
          for (int i = 0; i < n; i++) {
            for (int v = 0; v < x.length; v++) {
              double sum = 0.0;
              for (int k = 0; k < to[i].length; k++) {
                double wk = squared ? w[i][k] * w[i][k] : w[i][k];
                sum += wk * x[v][to[i][k]];
              }
              out[v][i] = sum;
            }
          }
        }

        @Override
        public void countReached(double[] supply, double[] demand, int[] out) {
          for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j : to[i]) {
              count += supply[j] > 0 && demand[j] > 0 ? 1 : 0;
            }
            out[i] = count;
          }
        }

        @Override
        public void close() {
          closed = true;
        }
      };
    }
  }
}
