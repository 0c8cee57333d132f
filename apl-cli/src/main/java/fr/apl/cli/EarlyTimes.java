package fr.apl.cli;

import fr.apl.internal.Parallel;
import fr.apl.io.binary.MatrixFile;
import fr.apl.io.csv.CsvFiles;
import fr.apl.io.csv.ReadProgress;
import fr.apl.io.csv.TimesCsv;
import fr.apl.matrix.TravelTimeMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.FutureTask;

/**
 * Starts reading the times table of {@code apl compute} before picocli has parsed the command
 * line: picocli takes about 0.12 s to start, on one core, which the read can use (about 70 ms
 * less for France, measured). The read is a guess made from the raw arguments; it is used only
 * when the parsed options ask for exactly that read (same file, the usual column names, the
 * default thread count), and otherwise left to end unused, so that it can never change a result
 * or a message: a read that failed fails the same way when it is used.
 *
 * <p>Only tables that read in well under a second are read early: under {@link #MAX_BYTES} on
 * disk, or under a quarter of it gzipped (France inflates 4.1 times). The progress line they
 * skip (shown for long reads when stderr is a terminal) was never useful for them, but a
 * computation whose options decline the early read shows it as before. Binary matrix files read
 * in milliseconds anyway.
 *
 * <p>A read that is not used is not stopped: it ends on its own daemon thread (a second at most),
 * which the CLI's exit ends anyway.
 */
final class EarlyTimes {

  /** Tables at least this large (on disk) are not read early. */
  static final long MAX_BYTES = 100_000_000L;

  private final Path file;
  private final int threads;
  private final FutureTask<TravelTimeMatrix> task;

  private EarlyTimes(Path file, int threads) {
    this.file = file;
    this.threads = threads;
    this.task = new FutureTask<>(() -> TimesCsv.read(file, null, null, null, ReadProgress.NONE,
        threads));
  }

  /**
   * Starts the read when the arguments are those of a compute with one {@code --times} file and
   * none of the options that change how it is read; returns null otherwise.
   */
  static EarlyTimes start(String[] args) {
    if (args.length < 3 || !args[0].equals("compute")) {
      return null;
    }
    String times = null;
    int given = 0;
    for (int k = 1; k < args.length; k++) {
      String a = args[k];
      if (a.startsWith("@") || a.startsWith("--columns") || a.startsWith("--time-column")
          || a.startsWith("--threads")) {
        return null;
      }
      if (a.equals("--times") && k + 1 < args.length) {
        times = args[++k];
        given++;
      } else if (a.startsWith("--times=")) {
        times = a.substring("--times=".length());
        given++;
      }
    }
    if (given != 1) {
      return null;
    }
    try {
      Path file = Path.of(times);
      if (!Files.isRegularFile(file) || MatrixFile.isMatrixFile(file)
          || Files.size(file) >= (CsvFiles.isGzip(file) ? MAX_BYTES / 4 : MAX_BYTES)) {
        return null;
      }
      EarlyTimes early = new EarlyTimes(file, Runtime.getRuntime().availableProcessors());
      Thread t = new Thread(early.task, "apl-early-times");
      t.setDaemon(true);
      t.start();
      return early;
    } catch (IOException | RuntimeException e) {
      // Not readable now, or not a path: the command reports it in its own words.
      return null;
    }
  }

  /**
   * Returns the matrix read early when it was read as asked, waiting for it; null when the read
   * asked for is another one. What the read threw is thrown as it was.
   *
   * @param origin the origin column asked for, null for the usual names (and so on)
   */
  TravelTimeMatrix take(Path asked, String origin, String destination, String minutes,
      int threadCount) throws IOException {
    if (!asked.equals(file) || origin != null || destination != null || minutes != null
        || threadCount != threads) {
      return null;
    }
    return Parallel.await(task, "reading " + file);
  }
}
