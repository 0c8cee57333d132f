package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --decay with continuous decays and --max-minutes on the Haute-Loire sample. */
class DecayOptionsTest {

  private static Cli.Run compute(String... extra) {
    return Cli.computeHauteLoireSupply(extra);
  }

  @Test
  void aGaussianDecayWithACutoffRunsAndSaysSo() {
    Cli.Run run = compute("--decay", "gaussian:10", "--max-minutes", "30");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("commune,apl,apl_moins65,population,practices_in_reach\n"));
    assertTrue(
        run.err().contains(" in reach with gaussian:10 within 30 min (half-open)\n"), run.err());
    // Another decay, other figures.
    assertNotEquals(compute().out(), run.out());
  }

  @Test
  void theDefaultBandsStillDescribeThemselvesAsBefore() {
    Cli.Run run = compute();
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        run.err().contains(" in reach with bands 10:1,15:2/3,20:1/3 (half-open)\n"), run.err());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "kd2sfca:25, ''",
    "linear:25, 20",
    "exponential:0.1, 30",
    "power:1.5, 30",
    "power:2:0.5, 30",
    "logistic:15:3, 40",
  })
  void everyContinuousDecayRuns(String decay, String maxMinutes) {
    Cli.Run run = maxMinutes.isEmpty()
        ? compute("--decay", decay, "--band-edges", "closed-upper")
        : compute("--decay", decay, "--max-minutes", maxMinutes, "--band-edges", "closed-upper");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().contains(" in reach with " + decay.split(":")[0] + ":"), run.err());
    assertTrue(run.err().contains(" min (closed-upper)\n"), run.err());
  }

  @Test
  void aGaussianWithoutCutoffIsAUsageErrorNamingMaxMinutes() {
    Cli.Run run = compute("--decay", "gaussian:10");
    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertTrue(run.err().contains("--decay gaussian:10 needs --max-minutes M"), run.err());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "gaussian:0, 30, --decay: gaussian: sigma (the width, minutes) must be finite and > 0",
    "gaussian:abc, 30, --decay: gaussian: sigma: 'abc' is not a number",
    "power:1:0, 30, --decay: power: MIN (the floor of the time, minutes) must be",
    "logistic:15:-1, 30, --decay: logistic: SD (the steepness, minutes) must be",
    "exponential:-2, 30, --decay: exponential: beta (the rate, per minute) must be",
    "gaussian:10, 0, --max-minutes must be finite and > 0, given: 0",
    "gaussian:10, NaN, --max-minutes must be finite and > 0, given: NaN",
    "gaussian:10, abc, --max-minutes",
    "'10:1,15:2/3,20:1/3', 30, --max-minutes applies to continuous decays only",
    "cauchy:1, 30, --decay: unknown decay 'cauchy'",
  })
  void aBadParameterIsAUsageError(String decay, String maxMinutes, String fragment) {
    Cli.Run run = compute("--decay", decay, "--max-minutes", maxMinutes);
    assertEquals(2, run.exit(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().contains(fragment), run.err());
  }
}
