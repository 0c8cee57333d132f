package fr.apl.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes one output, to stdout or to a file. A file is written to a temporary file in the target
 * folder and moved into place by {@link #commit()}, so a failed run leaves no partial file and
 * the previous output untouched; {@link #discard()} removes the temporary file.
 */
final class OutputTarget {

  /** A writer body that may fail with an IOException. */
  @FunctionalInterface
  interface Body {
    void write(Writer w) throws IOException;
  }

  /** A body writing bytes, that may fail with an IOException. */
  @FunctionalInterface
  interface BytesBody {
    void write(OutputStream out) throws IOException;
  }

  private final Path file;
  private final String refusal;
  private Path staged;

  private OutputTarget(Path file, String refusal) {
    this.file = file;
    this.refusal = refusal;
  }

  /**
   * Returns the target of an output option, refused when it is one of the inputs, or when it
   * exists and {@code force} is false.
   *
   * @param option the option's name, for the message
   * @param output the path given, {@code -} for stdout
   */
  static OutputTarget of(String option, String output, List<Path> inputs, boolean force) {
    if (output.equals("-")) {
      return new OutputTarget(null, null);
    }
    Path out = Path.of(output).toAbsolutePath().normalize();
    for (Path in : inputs) {
      Path abs = in.toAbsolutePath().normalize();
      boolean same = abs.equals(out);
      try {
        same |= Files.exists(out) && Files.exists(abs) && Files.isSameFile(abs, out);
      } catch (IOException e) {
        // Cannot tell: the path comparison stands.
      }
      if (same) {
        return new OutputTarget(null, option + " " + output
            + " is also an input file: refusing to overwrite it");
      }
    }
    if (!force && Files.exists(out)) {
      return new OutputTarget(null, option + " " + output + " exists; use --force to replace it");
    }
    if (Files.isDirectory(out)) {
      return new OutputTarget(null, option + " " + output + " is a folder, not a file");
    }
    return new OutputTarget(out, null);
  }

  /** Returns why this output is refused, or null. */
  String refusal() {
    return refusal;
  }

  /** Returns true when this output goes to stdout. */
  boolean isStdout() {
    return file == null;
  }

  /** Returns the file, or null for stdout. */
  Path file() {
    return file;
  }

  /** Writes to stdout at once, or to a temporary file that {@link #commit()} moves into place. */
  void write(Body body, PrintStream stdout) throws IOException {
    if (file == null) {
      Writer w = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8),
          1 << 16);
      body.write(w);
      w.flush();
      return;
    }
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
    staged = tmp;
    // An interrupted run (Ctrl-C, kill) runs the shutdown hooks: no hidden file is left behind.
    tmp.toFile().deleteOnExit();
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      body.write(w);
    } catch (IOException | RuntimeException e) {
      discard();
      throw e;
    }
  }

  /** Writes bytes to stdout at once, or to a temporary file that {@link #commit()} moves. */
  void writeBytes(BytesBody body, PrintStream stdout) throws IOException {
    if (file == null) {
      OutputStream o = new BufferedOutputStream(stdout, 1 << 16);
      body.write(o);
      o.flush();
      return;
    }
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
    staged = tmp;
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
      body.write(o);
    } catch (IOException | RuntimeException e) {
      discard();
      throw e;
    }
  }

  /** Moves the written temporary file into place (atomically where the file system can). */
  void commit() throws IOException {
    if (staged == null) {
      return;
    }
    try {
      Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      discard();
    }
  }

  /** Removes the temporary file, if any. */
  void discard() {
    if (staged != null) {
      try {
        Files.deleteIfExists(staged);
      } catch (IOException e) {
        // Best effort: a leftover hidden .tmp file does not harm the outputs.
      }
      staged = null;
    }
  }
}
