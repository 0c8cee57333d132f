package fr.apl.cli;

import fr.apl.io.PairTableWriter;
import fr.apl.io.TimesFile;
import fr.apl.io.binary.MatrixFile;
import fr.apl.io.csv.InputException;
import fr.apl.job.AplJob;
import fr.apl.job.AplRequest;
import fr.apl.job.AplRun;
import fr.apl.matrix.TravelTimeMatrix;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code apl matrix}: the binary matrix format. */
@Command(
    name = "matrix",
    header = "Converts travel times to the binary matrix format.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Converts travel times to the apl binary matrix format, which apl compute"
        + " reads wherever it reads a times CSV (--times), in a few tens of milliseconds.",
    subcommands = {MatrixCommand.Convert.class},
    footer = ExitCodes.HELP)
final class MatrixCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: try 'apl matrix convert'");
  }

  /** {@code apl matrix convert}. */
  @Command(
      name = "convert",
      header = "Writes a times table as a binary matrix file.",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      sortOptions = false,
      description = {
        "Reads a times table (CSV, gzip or an older matrix file) and writes it as a",
        "binary matrix file: version 2, rows by origin, commune index and CRC-32C inside",
        "(the layout is documented in fr.apl.io.binary.MatrixFile); or, with an output",
        "ending in .parquet, as a Parquet pair table for the Spark engine (needs apl-spark)."
      },
      footer = ExitCodes.HELP)
  static final class Convert implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
        names = "--times",
        required = true,
        paramLabel = "FILE",
        description = "Travel times: origin,destination,minutes or Metric COM1,COM2,KM,HC,HP.")
    Path times;

    @Option(
        names = "--time-column",
        paramLabel = "NAME",
        description = "Minutes column (default: minutes, or HC for the Metric layout).")
    String timeColumn;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "FILE",
        description = "The matrix file to write (e.g. france.aplm), through a temporary file moved"
            + " into place at the end; a FIFO or a device is written in place; a symbolic link's"
            + " target is written, the link stays.")
    String output;

    @Option(
        names = {"-q", "--quiet"},
        description = "Print no summary.")
    boolean quiet;

    @Option(
        names = "--force",
        description = "Replace the output file if it exists (a FIFO or"
            + " a device is written in place, never replaced).")
    boolean force;

    @Option(
        names = "--threads",
        paramLabel = "N",
        description = "Threads that read the times table, 1 to " + Options.MAX_THREADS
            + " (default: the machine's processors).")
    Integer threads;

    @picocli.CommandLine.Mixin
    InputOptions input;

    private final PrintStream stdout;

    Convert(PrintStream stdout) {
      this.stdout = stdout;
    }

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      int threadCount = Options.threads(spec, "--threads", threads);
      OutputTarget target = OutputTarget.of("--output", output, List.of(times), force);
      if (target.refusal() != null) {
        throw new ParameterException(spec.commandLine(), target.refusal());
      }
      if (target.isStdout()) {
        throw new ParameterException(
            spec.commandLine(), "--output must be a file: a matrix file is binary");
      }
      PairTableWriter table = null;
      if (output.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
        table = PairTableWriter.forPath(output);
        if (table == null) {
          err.println("apl: --output " + output + ": writing Parquet needs Spark on the class"
              + " path; build it with: mvn -B -pl apl-spark -am package -DskipTests (README,"
              + " Spark engine)");
          return ExitCodes.UNAVAILABLE;
        }
      }
      try {
        target.check();
        long t0 = System.nanoTime();
        // The matrix file is trusted later (compute does not check a matrix file's contents
        // again): the times are read with every check, and refused on an error.
        AplRun run = AplJob.validate(input
            .apply(AplRequest.builder(), timeColumn)
            .threads(threadCount)
            .times(TimesFile.of(times, Progress.on(err, times.toString(), quiet)))
            .build());
        Integer refused = InputCheck.refuse(err, run.validation());
        if (refused != null) {
          return refused;
        }
        TravelTimeMatrix matrix = run.times();
        if (table != null) {
          // A Parquet table is a folder that Spark writes and moves into place itself.
          String line = table.write(matrix, output, force);
          if (!quiet) {
            err.printf(
                Locale.ROOT,
                "apl matrix convert: %s in %.2f s%n",
                line,
                (System.nanoTime() - t0) / 1e9);
          }
          return ExitCodes.OK;
        }
        target.writeBytes(out -> MatrixFile.write(matrix, out), stdout);
        target.commit();
        if (!quiet) {
          err.printf(
              Locale.ROOT,
              "apl matrix convert: %d communes, %d pairs -> %s (%.1f MB) in" + " %.2f s%n",
              matrix.communeCount(),
              matrix.pairCount(),
              output,
              java.nio.file.Files.size(target.file()) / 1e6,
              (System.nanoTime() - t0) / 1e9);
        }
        return ExitCodes.OK;
      } catch (InputException | IOException e) {
        return Failures.exitCode(err, e, List.of(times));
      } finally {
        target.discard();
      }
    }
  }
}
