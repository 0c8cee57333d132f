package fr.apl.io.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.demand.AgeBandPopulation;
import fr.apl.demand.AgeWeights;
import fr.apl.demand.DemandWeights;
import fr.apl.demand.Population;
import fr.apl.demand.Rescaling;
import fr.apl.place.CommuneValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The sample population by sex and age band of Haute-Loire ({@code
 * data-samples/haute-loire-43/population_sex_age.csv}, an ESTIMATE described in
 * data-samples/PROVENANCE.md) reads without a problem and covers the communes of the sample.
 */
class SamplePopulationBySexTest {

  private static Path sample() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("data-samples"))) {
      p = p.getParent();
    }
    assertNotNull(p, "data-samples/ not found above the working directory");
    return p.resolve("data-samples/haute-loire-43");
  }

  @Test
  void readsWithoutProblemAndCoversTheSample() throws IOException {
    ReadContext ctx = ReadContext.defaults();
    PopulationCsv.Table t = PopulationCsv.read(sample().resolve("population_sex_age.csv"), ctx);
    assertTrue(
        ctx.problems().build().problems().isEmpty(), ctx.problems().build().toString());
    AgeBandPopulation bands = t.bands();
    assertTrue(bands.hasWomen());
    assertTrue(bands.hasMen());

    // The same 1 010 communes as the standardised population of the sample (DREES 2023).
    CommuneValues drees = PopulationCsv.read(
            sample().resolve("population.csv"), AgeWeights.drees2023(), Rescaling.none())
        .standardised();
    Population gp = t.population(AgeWeights.drees2023(), Rescaling.none());
    assertEquals(1010, bands.size());
    assertArrayEquals(drees.codes(), gp.standardised().codes());

    // p = h + f in every band (the file writes them so, to the thousandth).
    for (String code : gp.standardised().codes()) {
      double[] both = bands.bands(code);
      double[] f = bands.women(code);
      double[] h = bands.men(code);
      for (int a = 0; a < AgeWeights.BANDS; a++) {
        assertEquals(both[a], f[a] + h[a], Math.max(1, both[a]) * 1e-9, code + " band " + a);
      }
    }
    // 1 218 818 residents: the pop_totale of the 940 estimated communes (553 426) and the census
    // bands of the 70 others (665 392, 285 more than their pop_totale); see PROVENANCE.md.
    assertEquals(1_218_818.0, gp.residents().sum(), 0.5);
    // Standardised with the DREES 2023 weights, the sample gives 0.995 times the DREES
    // standardised population (computed once with Python): bands in the wrong order or a sex
    // counted twice would move it by far more than 2 %.
    double ratio = gp.standardised().sum() / drees.sum();
    assertTrue(ratio > 0.98 && ratio < 1.02, "ratio " + ratio);

    // Midwife demand, women aged 15–49: 248 928 of the 1 218 818 residents, a share of 0.204
    // (computed once with Python).
    double[] w = new double[19];
    for (int a = 3; a <= 9; a++) {
      w[a] = 1;
    }
    Population midwives = t.population(
        DemandWeights.bySex(
            "midwives", AgeWeights.of("women 15-49", w), AgeWeights.of("none", new double[19])),
        Rescaling.none());
    double share = midwives.standardised().sum() / midwives.residents().sum();
    assertEquals(0.2042, share, 0.001, "share of women aged 15-49");
  }
}
