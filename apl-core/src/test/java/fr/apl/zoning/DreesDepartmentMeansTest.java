package fr.apl.zoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.demand.TestData;
import fr.apl.io.csv.ZoningCsv;
import fr.apl.place.CommuneValues;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Zones the published DREES APL 2023 (34 954 communes and arrondissements) to departments with
 * the INSEE 2022 table d'appartenance, and checks the department and national means against the
 * figures DREES published (APL-METHOD.md §7), to their three decimals: |x − v| &lt; 0.0005. The
 * commune APL in the file are themselves rounded to three decimals, so closer agreement is not
 * to be had.
 */
class DreesDepartmentMeansTest {

  private static final double HALF_LAST_DIGIT = 0.0005;

  private static CommuneValues apl;
  private static CommuneValues weight;
  private static Zoning zoning;

  @BeforeAll
  static void zoneFrance() throws IOException {
    ZoningCsv.CommuneTable table = ZoningCsv.readCommuneTable(
        TestData.file("drees/apl_mg_2023_france.csv.gz"),
        null,
        List.of("apl_mg", "pop_standardisee"),
        List.of());
    apl = table.columns().get("apl_mg");
    weight = table.columns().get("pop_standardisee");
    ZoningCsv.Territories t = ZoningCsv.readTerritories(
        TestData.file("insee/table_appartenance_geo_communes_2022_france.csv.gz"),
        null,
        "DEP",
        null,
        null);
    zoning = Zoning.of(apl, weight, t.map(), NationalThresholds.of2017(), Map.of());
  }

  private static TerritoryApl department(String code) {
    for (ZonedTerritory z : zoning.territories()) {
      if (z.apl().territory().equals(code)) {
        return z.apl();
      }
    }
    return null;
  }

  @Test
  void departmentMeansAreThePublishedOnes() {
    // Published DREES 2023 means weighted by standardised population.
    Map<String, Double> published = Map.of("43", 3.528, "38", 3.817, "90", 3.337);
    for (Map.Entry<String, Double> e : published.entrySet()) {
      TerritoryApl d = department(e.getKey());
      assertNotNull(d, "department " + e.getKey() + " missing");
      assertEquals(e.getValue(), d.apl(), HALF_LAST_DIGIT, "department " + e.getKey());
    }
  }

  @Test
  void everyCommuneIsAccountedFor() {
    Aggregation a = zoning.aggregation();
    // DREES gives Paris, Lyon and Marseille by arrondissement (20 + 9 + 16 = 45), the INSEE table
    // by municipality: all 45 take their municipality's department.
    assertEquals(45, a.arrondissementsMapped().size());
    assertEquals("75", a.communeTerritory().get("75116"));
    assertEquals("13", a.communeTerritory().get("13201"));
    // The four communes of the 2023 geography that the 2022 table does not know are reported,
    // not dropped silently.
    assertEquals(List.of("27676", "60694", "85165", "85212"), a.communesWithoutTerritory());
    // 100 departments, all with population: 96 in metropolitan France (2A and 2B for Corsica)
    // and four overseas (the file has no Mayotte).
    assertEquals(100, a.territories().size());
    assertEquals(List.of(), a.territoriesWithoutPopulation());
  }

  @Test
  void nationalMeanIsThePublishedOne() {
    Map<String, String> france = new TreeMap<>();
    for (String c : apl.codes()) {
      france.put(c, "FR");
    }
    List<AreaFigures> f = Figures.byArea(
        "france",
        france,
        Map.of("apl_mg", apl),
        weight,
        zoning.communeClasses(),
        NationalThresholds.of2017().classes());
    assertEquals(1, f.size());
    AreaFigures fr = f.get(0);
    assertEquals(34954, fr.communes());
    // The standardised population is rescaled to the 2023 national total, 67 408 052.
    assertEquals(67_408_052, fr.population(), 1.0);
    // Published national mean 2023, all ages: 3.745.
    assertEquals(3.745, fr.variants().get(0).mean(), HALF_LAST_DIGIT);
    // The four communes without department have no class, so the class shares fall just short of
    // 1; they must still add up to nearly all of it.
    double sum = 0;
    for (double s : fr.classShares().values()) {
      sum += s;
    }
    assertTrue(sum > 0.999 && sum <= 1 + 1e-12, "class shares add up to " + sum);
  }
}
