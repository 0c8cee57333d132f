package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs apl compute on every bundled sample folder and compares with expected/, which
 * data-samples/PROVENANCE.md says was computed by an independent implementation of the method
 * (agreement below 1e-15 there). Our bar: 1e-9 relative, APL 0 exactly 0.
 */
class SamplesTest {

  @ParameterizedTest(name = "{0} from {1} and {2}")
  @CsvSource({
    "haute-loire-43, times.csv, supply.csv",
    "haute-loire-43, times.csv, doctors.csv",
    "haute-loire-43, times_metric.csv, supply.csv",
    "haute-loire-43, times_metric.csv, doctors.csv",
    "territoire-de-belfort-90, times.csv, supply.csv",
    "territoire-de-belfort-90, times.csv, doctors.csv",
    "territoire-de-belfort-90, times_metric.csv, supply.csv",
    "territoire-de-belfort-90, times_metric.csv, doctors.csv",
    "france, times.csv.gz, supply.csv",
    "france, times.csv.gz, doctors.csv.gz"
  })
  void reproducesExpectedApl(String folder, String times, String supply) throws IOException {
    Path dir = Cli.samples().resolve(folder);
    String supplyOption = supply.startsWith("doctors") ? "--doctors" : "--supply";
    Cli.Run run = Cli.run(
        "compute",
        "--times",
        dir.resolve(times).toString(),
        supplyOption,
        dir.resolve(supply).toString(),
        "--population",
        dir.resolve("population.csv").toString(),
        "--threads",
        "2");
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        run.out().startsWith("commune,apl,apl_moins65,population,practices_in_reach\n"),
        run.out().substring(0, Math.min(200, run.out().length())));
    Map<String, double[]> got = parse(run.out());
    Map<String, double[]> expected = parse(Files.readString(
        Cli.samples().resolve("expected").resolve(folder + ".csv"), StandardCharsets.UTF_8));
    assertEquals(expected.keySet(), got.keySet(), "communes of " + folder);
    int checked = 0;
    for (Map.Entry<String, double[]> e : expected.entrySet()) {
      double[] g = got.get(e.getKey());
      for (int c = 0; c < 2; c++) {
        double x = e.getValue()[c];
        double y = g[c];
        if (x == 0) {
          assertEquals(0.0, y, folder + " " + e.getKey() + " column " + c);
        } else {
          assertTrue(
              Math.abs(x - y) <= 1e-9 * Math.abs(x),
              folder + " " + e.getKey() + " column " + c + ": expected " + x + ", got " + y);
        }
        checked++;
      }
    }
    assertTrue(checked > 1000, "compared " + checked + " values");
    assertTrue(run.err().contains("conservation ok"), run.err());
  }

  /** Reads commune,apl,apl_moins65 from a CSV text. */
  static Map<String, double[]> parse(String csv) {
    List<String> lines = csv.lines().toList();
    List<String> header = List.of(lines.get(0).split(","));
    int a = header.indexOf("apl");
    int b = header.indexOf("apl_moins65");
    Map<String, double[]> out = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      out.put(f[0], new double[] {Double.parseDouble(f[a]), Double.parseDouble(f[b])});
    }
    return out;
  }
}
