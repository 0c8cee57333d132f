package fr.apl.cli;

import fr.apl.core.AccessMethod;
import fr.apl.decay.Decay;
import fr.apl.demand.AgeWeights;
import fr.apl.job.AplRequest;
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
      names = "--decay",
      paramLabel = "DECAY",
      defaultValue = "10:1,15:2/3,20:1/3",
      description = "Distance bands MINUTES:WEIGHT, weights as decimals or fractions"
          + " (default: ${DEFAULT-VALUE}, the DREES GP bands), or a continuous decay of the"
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
      defaultValue = "half-open",
      description = "half-open (t < 10 weighs 1, t = 10 is in the next band) or closed-upper"
          + " (t <= 10 weighs 1); also at the cutoff of --max-minutes"
          + " (default: ${DEFAULT-VALUE}).")
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
      defaultValue = "2023",
      description = "Age-band weights for an age-band population: 2022, 2023 (DREES) or a CSV"
          + " band,weight of 19 rows (default: ${DEFAULT-VALUE}).")
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

  /** Returns the decay of --decay, --max-minutes and --band-edges; a bad value is a usage error. */
  Decay decay() {
    return Options.decay(spec, decay, maxMinutes, bandEdges);
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

  /** Sets the method options on a request. */
  AplRequest.Builder apply(AplRequest.Builder request) {
    request.method(accessMethod());
    return request.decay(decay()).ageWeights(weights(ageWeights));
  }
}
