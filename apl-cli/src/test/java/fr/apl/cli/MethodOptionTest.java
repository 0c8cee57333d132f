package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code --method}: the column names, the summary and the usage errors, on Haute-Loire. */
class MethodOptionTest {

  private static Cli.Run compute(String... extra) {
    return Cli.computeHauteLoireSupply(extra);
  }

  private static String header(Cli.Run run) {
    return run.out().substring(0, run.out().indexOf('\n'));
  }

  @Test
  void threeStepWritesItsOwnColumns() {
    Cli.Run run = compute("--method", "3sfca");
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        "commune,access_3sfca,access_3sfca_moins65,population,practices_in_reach", header(run));
    assertTrue(run.out().lines().count() == 1011, "1010 communes and a header");
    // 3SFCA conserves supply: the check runs and passes.
    assertTrue(run.err().contains("method: 3sfca (conserves supply)"), run.err());
    assertTrue(run.err().contains("access_3sfca mean "), run.err());
    assertTrue(run.err().contains("conservation ok"), run.err());
  }

  @Test
  void aMethodThatDoesNotConserveSaysSo() {
    Cli.Run run = compute("--method", "BFCA");
    assertEquals(0, run.exit(), run.err());
    assertTrue(header(run).startsWith("commune,access_bfca,access_bfca_moins65,"), header(run));
    assertTrue(run.err().contains("conservation not applicable;"), run.err());
    assertTrue(!run.err().contains("FAILED") && !run.err().contains("conservation ok"), run.err());
    assertTrue(!run.err().contains("warning"), run.err());
  }

  @Test
  void everyColumnOfAnotherMethodIsRenamed() {
    Path scenarios = Cli.samples().resolve("haute-loire-43").resolve("scenarios.csv");
    Cli.Run run = compute("--method", "m2sfca", "--scenarios", scenarios.toString());
    assertEquals(0, run.exit(), run.err());
    String h = header(run);
    assertTrue(h.contains(",access_m2sfca_retirement_le_puy,"), h);
    assertTrue(!h.contains(",apl"), h);
  }

  @Test
  void twoStepIsTheDefault() {
    Cli.Run plain = compute();
    Cli.Run named = compute("--method", "2sfca");
    Cli.Run e2 = compute("--method", "E2SFCA");
    assertEquals(0, plain.exit(), plain.err());
    assertTrue(header(plain).startsWith("commune,apl,apl_moins65,"), header(plain));
    assertEquals(plain.out(), named.out());
    assertEquals(plain.out(), e2.out());
    assertTrue(!plain.err().contains("method:"), plain.err());
  }

  @Test
  void anUnknownMethodIsAUsageError() {
    Cli.Run run = compute("--method", "4sfca");
    assertEquals(2, run.exit(), run.err());
    assertEquals("", run.out());
    assertTrue(
        run.err()
            .contains("--method must be one of 2sfca, e2sfca, 3sfca, m2sfca, bfca,"
                + " cumulative, ratio, given: 4sfca"),
        run.err());
  }
}
