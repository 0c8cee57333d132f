package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs: permissions, folders, clashes, FIFOs and links, write errors, races, leftovers. */
class OutputTargetTest {

  @TempDir
  Path dir;

  /** T1 = 01001 (APL 2, pop 100): zip (<= 2.5). T2 = 01002 (3, 300): vivier. */
  private static final String TABLE = "territory,population,apl,class,forced_class,final_class,"
      + "region,communes\nT1,100.0,2.0,zip,,zip,R1,1\nT2,300.0,3.0,vivier,,vivier,R1,1\n";

  private String[] zoning(String... more) throws IOException {
    Path apl = Files.writeString(
        dir.resolve("apl.csv"), "commune,apl,population\n01001,2.0,100\n01002,3.0,300\n");
    Path terr = Files.writeString(
        dir.resolve("territories.csv"), "commune,territory,region\n01001,T1,R1\n01002,T2,R1\n");
    String[] base = {"zoning", "-q", "--apl", apl.toString(), "--territories", terr.toString()};
    return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
  }

  /** Returns the names in the folder, sorted, without the two inputs. */
  private List<String> files(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("apl.csv") && !n.equals("territories.csv"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private String s(Path p) {
    return p.toString();
  }

  private static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  // 1. Permissions.

  @Test
  void newOutputGetsTheUmaskPermissionsOfARedirect() throws IOException {
    assumeTrue(posix(dir));
    Path ref = dir.resolve("ref");
    // What a shell's > gives: open(O_CREAT, 0666) masked by this process's umask.
    new FileOutputStream(ref.toFile()).close();
    Path out = dir.resolve("zo.csv");
    Cli.Run run = Cli.run(zoning("--output", s(out), "--figures", s(dir.resolve("f.csv"))));
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(TABLE, Files.readString(out));
    assertEquals(Files.getPosixFilePermissions(ref), Files.getPosixFilePermissions(out));
    assertEquals(List.of("f.csv", "ref", "zo.csv"), files(dir));
  }

  @Test
  void umask022GivesReadableOutputs() throws Exception {
    assumeTrue(posix(dir) && Files.isExecutable(Path.of("/bin/sh")));
    Path out = dir.resolve("m.csv");
    List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "umask 022 && exec \"$@\"", "sh"));
    cmd.addAll(java());
    cmd.addAll(List.of(Main.class.getName()));
    cmd.addAll(List.of(zoning("--output", s(out), "--figures", s(dir.resolve("f.csv")))));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), text);
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    assertEquals(
        "rw-r--r--",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("f.csv"))));
  }

  @Test
  void forceKeepsTheReplacedFilesPermissions() throws IOException {
    assumeTrue(posix(dir));
    Path out = Files.writeString(dir.resolve("zo.csv"), "old\n");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw-r--"));
    Cli.Run run =
        Cli.run(zoning("--output", s(out), "--figures", s(dir.resolve("f.csv")), "--force"));
    assertEquals(0, run.exit(), run.err());
    assertEquals(TABLE, Files.readString(out));
    assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
  }

  // 2. A missing folder.

  @Test
  void missingOutputFolderIsAnIoErrorNamingTheOutput() throws IOException {
    Path out = dir.resolve("nope").resolve("zo.csv");
    Cli.Run run = Cli.run(zoning("--output", s(out), "--figures", s(dir.resolve("f.csv"))));
    assertEquals(74, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(
        "apl: --output " + out + ": cannot create it, its folder " + dir.resolve("nope")
            + " does not exist\n",
        run.err());
    assertEquals(List.of(), files(dir));
  }

  // 5. Two outputs on one file.

  @Test
  void twoOutputsOnOneFileAreAUsageError() throws IOException {
    Path zo = dir.resolve("zo.csv");
    String dotted = dir.resolve(".").resolve("zo.csv").toString();
    Cli.Run run = Cli.run(zoning("--output", s(zo), "--json", dotted));
    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertTrue(
        run.err().contains("--output " + zo + " and --json " + dotted + " are the same file"),
        run.err());
    // Through a linked folder, onto an existing file (compared by real path).
    Files.writeString(dir.resolve("c.csv"), "old\n");
    Path linked = Files.createSymbolicLink(dir.resolve("link"), dir);
    Cli.Run other = Cli.run(zoning(
        "--output",
        "-",
        "--communes",
        s(dir.resolve("c.csv")),
        "--figures",
        s(linked.resolve("c.csv")),
        "--force"));
    assertEquals(2, other.exit());
    assertEquals("", other.out());
    assertTrue(
        other
            .err()
            .contains("--communes " + dir.resolve("c.csv") + " and --figures "
                + linked.resolve("c.csv") + " are the same file"),
        other.err());
    assertEquals("old\n", Files.readString(dir.resolve("c.csv")));
    assertEquals(List.of("c.csv", "link"), files(dir));
  }

  // 6. FIFOs, devices and links.

  @Test
  void forceOntoAFifoWritesIntoItAndKeepsIt() throws Exception {
    Path fifo = dir.resolve("pipe");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo"))
        && new ProcessBuilder("/usr/bin/mkfifo", s(fifo)).start().waitFor() == 0);
    StringBuilder read = new StringBuilder();
    Thread reader = new Thread(() -> {
      try {
        read.append(Files.readString(fifo));
      } catch (IOException e) {
        read.append(e);
      }
    });
    reader.start();
    Cli.Run run =
        Cli.run(zoning("--output", s(fifo), "--figures", s(dir.resolve("f.csv")), "--force"));
    reader.join(10_000);
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(TABLE, read.toString());
    assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO was replaced");
    assertEquals(List.of("f.csv", "pipe"), files(dir));
  }

  @Test
  void aLinkedOutputWritesItsTargetAndStaysALink() throws IOException {
    Path real = Files.writeString(dir.resolve("real.csv"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
    Cli.Run run =
        Cli.run(zoning("--output", s(link), "--figures", s(dir.resolve("f.csv")), "--force"));
    assertEquals(0, run.exit(), run.err());
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(TABLE, Files.readString(real));
    // A dangling link: its target is created, as a shell's > does.
    Path dangling = Files.createSymbolicLink(dir.resolve("d.csv"), Path.of("new.csv"));
    Cli.Run again =
        Cli.run(zoning("--output", s(dangling), "--figures", s(dir.resolve("f.csv")), "--force"));
    assertEquals(0, again.exit(), again.err());
    assertTrue(Files.isSymbolicLink(dangling));
    assertEquals(TABLE, Files.readString(dir.resolve("new.csv")));
    assertEquals(List.of("d.csv", "f.csv", "link.csv", "new.csv", "real.csv"), files(dir));
  }

  // 7. Write errors.

  @Test
  void aFailingStdoutIsAnIoError() throws IOException {
    String[] args = zoning("--output", "-");
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(broken, false, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.execute(args, o, e);
    }
    assertEquals(74, code);
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("apl: --output -: write error on stdout"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aFullDeviceIsAnIoError() throws IOException {
    Path full = Path.of("/dev/full");
    // Never run this against a build that could replace it: only a device is tried.
    assumeTrue(Files.exists(full) && !Files.isRegularFile(full) && Files.isWritable(full));
    Cli.Run run =
        Cli.run(zoning("--output", s(full), "--figures", s(dir.resolve("f.csv")), "--force"));
    assertEquals(74, run.exit(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().contains("apl: --output /dev/full: write error: "), run.err());
    assertFalse(Files.isRegularFile(full));
    assertEquals(List.of(), files(dir));
  }

  // 8. Long names.

  @Test
  void a250CharacterNameIsWritten() throws IOException {
    Path out = dir.resolve("a".repeat(246) + ".csv");
    Cli.Run run = Cli.run(zoning("--output", s(out), "--figures", s(dir.resolve("f.csv"))));
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(TABLE, Files.readString(out));
    assertEquals(List.of(out.getFileName().toString(), "f.csv"), files(dir));
  }

  // 9. An output that appears during the run.

  @Test
  void anOutputCreatedMeanwhileIsNotOverwritten() throws IOException {
    Path out = dir.resolve("zo.csv");
    OutputTarget t = OutputTarget.of("--output", s(out), List.of(), false);
    assertEquals(null, t.refusal());
    t.write(
        w -> {
          w.write("ours\n");
          // Another process writes the same output after the start-up check.
          Files.writeString(out, "theirs\n");
        },
        System.out);
    OutputTarget.Failure f = assertThrows(OutputTarget.Failure.class, t::commit);
    StringWriter err = new StringWriter();
    assertEquals(2, Failures.exitCode(new PrintWriter(err), f, List.of()));
    assertEquals(
        "apl: --output " + out + " exists; use --force to replace it",
        err.toString().trim());
    assertEquals("theirs\n", Files.readString(out));
    assertEquals(List.of("zo.csv"), files(dir));
  }

  @Test
  void withoutHardLinksTheMoveStillRefusesToReplace() throws IOException {
    Path staged = Files.writeString(dir.resolve(".apl-00000000.tmp"), "ours\n");
    Path taken = Files.writeString(dir.resolve("taken.csv"), "theirs\n");
    assertThrows(FileAlreadyExistsException.class, () -> OutputTarget.place(staged, taken, false));
    assertEquals("theirs\n", Files.readString(taken));
    OutputTarget.place(staged, dir.resolve("free.csv"), false);
    assertEquals("ours\n", Files.readString(dir.resolve("free.csv")));
    assertFalse(Files.exists(staged));
  }

  // 10. Interrupted runs and leftovers.

  /** Writes an output slowly, through writeBytes as apl matrix convert does: see the test. */
  static final class SlowWriter {
    public static void main(String[] args) throws IOException {
      OutputTarget t = OutputTarget.of("--output", args[0], List.of(), false);
      t.writeBytes(
          o -> {
            o.write(1);
            System.out.println("writing");
            System.out.flush();
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          },
          System.out);
      t.commit();
    }
  }

  private static List<String> java() {
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp);
  }

  @Test
  void sigintAndSigtermLeaveNoTemporaryFile() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")));
    String kill = Files.isExecutable(Path.of("/bin/kill")) ? "/bin/kill" : "/usr/bin/kill";
    for (String signal : new String[] {"INT", "TERM"}) {
      List<String> cmd = new ArrayList<>(java());
      cmd.add(SlowWriter.class.getName());
      cmd.add(s(dir.resolve("m.aplm")));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("writing", r.readLine(), signal);
      assertEquals(1, files(dir).size(), signal + " " + files(dir));
      assertTrue(
          files(dir).get(0).matches("\\.apl-[0-9a-f]{8}\\.tmp"), files(dir).toString());
      assertEquals(
          0,
          new ProcessBuilder(kill, "-" + signal, Long.toString(p.pid())).start().waitFor());
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), signal);
      assertEquals(List.of(), files(dir), signal);
    }
  }

  @Test
  void staleTemporaryFilesAreRemovedByTheNextRun() throws IOException {
    FileTime twoHoursAgo = FileTime.fromMillis(System.currentTimeMillis() - 7_200_000);
    Path stale = Files.writeString(dir.resolve(".apl-0123abcd.tmp"), "killed run\n");
    Files.setLastModifiedTime(stale, twoHoursAgo);
    Path recent = Files.writeString(dir.resolve(".apl-89abcdef.tmp"), "a run under way\n");
    Path foreign = Files.writeString(dir.resolve(".apl-notours.tmp"), "someone else's\n");
    Files.setLastModifiedTime(foreign, twoHoursAgo);
    Cli.Run run =
        Cli.run(zoning("--output", s(dir.resolve("zo.csv")), "--figures", s(dir.resolve("f.csv"))));
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(List.of(".apl-89abcdef.tmp", ".apl-notours.tmp", "f.csv", "zo.csv"), files(dir));
  }
}
