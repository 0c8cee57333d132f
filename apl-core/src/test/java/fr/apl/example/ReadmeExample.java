package fr.apl.example;

import fr.apl.core.AplResult;
import fr.apl.io.TimesFile;
import fr.apl.io.csv.ReadProgress;
import fr.apl.job.AplJob;
import fr.apl.job.AplRequest;
import fr.apl.job.AplRun;
import fr.apl.problem.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The embedding example of the README, verbatim between the markers (ReadmeExampleTest). */
final class ReadmeExample {

  private ReadmeExample() {}

  /** Runs the example on a sample folder; returns the run with what the example read. */
  static Outcome run(Path dir) throws IOException {
    // spotless:off
    // README-BEGIN
    // dir: a sample folder, e.g. Path.of("data-samples/haute-loire-43")
    AplRequest request = AplRequest.builder()
        .times(TimesFile.of(dir.resolve("times.csv"), ReadProgress.NONE))
        .population(dir.resolve("population.csv")) // standardised, or INSEE age bands
        .supply(dir.resolve("supply.csv")) // consultations_moins65 gives apl_moins65
        .build();
    AplRun run = AplJob.run(request); // reads and checks every input, computes if no error
    List<Problem> problems = run.validation().problems(); // file, line, value, hint
    AplResult result = run.result(); // null when an input has an error

    if (result != null) {
      double lePuy = result.apl("apl", "43157"); // Le Puy-en-Velay
      double mean = result.weightedMean("apl"); // weighted by standardised population
    }
    // README-END
    // spotless:on
    return new Outcome(run, problems);
  }

  /** What the example ends with. */
  record Outcome(AplRun run, List<Problem> problems) {}
}
