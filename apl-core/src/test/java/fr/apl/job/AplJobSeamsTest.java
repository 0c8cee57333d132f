package fr.apl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import fr.apl.core.AccessMethod;
import fr.apl.core.AplResult;
import fr.apl.core.Gathers;
import fr.apl.io.TimesFile;
import fr.apl.io.csv.ReadProgress;
import fr.apl.place.CommuneValues;
import fr.apl.supply.Doctor;
import fr.apl.supply.Supply;
import fr.apl.supply.SupplyRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seams of a run: another access method and another supply rule plug into the request, and
 * the job computes with them (hand-computed world).
 */
class AplJobSeamsTest {

  @TempDir
  Path dir;

  /** Three communes: 01001 and 01002 12 minutes apart (weight 2/3), 01004 alone. */
  private AplRequest.Builder world(String supplyOrDoctors, String content) throws IOException {
    Path times = Files.writeString(
        dir.resolve("times.csv"),
        "origin,destination,minutes\n"
            + "01001,01001,0\n01001,01002,12\n01002,01002,0\n01002,01001,12\n01004,01004,0\n",
        StandardCharsets.UTF_8);
    Path population = Files.writeString(
        dir.resolve("population.csv"),
        "commune,population\n01001,100\n01002,200\n01004,300\n",
        StandardCharsets.UTF_8);
    Path supply =
        Files.writeString(dir.resolve(supplyOrDoctors + ".csv"), content, StandardCharsets.UTF_8);
    AplRequest.Builder b = AplRequest.builder()
        .times(TimesFile.of(times, ReadProgress.NONE))
        .population(population)
        .threads(1);
    return supplyOrDoctors.equals("supply") ? b.supply(supply) : b.doctors(supply);
  }

  /** Opportunities in reach, no competition: A_i = Σ_j w_ij S_j (demand unused). */
  private static final AccessMethod CUMULATIVE = new AccessMethod() {
    @Override
    public String name() {
      return "cumulative";
    }

    @Override
    public boolean conservesSupply() {
      return false;
    }

    @Override
    public void demand(Gathers gathers, double[] population, double[] demand) {}

    @Override
    public void access(Gathers gathers, double[] supply, double[] demand, double[] access) {
      gathers.sumOverPractices(supply, access);
    }
  };

  @Test
  void anotherMethodPlugsIn() throws IOException {
    AplRun run = AplJob.run(world("supply", "commune,consultations\n01001,3000\n01004,600\n")
        .method(CUMULATIVE)
        .build());
    assertFalse(run.validation().hasErrors(), run.validation().problems().toString());
    AplResult r = run.result();
    assertNotNull(r);
    // Named access_cumulative, not apl: another method's figures are not APL.
    // 01001: its own 3000 at weight 1; 01002: 3000 at 12 min, weight 2/3 -> 2000; 01004: 600.
    assertEquals(3000.0, r.apl("access_cumulative", "01001"), 1e-9);
    assertEquals(3000.0 * 2 / 3, r.apl("access_cumulative", "01002"), 1e-9);
    assertEquals(600.0, r.apl("access_cumulative", "01004"), 1e-9);
  }

  /** A flat rule: every practice of every doctor counts 1 000 consultations. */
  private static final SupplyRule FLAT = new SupplyRule() {
    @Override
    public Supply supply(List<Doctor> doctors) {
      TreeMap<String, Double> byCommune = new TreeMap<>();
      for (Doctor d : doctors) {
        byCommune.merge(d.commune(), 1000.0, Double::sum);
      }
      return Supply.of(CommuneValues.of(byCommune));
    }

    @Override
    public Supply supply(List<Doctor> doctors, int ageCap) {
      return supply(doctors.stream().filter(d -> d.age() < ageCap).toList());
    }
  };

  @Test
  void anotherSupplyRulePlugsIn() throws IOException {
    AplRun run = AplJob.run(world(
            "doctors",
            "doctor_id,commune,acts,age,mode,new_installation\n"
                + "d1,01001,10,40,liberal,0\nd2,01001,99999,70,liberal,0\n")
        .supplyRule(FLAT)
        .build());
    assertFalse(run.validation().hasErrors(), run.validation().problems().toString());
    AplResult r = run.result();
    // D_01001 = 100 + 2/3 * 200 = 700/3; R = 2000 / (700/3) = 60/7; APL_01001 = 60/7.
    assertEquals(60.0 / 7, r.apl("apl", "01001"), 1e-12);
    // Under 65: only d1, 1000: R = 1000 / (700/3) = 30/7.
    assertEquals(30.0 / 7, r.apl("apl_moins65", "01001"), 1e-12);
  }
}
