package fr.apl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void rangesAreFixedByTheCountAlone() {
    // 12 000 indices in chunks of 2 048: 5 full chunks and 12 000 − 10 240 = 1 760 left over.
    List<String> expected =
        List.of("0-2048", "2048-4096", "4096-6144", "6144-8192", "8192-10240", "10240-12000");
    for (int threads : new int[] {2, 3, 8, 64}) {
      List<String> ranges = Collections.synchronizedList(new ArrayList<>());
      AtomicIntegerArray hits = new AtomicIntegerArray(12_000);
      Parallel.forRange(12_000, threads, (from, to) -> {
        ranges.add(from + "-" + to);
        for (int k = from; k < to; k++) {
          hits.incrementAndGet(k);
        }
      });
      List<String> sorted = new ArrayList<>(ranges);
      sorted.sort((x, y) ->
          Integer.compare(Integer.parseInt(x.split("-")[0]), Integer.parseInt(y.split("-")[0])));
      assertEquals(expected, sorted, threads + " threads");
      for (int k = 0; k < hits.length(); k++) {
        assertEquals(1, hits.get(k), "index " + k + ", " + threads + " threads");
      }
    }
  }

  @Test
  void oneThreadOrOneChunkRunsInOneCall() {
    List<String> ranges = new ArrayList<>();
    Parallel.forRange(12_000, 1, (from, to) -> ranges.add(from + "-" + to));
    // 2 048 indices fit one chunk: no helper thread even with 8 asked.
    Parallel.forRange(2048, 8, (from, to) -> ranges.add(from + "-" + to));
    Parallel.forRange(0, 8, (from, to) -> ranges.add(from + "-" + to));
    assertEquals(List.of("0-12000", "0-2048", "0-0"), ranges);
  }

  @Test
  void aTaskFailureReachesTheCaller() {
    IllegalStateException boom = new IllegalStateException("boom");
    IllegalStateException thrown = assertThrows(
        IllegalStateException.class,
        () -> Parallel.forRange(10_000, 4, (from, to) -> {
          if (from == 4096) {
            throw boom;
          }
        }));
    assertSame(boom, thrown);
  }

  @Test
  void gatherAndRatio() {
    // Rows {0: [1·x0, 2·x2]}, {1: []}, {2: [0.5·x1]} with x = (1, 10, 100), the weights given
    // by band (band 0 weighs 0.5, 1 weighs 1, 2 weighs 2): out0 = 1 + 200 = 201, out1 = 0,
    // out2 = 5.
    double[] out = new double[3];
    TwoStepKernel.gather(
        new int[] {0, 2, 2, 3},
        new int[] {0, 2, 1},
        new char[] {1, 2, 0},
        new double[] {0.5, 1, 2},
        new double[] {1, 10, 100},
        out,
        0,
        3);
    assertEquals(201.0, out[0]);
    assertEquals(0.0, out[1]);
    assertEquals(5.0, out[2]);
    // 6/3 = 2; a zero demand gives 0, not NaN or infinity.
    double[] ratio = new double[2];
    TwoStepKernel.ratio(new double[] {6, 5}, new double[] {3, 0}, ratio, 0, 2);
    assertEquals(2.0, ratio[0]);
    assertEquals(0.0, ratio[1]);
  }
}
