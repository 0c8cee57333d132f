package fr.apl.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.core.Apl;
import fr.apl.core.AplResult;
import fr.apl.core.Variant;
import fr.apl.decay.DistanceDecay;
import fr.apl.demand.Population;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.place.CommuneValues;
import fr.apl.supply.Supply;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Rows are formatted by batches of 2 048 on several threads: the text must be that of one
 * thread, in both dialects, over several rounds of batches.
 */
class AplCsvThreadsTest {

  @Test
  void threadsDoNotChangeTheText() throws IOException {
    Random rnd = new Random(42);
    int n = 20_000; // 10 batches: more than one round of 2 × threads batches
    TravelTimeMatrix.Builder b = TravelTimeMatrix.builder();
    CommuneValues.Builder pop = CommuneValues.builder();
    CommuneValues.Builder sup = CommuneValues.builder();
    for (int i = 0; i < n; i++) {
      String c = String.format(Locale.ROOT, "%05d", 1000 + i);
      b.add(c, c, 0);
      for (int q = 1; q <= 3; q++) {
        b.add(
            c, String.format(Locale.ROOT, "%05d", 1000 + (i + q * 7) % n), rnd.nextInt(250) / 10.0);
      }
      pop.add(c, rnd.nextInt(5000) * 1.25);
      if (rnd.nextDouble() < 0.3) {
        sup.add(c, rnd.nextInt(20000) / 3.0);
      }
    }
    Supply supply = Supply.of(sup.build());
    AplResult r = Apl.prepare(b.build(), DistanceDecay.dreesGeneralPractitioners())
        .compute(
            Population.standardised(pop.build()),
            List.of(
                Variant.of("apl", supply),
                Variant.of("apl_x", Supply.of(supply.consultationsPerYear().scaled(0.5)))),
            1);
    for (CsvDialect d : List.of(CsvDialect.STANDARD, CsvDialect.FRENCH)) {
      String one = text(r, d, 1);
      assertEquals(n + 1, one.lines().count());
      assertTrue(one.startsWith("commune" + d.separator() + "apl" + d.separator() + "apl_x"));
      for (int threads : new int[] {2, 3, 8}) {
        assertEquals(one, text(r, d, threads), threads + " threads, " + d);
      }
    }
  }

  private static String text(AplResult r, CsvDialect d, int threads) throws IOException {
    StringWriter w = new StringWriter();
    AplCsv.write(r, w, d, threads);
    return w.toString();
  }
}
