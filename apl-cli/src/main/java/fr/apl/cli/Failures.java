package fr.apl.cli;

import fr.apl.io.csv.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Turns what a command's run threw into one line on stderr and the documented exit code. */
final class Failures {

  /** A data problem found outside the readers (e.g. doctors' ages under an age cap). */
  static final class DataProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DataProblem(String message) {
      super(message);
    }
  }

  private Failures() {}

  /**
   * Prints the failure and returns its exit code: bad data 65, a missing or unreadable input 66,
   * any other read or write failure 74; an output's failure carries its own (74, or 2 for an
   * output that appeared during the run).
   *
   * @param inputs the command's input files, to tell an unreadable input from an unwritable output
   */
  static int exitCode(PrintWriter err, Exception e, List<Path> inputs) {
    if (e instanceof OutputTarget.Failure f) {
      // Already one line naming the option and the output.
      err.println("apl: " + f.getMessage());
      return f.exitCode();
    }
    if (e instanceof InputException || e instanceof DataProblem) {
      err.println("apl: " + e.getMessage());
      if (e instanceof InputException i) {
        for (InputException other : i.others()) {
          err.println("apl: " + other.getMessage());
        }
      }
      return ExitCodes.DATA;
    }
    if (e instanceof NoSuchFileException n) {
      err.println("apl: " + n.getFile() + ": no such file");
      return ExitCodes.NO_INPUT;
    }
    if (e instanceof AccessDeniedException a) {
      err.println("apl: " + a.getFile() + ": permission denied");
      for (Path p : inputs) {
        if (p.toString().equals(a.getFile())) {
          return ExitCodes.NO_INPUT;
        }
      }
      return ExitCodes.IO;
    }
    if (e instanceof IOException) {
      err.println("apl: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return ExitCodes.IO;
    }
    throw new IllegalStateException("not an input or output failure", e);
  }
}
