package fr.apl.cli;

import fr.apl.core.AccessMethod;
import fr.apl.decay.BandEdges;
import fr.apl.decay.Decay;
import fr.apl.demand.AgeWeights;
import fr.apl.io.csv.InputException;
import fr.apl.job.AplRequest;
import fr.apl.profession.Profession;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options of the method that compute and validate share (a picocli mixin): the decay, its cutoff
 * and band edges, the age weights, the minutes column of the times table and the access method.
 */
final class MethodOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--profession",
      paramLabel = "NAME|FILE",
      description = "Profession profile: general-practitioner (default: the DREES APL), nurse,"
          + " physiotherapist, midwife, dentist, or a JSON profile ('apl profession NAME' prints"
          + " one to start from). It sets the decay, the activity bounds and column (acts or"
          + " fte), the default age caps, the age weights, the rescaling and the unit; --decay,"
          + " --max-minutes, --band-edges, --age-weights and --rescale override it. The summary"
          + " names the parameters the profile assumes.")
  String profession;

  @Option(
      names = "--decay",
      paramLabel = "DECAY",
      description = "Distance bands MINUTES:WEIGHT, weights as decimals or fractions"
          + " (default: the profession's; 10:1,15:2/3,20:1/3, the DREES GP bands), or a"
          + " continuous decay of the"
          + " time t in minutes: gaussian:SIGMA, kd2sfca:T0, exponential:BETA,"
          + " power:BETA[:MIN] (MIN 1 by default), linear:T, logistic:T:SD (formulas in the"
          + " README).")
  String decay;

  @Option(
      names = "--max-minutes",
      paramLabel = "M",
      description = "Cutoff of a continuous decay in minutes: required by gaussian, exponential,"
          + " power and logistic; optional for linear and kd2sfca (cutoff min(M, T)); not with"
          + " bands. --band-edges applies to it: half-open keeps t < M, closed-upper t <= M.")
  Double maxMinutes;

  @Option(
      names = "--band-edges",
      paramLabel = "EDGES",
      description = "half-open (t < 10 weighs 1, t = 10 is in the next band) or closed-upper"
          + " (t <= 10 weighs 1); also at the cutoff of --max-minutes"
          + " (default: the profession's; half-open for general practitioners).")
  String bandEdges;

  @Option(
      names = "--time-column",
      paramLabel = "NAME",
      description = "Minutes column of the times file (default: minutes, or HC = off-peak for"
          + " the Metric layout; HP for peak).")
  String timeColumn;

  @Option(
      names = "--age-weights",
      paramLabel = "YEAR|FILE",
      description = "Age-band weights (both sexes) for an age-band population: 2022, 2023"
          + " (DREES) or a CSV band,weight of 19 rows (default: the profession's; 2023 for"
          + " general practitioners).")
  String ageWeights;

  @Option(
      names = "--method",
      paramLabel = "NAME",
      defaultValue = "e2sfca",
      description = "Access method, any case: e2sfca (DREES APL; 2sfca is the same with a single"
          + " band), 3sfca, m2sfca, bfca, cumulative or ratio (README, Other access methods). Other than"
          + " e2sfca, the columns are access_NAME for apl: access_3sfca, access_3sfca_moins65,"
          + " access_3sfca_SCENARIO… (default: ${DEFAULT-VALUE}).")
  String method;

  /** Returns the method of --method ({@code 2sfca} is E2SFCA); an unknown name is a usage error. */
  AccessMethod accessMethod() {
    String name = method.trim();
    if (name.equalsIgnoreCase("2sfca")) {
      return AccessMethod.e2sfca();
    }
    try {
      return AccessMethod.of(name);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--method must be one of 2sfca, " + String.join(", ", AccessMethod.names()) + ", given: "
              + method,
          e);
    }
  }

  private Profession resolved;

  /**
   * Returns the profession of --profession: the general practitioners' when absent, a built-in
   * profile by name, or a profile file; an unknown name that is no file is a usage error.
   *
   * @throws InputException when the file is not a valid profile (file, line, value)
   * @throws IOException when the file cannot be read
   */
  Profession profession() throws IOException {
    if (resolved == null) {
      resolved = resolve();
    }
    return resolved;
  }

  private Profession resolve() throws IOException {
    return profession == null
        ? Profession.generalPractitioner()
        : Options.profession(spec, "--profession", profession);
  }

  /** Returns true when --profession names a profession (the summary then describes it). */
  boolean professionGiven() {
    return profession != null;
  }

  /**
   * Returns the decay of --decay, --max-minutes and --band-edges, each missing one taken from the
   * profession; null when none of them is given (the profession's decay then applies). A bad
   * value is a usage error.
   */
  Decay decay(Profession p) {
    if (decay == null && maxMinutes == null && bandEdges == null) {
      return null;
    }
    String spec = decay != null ? decay : p.decaySpec();
    Double max = maxMinutes != null ? maxMinutes : decay != null ? null : p.maxMinutes();
    String edges = bandEdges != null
        ? bandEdges
        : p.bandEdges() == BandEdges.HALF_OPEN ? "half-open" : "closed-upper";
    return Options.decay(this.spec, spec, max, edges);
  }

  /** Returns the weights of a value of --age-weights: a year (2022, 2023) or a file. */
  static AplRequest.Weights weights(String value) {
    Path file = Options.ageWeightsFile(value);
    if (file != null) {
      return AplRequest.Weights.file(file);
    }
    return AplRequest.Weights.of(
        value.trim().equals("2022") ? AgeWeights.drees2022() : AgeWeights.drees2023());
  }

  /**
   * Sets the profession and the method options given on a request.
   *
   * @throws InputException when the profession file is not a valid profile
   * @throws IOException when the profession file cannot be read
   */
  AplRequest.Builder apply(AplRequest.Builder request) throws IOException {
    Profession p = profession();
    request.profession(p).method(accessMethod());
    Decay d = decay(p);
    if (d != null) {
      request.decay(d);
    }
    if (ageWeights != null) {
      request.ageWeights(weights(ageWeights));
    }
    return request;
  }
}
