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
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Writes one output, to stdout or to a file.
 *
 * <p>A regular file (or a new one) is written to a temporary file {@code .apl-XXXXXXXX.tmp} in
 * the target folder and put into place by {@link #commit()}, so a failed run leaves no partial
 * file and the previous output untouched. The temporary name has a fixed length (17 bytes), so
 * any output name the file system accepts works. The file gets the permissions a shell's
 * {@code >} would give it: 0666 less the umask for a new file, the old file's permissions when
 * --force replaces one. Without --force the output must still be absent when the run ends: it is
 * put into place by a hard link (or, where the file system has none, a move that does not
 * replace), so an output another process created meanwhile is not overwritten.
 *
 * <p>An existing output that is not a regular file (a FIFO, {@code /dev/null}, a terminal) is
 * written in place, as stdout is: replacing it would turn it into a plain file. A symbolic link
 * is followed: its target is written and the link stays a link.
 *
 * <p>While a temporary file exists a JVM shutdown hook deletes it, so Ctrl-C or a kill (SIGINT,
 * SIGTERM) leaves nothing behind; a SIGKILL can, so writing into a folder first deletes the apl
 * temporary files there (that name pattern only) last modified more than an hour ago.
 *
 * <p>Every failure to write is a {@link Failure}: one line naming the option and the output,
 * with its exit code (74, or 2 for an output that appeared meanwhile).
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

  /** A failure to write an output: its message names the option and the output. */
  static final class Failure extends IOException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    Failure(String message, int exitCode, Throwable cause) {
      super(message, cause);
      this.exitCode = exitCode;
    }

    /** Returns the exit code: {@link ExitCodes#IO}, or {@link ExitCodes#USAGE} for a clobber. */
    int exitCode() {
      return exitCode;
    }
  }

  /** Temporary files older than this are left over by a killed run, and deleted. */
  static final long STALE_MILLIS = TimeUnit.HOURS.toMillis(1);
  /** The apl temporary names, and only them (a glob, then the exact pattern). */
  private static final String TEMP_GLOB = ".apl-*.tmp";

  private static final Pattern TEMP_NAME = Pattern.compile("\\.apl-[0-9a-f]{8}\\.tmp");

  private final String option;
  private final String given;
  /** The file to write, absolute, normalized, links resolved; null for stdout. */
  private final Path file;

  private final String refusal;
  private final boolean force;
  /** True when the output exists and is not a regular file: written in place. */
  private final boolean inPlace;
  /** Why the output cannot be written, found before any work (e.g. no such folder), or null. */
  private final String problem;

  private Path staged;
  private Thread cleaner;

  private OutputTarget(
      String option,
      String given,
      Path file,
      String refusal,
      boolean force,
      boolean inPlace,
      String problem) {
    this.option = option;
    this.given = given;
    this.file = file;
    this.refusal = refusal;
    this.force = force;
    this.inPlace = inPlace;
    this.problem = problem;
  }

  private static OutputTarget refused(String option, String given, String why) {
    return new OutputTarget(option, given, null, option + " " + given + why, false, false, null);
  }

  /**
   * Returns the target of an output option, refused when it is one of the inputs, a folder, or
   * when it exists and {@code force} is false.
   *
   * @param option the option's name, for the messages
   * @param output the path given, {@code -} for stdout
   */
  static OutputTarget of(String option, String output, List<Path> inputs, boolean force) {
    if (output.equals("-")) {
      return new OutputTarget(option, output, null, null, force, false, null);
    }
    Path out;
    try {
      out = resolve(Path.of(output).toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      return refused(option, output, " is not a valid path: " + e.getReason());
    }
    for (Path in : inputs) {
      Path abs = in.toAbsolutePath().normalize();
      boolean same = abs.equals(out);
      try {
        same |= Files.exists(out) && Files.exists(abs) && Files.isSameFile(abs, out);
      } catch (IOException e) {
        // Cannot tell: the path comparison stands.
      }
      if (same) {
        return refused(option, output, " is also an input file: refusing to overwrite it");
      }
    }
    if (!force && Files.exists(out)) {
      return refused(option, output, " exists; use --force to replace it");
    }
    if (Files.isDirectory(out)) {
      return refused(option, output, " is a folder, not a file");
    }
    boolean inPlace = Files.exists(out) && !Files.isRegularFile(out);
    String problem = null;
    Path folder = out.getParent();
    if (!inPlace && !Files.isDirectory(folder)) {
      problem = option + " " + output + ": cannot create it, its folder " + shown(output, out)
          + (Files.exists(folder) ? " is not a folder" : " does not exist");
    }
    return new OutputTarget(option, output, out, null, force, inPlace, problem);
  }

  /** Returns the folder to name in a message: as the user wrote it when the path was not a link. */
  private static String shown(String given, Path resolved) {
    Path g = Path.of(given);
    if (g.toAbsolutePath().normalize().equals(resolved)) {
      return g.getParent() == null ? "." : g.getParent().toString();
    }
    return resolved.getParent().toString();
  }

  /**
   * Returns the file a path names: its real path when it exists (links followed), the target of
   * a dangling link, else the path under its folder's real path; so two spellings of one file
   * compare equal.
   */
  private static Path resolve(Path p) {
    try {
      if (Files.exists(p)) {
        return p.toRealPath();
      }
      Path q = p;
      // A dangling link: write its target, as the shell does (40 is Linux's own limit).
      for (int hops = 0; hops < 40 && Files.isSymbolicLink(q); hops++) {
        q = q.getParent().resolve(Files.readSymbolicLink(q)).normalize();
      }
      Path folder = q.getParent();
      return Files.isDirectory(folder) ? folder.toRealPath().resolve(q.getFileName()) : q;
    } catch (IOException e) {
      return p;
    }
  }

  /**
   * Returns a message naming both options when two of these targets are the same file (stdout
   * excepted), or null.
   */
  static String clash(List<OutputTarget> targets) {
    for (int i = 0; i < targets.size(); i++) {
      for (int j = i + 1; j < targets.size(); j++) {
        OutputTarget a = targets.get(i);
        OutputTarget b = targets.get(j);
        if (a.file != null && a.file.equals(b.file)) {
          return a.option + " " + a.given + " and " + b.option + " " + b.given
              + " are the same file: give each output its own file";
        }
      }
    }
    return null;
  }

  /** Returns why this output is refused, or null. */
  String refusal() {
    return refusal;
  }

  /** Returns true when this output goes to stdout. */
  boolean isStdout() {
    return file == null;
  }

  /** Returns the file (links resolved), or null for stdout. */
  Path file() {
    return file;
  }

  /**
   * Fails now if the output cannot be created (its folder does not exist), so that a command can
   * say so before its work rather than after; {@link #write} checks it too.
   */
  void check() throws Failure {
    if (problem != null) {
      throw new Failure(problem, ExitCodes.IO, null);
    }
  }

  /** Writes to stdout at once, or to a temporary file that {@link #commit()} moves into place. */
  void write(Body body, PrintStream stdout) throws IOException {
    writeBytes(
        o -> {
          Writer w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), 1 << 16);
          body.write(w);
          w.flush();
        },
        stdout);
  }

  /** Writes bytes to stdout at once, or to a temporary file that {@link #commit()} moves. */
  void writeBytes(BytesBody body, PrintStream stdout) throws IOException {
    if (file == null) {
      OutputStream o = new BufferedOutputStream(stdout, 1 << 16);
      body.write(o);
      o.flush();
      // A PrintStream keeps its errors (a closed pipe, a full disk) to itself: ask.
      if (stdout.checkError()) {
        throw new Failure(option + " " + given + ": write error on stdout", ExitCodes.IO, null);
      }
      return;
    }
    check();
    if (inPlace) {
      try (OutputStream o = new BufferedOutputStream(
          Files.newOutputStream(
              file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
          1 << 16)) {
        body.write(o);
      } catch (IOException e) {
        throw failure("write error", e);
      }
      return;
    }
    removeStale(file.getParent());
    try {
      createTemp();
    } catch (IOException e) {
      discard();
      throw failure("cannot create a temporary file in its folder", e);
    }
    try (OutputStream o = new BufferedOutputStream(
        Files.newOutputStream(staged, StandardOpenOption.WRITE), 1 << 16)) {
      body.write(o);
    } catch (IOException e) {
      discard();
      throw failure("write error", e);
    } catch (RuntimeException e) {
      discard();
      throw e;
    }
  }

  /** Creates the temporary file, with the permissions the output will have, and guards it. */
  private void createTemp() throws IOException {
    Path folder = file.getParent();
    boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    Set<PosixFilePermission> old = null;
    if (posix && force && Files.isRegularFile(file)) {
      try {
        old = Files.getPosixFilePermissions(file);
      } catch (IOException e) {
        // Unreadable attributes: the new file's default stands.
      }
    }
    // Created with 0666, which the OS masks with the umask, as a shell's > does
    // (Files.createTempFile would make it 0600).
    FileAttribute<?>[] attrs = posix
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"))
        }
        : new FileAttribute<?>[0];
    for (int attempt = 0; ; attempt++) {
      Path tmp = folder.resolve(String.format(
          Locale.ROOT, ".apl-%08x.tmp", ThreadLocalRandom.current().nextInt()));
      try {
        Files.createFile(tmp, attrs);
      } catch (FileAlreadyExistsException e) {
        if (attempt < 100) {
          continue;
        }
        throw e;
      }
      staged = tmp;
      guard(tmp);
      if (old != null) {
        Files.setPosixFilePermissions(tmp, old);
      }
      return;
    }
  }

  /** Deletes the temporary file at JVM exit (Ctrl-C, SIGTERM) until it is committed. */
  private void guard(Path tmp) {
    Thread t = new Thread(
        () -> {
          try {
            Files.deleteIfExists(tmp);
          } catch (IOException e) {
            // Exiting: nothing else to do; the next run in this folder removes it after an hour.
          }
        },
        "apl-delete-temporary-file");
    Runtime.getRuntime().addShutdownHook(t);
    cleaner = t;
  }

  private void unguard() {
    if (cleaner != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(cleaner);
      } catch (IllegalStateException e) {
        // Shutting down: the hook runs and finds the file gone or deletes it.
      }
      cleaner = null;
    }
  }

  /**
   * Deletes the apl temporary files of a folder last modified more than {@link #STALE_MILLIS}
   * ago: left by a run killed with SIGKILL (a live run's file is written within seconds).
   */
  static void removeStale(Path folder) {
    long limit = System.currentTimeMillis() - STALE_MILLIS;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, TEMP_GLOB)) {
      for (Path p : s) {
        if (TEMP_NAME.matcher(p.getFileName().toString()).matches()
            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          FileTime t = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
          if (t.toMillis() < limit) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Best effort: an unreadable folder fails at the temporary file's creation, with a message.
    }
  }

  /** Puts the written temporary file into place. */
  void commit() throws IOException {
    if (staged == null) {
      return;
    }
    try {
      if (force) {
        try {
          Files.move(
              staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } else {
        place(staged, file, true);
      }
    } catch (FileAlreadyExistsException e) {
      throw new Failure(
          option + " " + given + " exists; use --force to replace it", ExitCodes.USAGE, e);
    } catch (IOException e) {
      throw failure("cannot move the temporary file into place", e);
    } finally {
      discard();
    }
  }

  /**
   * Puts {@code staged} at {@code target} unless target exists, atomically: a hard link fails
   * when the name is taken; where the file system has no hard links, a move without replacing
   * (which checks just before it renames).
   *
   * @throws FileAlreadyExistsException when target exists
   */
  static void place(Path staged, Path target, boolean link) throws IOException {
    if (link) {
      try {
        Files.createLink(target, staged);
        Files.deleteIfExists(staged);
        return;
      } catch (FileAlreadyExistsException e) {
        throw e;
      } catch (UnsupportedOperationException | FileSystemException e) {
        // FAT, some network file systems (EPERM): no hard links there.
      }
    }
    Files.move(staged, target);
  }

  /** Removes the temporary file, if any. */
  void discard() {
    if (staged != null) {
      try {
        Files.deleteIfExists(staged);
      } catch (IOException e) {
        // Best effort: the next run in this folder removes it after an hour.
      }
      staged = null;
    }
    unguard();
  }

  private Failure failure(String what, IOException e) {
    String why = e instanceof NoSuchFileException
        ? "no such file or folder"
        : e instanceof FileSystemException f && f.getReason() != null
            ? f.getReason()
            : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return new Failure(option + " " + given + ": " + what + ": " + why, ExitCodes.IO, e);
  }
}
