package fr.apl.cli;

import fr.apl.decay.DistanceDecay;
import fr.apl.io.binary.MatrixFile;
import fr.apl.validate.Check;
import fr.apl.validate.InputValidator;
import fr.apl.validate.Problem;
import fr.apl.validate.Validation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@link InputValidator} for a command and prints its problems, one per line. */
final class InputCheck {

  private InputCheck() {}

  /**
   * Validates the inputs of a computation.
   *
   * @param supply supply file, or null
   * @param doctors doctors file, or null
   * @param ageWeights age-weights file, or null
   */
  static Validation validate(InputOptions input, Path times, String timeColumn, Path population,
      Path supply, Path doctors, Path ageWeights, DistanceDecay decay) throws IOException {
    // A binary matrix file was validated when apl matrix convert wrote it, and its reader checks
    // its checksum and rows: only CSV tables go through the (second) validating read.
    Path csvTimes = times != null && Files.exists(times) && MatrixFile.isMatrixFile(times) ? null
        : times;
    return InputValidator.builder()
        .times(csvTimes, csvTimes == null ? null : input.minutesColumn(timeColumn))
        .population(population).supply(supply).doctors(doctors).ageWeights(ageWeights)
        .options(input.readOptions()).codeHistory(input.codeHistory()).decay(decay)
        .inseeCodes(input.inseeCodes())
        .build().validate();
  }

  /** Prints every problem kept, a line on those not kept, and the summary line. */
  static void list(PrintWriter w, Validation v) {
    for (Problem p : v.problems()) {
      w.println(p.format());
    }
    if (v.notListed() > 0) {
      w.println("(" + v.notListed() + " more problems not listed: at most "
          + Validation.LISTED_PER_CHECK + " of each kind are)");
    }
    w.println(v.summary());
  }

  /** Returns the exit code of a validation: 0 without errors, 66 for a missing file, else 65. */
  static int exitCode(Validation v) {
    if (v.count(Check.FILE_NOT_FOUND) > 0) {
      return ExitCodes.NO_INPUT;
    }
    return v.hasErrors() ? ExitCodes.DATA : ExitCodes.OK;
  }

  /**
   * Validates before a computation: on errors, lists every problem on {@code err} and returns the
   * exit code; otherwise prints the warnings that the computation's summary does not already
   * give and returns null.
   */
  static Integer refuse(PrintWriter err, Validation v) {
    if (v.hasErrors()) {
      list(err, v);
      err.println("apl: nothing computed: fix the errors above (apl validate lists them with the"
          + " same options)");
      return exitCode(v);
    }
    for (Problem p : v.problems()) {
      if (!p.check().inComputeSummary()) {
        err.println(p.format());
      }
    }
    return null;
  }
}
