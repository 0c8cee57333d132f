package fr.apl.decay;

import static fr.apl.decay.BandEdges.CLOSED_UPPER;
import static fr.apl.decay.BandEdges.HALF_OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every spec form of {@link Decays#parse}, its errors, and the descriptions that read back. */
class DecaysTest {

  @ParameterizedTest(name = "{0} max {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "10:1,15:2/3,20:1/3;     ; HALF_OPEN;    bands 10:1,15:2/3,20:1/3 (half-open)",
        "10:1,15:2/3,20:1/3;     ; CLOSED_UPPER; bands 10:1,15:2/3,20:1/3 (closed-upper)",
        "15:1, 30:0.5, 45:0.25;  ; HALF_OPEN;    bands 15:1,30:0.5,45:0.25 (half-open)",
        "gaussian:10;          30; HALF_OPEN;    gaussian:10 within 30 min (half-open)",
        " Gaussian : 2.5 ;     30; CLOSED_UPPER; gaussian:2.5 within 30 min (closed-upper)",
        "kd2sfca:25;             ; HALF_OPEN;    kd2sfca:25 within 25 min (half-open)",
        "kd2sfca:25;           20; HALF_OPEN;    kd2sfca:25 within 20 min (half-open)",
        "kd2sfca:25;           40; HALF_OPEN;    kd2sfca:25 within 25 min (half-open)",
        "exponential:0.1;      30; HALF_OPEN;    exponential:0.1 within 30 min (half-open)",
        "exponential:0;        30; HALF_OPEN;    exponential:0 within 30 min (half-open)",
        "power:1.5;            30; HALF_OPEN;    power:1.5:1 within 30 min (half-open)",
        "power:2:0.5;          30; HALF_OPEN;    power:2:0.5 within 30 min (half-open)",
        "linear:25;              ; HALF_OPEN;    linear:25 within 25 min (half-open)",
        "linear:25;            20; CLOSED_UPPER; linear:25 within 20 min (closed-upper)",
        "logistic:15:3;        40; HALF_OPEN;    logistic:15:3 within 40 min (half-open)",
        "gaussian:1e1;         30; HALF_OPEN;    gaussian:10 within 30 min (half-open)",
      })
  void everySpecFormParsesAndDescribesItself(
      String spec, Double maxMinutes, BandEdges edges, String description) {
    Decay decay = Decays.parse(spec, maxMinutes, edges);
    assertEquals(description, decay.describe());
    if (!(decay instanceof DistanceDecay)) {
      assertEquals(description, decay.toString());
    }
    // The spec part of the description reads back as the same decay.
    String written = description.startsWith("bands ")
        ? description.substring(6, description.indexOf(' ', 6))
        : description.substring(0, description.indexOf(' '));
    assertEquals(description, Decays.parse(written, maxMinutes, edges).describe());
  }

  @Test
  void theDefaultBandsAreTheDreesDecay() {
    Decay decay = Decays.parse("10:1,15:2/3,20:1/3", null, HALF_OPEN);
    DistanceDecay drees = DistanceDecay.dreesGeneralPractitioners();
    assertInstanceOf(DistanceDecay.class, decay);
    assertEquals(drees.bands(), ((DistanceDecay) decay).bands());
    assertEquals(drees.describe(), decay.describe());
  }

  @Test
  void eachNameGivesItsClass() {
    assertInstanceOf(GaussianDecay.class, Decays.parse("gaussian:10", 30.0, HALF_OPEN));
    assertInstanceOf(KernelDensityDecay.class, Decays.parse("kd2sfca:10", null, HALF_OPEN));
    assertInstanceOf(ExponentialDecay.class, Decays.parse("exponential:1", 30.0, HALF_OPEN));
    assertInstanceOf(PowerDecay.class, Decays.parse("power:1", 30.0, HALF_OPEN));
    assertInstanceOf(LinearDecay.class, Decays.parse("linear:10", null, HALF_OPEN));
    assertInstanceOf(LogisticDecay.class, Decays.parse("logistic:10:2", 30.0, HALF_OPEN));
  }

  @ParameterizedTest(name = "{0} max {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "'';                     ; empty decay",
        "gaussian:10;            ; needs a cutoff (maximum minutes)",
        "exponential:0.1;        ; needs a cutoff (maximum minutes)",
        "power:1;                ; needs a cutoff (maximum minutes)",
        "logistic:15:3;          ; needs a cutoff (maximum minutes)",
        "10:1,15:2/3,20:1/3;   30; bands end at their last edge (20 min)",
        "gaussian:10;           0; the cutoff (maximum minutes) must be finite and > 0, given: 0",
        "gaussian:10;          -5; the cutoff (maximum minutes) must be finite and > 0",
        "gaussian:10;         NaN; the cutoff (maximum minutes) must be finite and > 0",
        "gaussian:10;    Infinity; the cutoff (maximum minutes) must be finite and > 0",
        "gaussian;             30; is not gaussian:SIGMA (0 parameters given)",
        "gaussian:;            30; gaussian: sigma: '' is not a number",
        "gaussian:10:2;        30; is not gaussian:SIGMA (2 parameters given)",
        "gaussian:NaN;         30; gaussian: sigma: 'NaN' is not a number",
        "gaussian:0x10;        30; gaussian: sigma: '0x10' is not a number",
        "gaussian:0;           30; gaussian: sigma (the width, minutes) must be finite and > 0",
        "kd2sfca:-3;             ; kd2sfca: T0 (the catchment size, minutes) must be",
        "exponential:-0.1;     30; exponential: beta (the rate, per minute) must be finite and >= 0",
        "power:1:2:3;          30; is not power:BETA[:MIN] (3 parameters given)",
        "power:1:0;            30; power: MIN (the floor of the time, minutes) must be finite and > 0",
        "power:-1;             30; power: beta (the exponent) must be finite and >= 0",
        "linear:0;               ; linear: T (the time weighing 0, minutes) must be finite and > 0",
        "logistic:15;          30; is not logistic:T:SD (1 parameter given)",
        "logistic:15:0;        30; logistic: SD (the steepness, minutes) must be finite and > 0",
        "logistic:0:3;         30; logistic: T (the inflection point, minutes) must be",
        "cauchy:3;             30; unknown decay 'cauchy'; expected bands such as",
        "10:1,5:1/2;             ; band edges must increase",
      })
  void badSpecsAreRefusedNamingTheConcept(String spec, Double maxMinutes, String fragment) {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> Decays.parse(spec, maxMinutes, HALF_OPEN));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void nullEdgesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Decays.parse("gaussian:10", 30.0, null));
  }

  @Test
  void needsCutoffAndIsBandsLookAtTheNameOnly() {
    assertTrue(Decays.needsCutoff("gaussian:10"));
    assertTrue(Decays.needsCutoff("POWER:1"));
    assertTrue(Decays.needsCutoff("exponential:x"));
    assertTrue(Decays.needsCutoff("logistic:1:1"));
    assertFalse(Decays.needsCutoff("linear:10"));
    assertFalse(Decays.needsCutoff("kd2sfca:10"));
    assertFalse(Decays.needsCutoff("10:1"));
    assertFalse(Decays.needsCutoff(null));
    assertTrue(Decays.isBands("10:1,15:2/3"));
    assertFalse(Decays.isBands("gaussian:10"));
    assertFalse(Decays.isBands(" "));
    assertFalse(Decays.isBands(null));
  }

  @Test
  void aWeightThatIsNoShortFractionIsWrittenAsADecimal() {
    DistanceDecay d = DistanceDecay.parse("10:0.123456789,20:1/7", CLOSED_UPPER);
    assertEquals("bands 10:0.123456789,20:1/7 (closed-upper)", d.describe());
  }
}
