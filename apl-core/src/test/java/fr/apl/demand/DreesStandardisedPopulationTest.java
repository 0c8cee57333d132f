package fr.apl.demand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fr.apl.place.CommuneValues;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks the 2023 age weights against what DREES published: INSEE census 2021 bands of 3 273
 * communes, standardised here, against the {@code pop_standardisee} of the DREES APL 2023 file.
 */
class DreesStandardisedPopulationTest {

  private static final String CENSUS = "insee/pop_sexe_age5_rp2021_3273communes.csv.gz";
  private static final String DREES = "drees/apl_mg_2023_france.csv.gz";

  /** Census columns of the 18 bands under 90; DREES's 90+ is p_90_94 + p_95p. */
  private static final String[] UNDER_90 = {
    "p_0_4", "p_5_9", "p_10_14", "p_15_19", "p_20_24", "p_25_29", "p_30_34", "p_35_39", "p_40_44",
    "p_45_49", "p_50_54", "p_55_59", "p_60_64", "p_65_69", "p_70_74", "p_75_79", "p_80_84",
    "p_85_89"
  };

  @Test
  void csvSplitHandlesQuotedCommas() {
    assertArrayEquals(
        new String[] {"13055", "Marseille, 1er", "", "say \"hi\""},
        TestData.splitCsvLine("13055,\"Marseille, 1er\",,\"say \"\"hi\"\"\""));
    assertArrayEquals(
        new String[] {"code_commune", "x"}, TestData.splitCsvLine("\uFEFFcode_commune,x"));
  }

  /**
   * The 2023 weights without rescaling reproduce DREES's standardised population with a median
   * ratio of 1.0013 over the 3 273 communes (computed once from these two files; the ratios run
   * from 0.67 to 1.21, since the census year 2021 is not the population year DREES used). The
   * median must stay within 0.5 % of 1: a wrong band order or a dropped 95+ column moves it by
   * several percent.
   */
  @Test
  void weights2023ReproduceDreesStandardisedPopulation() {
    Path census = TestData.file(CENSUS);
    Path drees = TestData.file(DREES);

    List<String[]> censusRows = TestData.readCsv(census);
    String[] header = censusRows.get(0);
    int code = TestData.column(header, "code_commune");
    int[] band = new int[UNDER_90.length];
    for (int a = 0; a < UNDER_90.length; a++) {
      band[a] = TestData.column(header, UNDER_90[a]);
    }
    int p90 = TestData.column(header, "p_90_94");
    int p95 = TestData.column(header, "p_95p");
    AgeBandPopulation.Builder builder = AgeBandPopulation.builder();
    for (int r = 1; r < censusRows.size(); r++) {
      String[] row = censusRows.get(r);
      if (row.length != header.length) {
        fail(census + ":" + (r + 1) + ": " + row.length + " fields, header has " + header.length);
      }
      double[] residents = new double[AgeWeights.BANDS];
      for (int a = 0; a < UNDER_90.length; a++) {
        residents[a] = Double.parseDouble(row[band[a]]);
      }
      residents[18] = Double.parseDouble(row[p90]) + Double.parseDouble(row[p95]);
      builder.add(row[code], residents);
    }
    CommuneValues ours =
        builder.build().standardise(AgeWeights.drees2023(), Rescaling.none()).standardised();
    assertEquals(3273, ours.size());

    List<String[]> dreesRows = TestData.readCsv(drees);
    int dreesCode = TestData.column(dreesRows.get(0), "code_commune");
    int dreesPop = TestData.column(dreesRows.get(0), "pop_standardisee");
    Map<String, Double> published = new HashMap<>();
    for (int r = 1; r < dreesRows.size(); r++) {
      String[] row = dreesRows.get(r);
      published.put(row[dreesCode], Double.parseDouble(row[dreesPop]));
    }

    double[] ratios = new double[ours.size()];
    int n = 0;
    for (int k = 0; k < ours.size(); k++) {
      Double p = published.get(ours.code(k));
      if (p != null && p > 0) {
        ratios[n++] = ours.value(k) / p;
      }
    }
    // Every census commune is in the DREES file (same 2023 geography); allow a handful of misses.
    assertTrue(n >= 3200, "only " + n + " of 3273 communes matched the DREES file");
    Arrays.sort(ratios, 0, n);
    double median = n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
    assertEquals(1.0, median, 0.005, "median ratio standardised / DREES over " + n + " communes");
  }
}
