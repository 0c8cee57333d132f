package fr.apl.cli;

import fr.apl.io.csv.ReadProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Shows the progress of a long read on stderr, on one line rewritten in place, when stderr is a
 * terminal; says nothing otherwise (CI logs, redirections).
 */
final class Progress {

  private Progress() {}

  /** Returns a listener for reading {@code what}, or {@link ReadProgress#NONE} off a terminal. */
  static ReadProgress on(PrintWriter err, String what, boolean quiet) {
    return labelled(err, "reading " + what, quiet);
  }

  /** Returns a listener that shows {@code label: NN %}, or {@link ReadProgress#NONE}. */
  static ReadProgress labelled(PrintWriter err, String label, boolean quiet) {
    if (quiet || !stderrIsTerminal()) {
      return ReadProgress.NONE;
    }
    return (read, total) -> {
      err.printf(Locale.ROOT, "\r%s: %3.0f %%", label, total > 0 ? 100.0 * read / total : 100.0);
      if (read >= total) {
        err.print("\r\033[K");
      }
      err.flush();
    };
  }

  /**
   * Returns true when stderr is a terminal: on Linux, file descriptor 2 links to a tty or pts;
   * elsewhere, when the JVM has a console.
   */
  static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.exists(fd)) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return System.console() != null;
  }
}
