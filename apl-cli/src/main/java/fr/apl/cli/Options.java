package fr.apl.cli;

import fr.apl.decay.BandEdges;
import fr.apl.decay.Decay;
import fr.apl.decay.Decays;
import fr.apl.demand.AgeWeights;
import fr.apl.io.csv.AgeWeightsCsv;
import fr.apl.io.csv.CsvDialect;
import fr.apl.profession.Profession;
import fr.apl.profiles.ProfessionProfiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Parses option values shared by several commands; a bad value is a usage error. */
final class Options {

  private Options() {}

  /**
   * The most threads a --threads may ask for: far more than any machine apl runs on has cores,
   * and small enough that counts derived from it (threads + 1, threads × blocks) cannot overflow.
   */
  static final int MAX_THREADS = 1024;

  /**
   * Returns the thread count of a --threads option: the machine's processors when not given;
   * below 1 or above {@link #MAX_THREADS} is a usage error naming the option.
   */
  static int threads(CommandSpec spec, String option, Integer value) {
    if (value == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    if (value < 1 || value > MAX_THREADS) {
      throw new ParameterException(
          spec.commandLine(),
          option + " must be between 1 and " + MAX_THREADS + ", given: " + value);
    }
    return value;
  }

  /** Returns one of the allowed words, lower-cased. */
  static String choice(CommandSpec spec, String option, String value, String... allowed) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(v)) {
        return a;
      }
    }
    throw new ParameterException(
        spec.commandLine(),
        option + " must be " + String.join(" or ", allowed) + ", given: " + value);
  }

  /**
   * Returns the decay of --decay, --max-minutes and --band-edges; a bad value is a usage error
   * naming the option at fault.
   */
  static Decay decay(CommandSpec spec, String decay, Double maxMinutes, String edges) {
    boolean halfOpen =
        choice(spec, "--band-edges", edges, "half-open", "closed-upper").equals("half-open");
    if (maxMinutes != null && (!(maxMinutes > 0) || Double.isInfinite(maxMinutes))) {
      throw new ParameterException(
          spec.commandLine(), "--max-minutes must be finite and > 0, given: " + maxMinutes);
    }
    if (maxMinutes == null && Decays.needsCutoff(decay)) {
      throw new ParameterException(
          spec.commandLine(),
          "--decay " + decay.trim() + " needs --max-minutes M, the cutoff in minutes (its"
              + " weight never reaches 0)");
    }
    if (maxMinutes != null && Decays.isBands(decay)) {
      throw new ParameterException(
          spec.commandLine(),
          "--max-minutes applies to continuous decays only; bands end at their last edge");
    }
    try {
      return Decays.parse(
          decay, maxMinutes, halfOpen ? BandEdges.HALF_OPEN : BandEdges.CLOSED_UPPER);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      // Bands name the band at fault and keep their old messages; a continuous decay's message
      // starts with its own name, so the option goes in front.
      throw new ParameterException(
          spec.commandLine(), Decays.isBands(decay) ? message : "--decay: " + message, e);
    }
  }

  /**
   * Returns the profession a value names: a built-in profile, or a profile file; a value that is
   * neither is a usage error naming the option.
   *
   * @throws fr.apl.io.csv.InputException when the file is not a valid profile (file, line, value)
   * @throws IOException when the file cannot be read
   */
  static Profession profession(CommandSpec spec, String option, String value) throws IOException {
    String name = value.trim();
    if (ProfessionProfiles.builtInNames().contains(name)) {
      return ProfessionProfiles.builtIn(name);
    }
    Path file = Path.of(value);
    if (!java.nio.file.Files.exists(file)) {
      throw new ParameterException(
          spec.commandLine(),
          option + " must be " + String.join(", ", ProfessionProfiles.builtInNames())
              + " or a profile file (JSON), given: " + value + " (no such file)");
    }
    return ProfessionProfiles.read(file);
  }

  /** Returns the file of --age-weights, or null when it names a built-in year (2022, 2023). */
  static Path ageWeightsFile(String value) {
    if (value == null) {
      return null;
    }
    String w = value.trim();
    return w.equals("2022") || w.equals("2023") ? null : Path.of(value);
  }

  /** Returns the age weights of a value of --age-weights: 2022, 2023 (DREES) or a file. */
  static AgeWeights ageWeights(String value) throws IOException {
    Path file = ageWeightsFile(value);
    if (file != null) {
      return AgeWeightsCsv.read(file);
    }
    return value.trim().equals("2022") ? AgeWeights.drees2022() : AgeWeights.drees2023();
  }

  /** Returns the output dialect. */
  static CsvDialect dialect(CommandSpec spec, String value) {
    return choice(spec, "--output-dialect", value, "standard", "french").equals("french")
        ? CsvDialect.FRENCH
        : CsvDialect.STANDARD;
  }

  /** Parses a comma-separated list of finite numbers. */
  static double[] numbers(CommandSpec spec, String option, String value) {
    String[] parts = value.split(",", -1);
    double[] out = new double[parts.length];
    for (int k = 0; k < parts.length; k++) {
      try {
        out[k] = Double.parseDouble(parts[k].trim());
      } catch (NumberFormatException e) {
        out[k] = Double.NaN;
      }
      if (!Double.isFinite(out[k])) {
        throw new ParameterException(
            spec.commandLine(), option + " takes numbers separated by commas, given: " + value);
      }
    }
    return out;
  }

  /** Prints a warning about communes, with the first ten codes; nothing when there are none. */
  static void warn(PrintWriter err, String what, List<String> codes) {
    if (codes.isEmpty()) {
      return;
    }
    int shown = Math.min(codes.size(), 10);
    err.printf(
        Locale.ROOT,
        "apl: warning: %d %s: %s%s%n",
        codes.size(),
        what,
        String.join(" ", codes.subList(0, shown)),
        codes.size() > shown ? " ..." : "");
  }
}
