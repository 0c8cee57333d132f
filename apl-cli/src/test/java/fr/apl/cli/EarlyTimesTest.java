package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.apl.io.csv.InputException;
import fr.apl.io.csv.TimesCsv;
import fr.apl.matrix.TravelTimeMatrix;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The times table read before the options are parsed: started only for a plain compute, used
 * only when the parsed options ask for that read, and a compute gives the same output, messages
 * and exit code whether it used it or not.
 */
class EarlyTimesTest {

  @TempDir
  Path dir;

  private static final int CPUS = Runtime.getRuntime().availableProcessors();

  private Path times() {
    return Cli.samples().resolve("territoire-de-belfort-90").resolve("times.csv");
  }

  @Test
  void startsOnlyForAPlainComputeOnASmallCsv() throws IOException {
    String t = times().toString();
    assertNotNull(EarlyTimes.start(new String[] {"compute", "--times", t, "--supply", "s"}));
    assertNotNull(EarlyTimes.start(new String[] {"compute", "--times=" + t, "--supply", "s"}));
    assertNull(EarlyTimes.start(new String[] {"validate", "--times", t}));
    assertNull(EarlyTimes.start(new String[] {"compute", "--times", t, "--threads", "1"}));
    assertNull(EarlyTimes.start(new String[] {"compute", "--times", t, "--time-column", "HP"}));
    assertNull(EarlyTimes.start(new String[] {"compute", "--times", t, "--columns=origin=a"}));
    assertNull(EarlyTimes.start(new String[] {"compute", "--times", t, "@args.txt"}));
    assertNull(EarlyTimes.start(new String[] {"compute", "--times", t, "--times", t}));
    assertNull(EarlyTimes.start(
        new String[] {"compute", "--times", dir.resolve("none.csv").toString(), "--supply", "s"}));
    assertNull(EarlyTimes.start(new String[] {"compute", "--times", dir.toString(), "-q"}));
    Path big = dir.resolve("big.csv");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(EarlyTimes.MAX_BYTES); // sparse: nothing is written
    }
    assertNull(EarlyTimes.start(new String[] {"compute", "--times", big.toString(), "-q"}));
    // Gzipped, a quarter of the size is the limit (France inflates 4.1 times).
    Path bigGzip = dir.resolve("big.csv.gz");
    try (RandomAccessFile f = new RandomAccessFile(bigGzip.toFile(), "rw")) {
      f.write(new byte[] {0x1f, (byte) 0x8b});
      f.setLength(EarlyTimes.MAX_BYTES / 4);
    }
    assertNull(EarlyTimes.start(new String[] {"compute", "--times", bigGzip.toString(), "-q"}));
    Path france = Cli.samples().resolve("france").resolve("times.csv.gz");
    assertNotNull(EarlyTimes.start(new String[] {"compute", "--times", france.toString(), "-q"}));
  }

  @Test
  void usedOnlyForTheReadAskedFor() throws IOException {
    Path t = times();
    EarlyTimes early = EarlyTimes.start(new String[] {"compute", "--times", t.toString(), "-q"});
    assertNotNull(early);
    assertNull(early.take(dir.resolve("other.csv"), null, null, null, CPUS));
    assertNull(early.take(t, "COM1", null, null, CPUS));
    assertNull(early.take(t, null, "COM2", null, CPUS));
    assertNull(early.take(t, null, null, "HP", CPUS));
    assertNull(early.take(t, null, null, null, CPUS + 1));
    TravelTimeMatrix m = early.take(t, null, null, null, CPUS);
    TravelTimeMatrix direct =
        TimesCsv.read(t, null, null, null, fr.apl.io.csv.ReadProgress.NONE, 1);
    assertArrayEquals(direct.codes(), m.codes());
    assertArrayEquals(direct.rowStart(), m.rowStart());
    assertArrayEquals(direct.destinations(), m.destinations());
    assertArrayEquals(direct.minutes(), m.minutes());
  }

  @Test
  void aFailedReadFailsTheSameWay() throws IOException {
    Path bad =
        Files.writeString(dir.resolve("t.csv"), "origin,destination,minutes\nA,B,1\nA,C,x\n");
    EarlyTimes early = EarlyTimes.start(new String[] {"compute", "--times", bad.toString()});
    InputException e =
        assertThrows(InputException.class, () -> early.take(bad, null, null, null, CPUS));
    InputException direct = assertThrows(
        InputException.class,
        () -> TimesCsv.read(bad, null, null, null, fr.apl.io.csv.ReadProgress.NONE, 1));
    assertEquals(direct.getMessage(), e.getMessage());
  }

  /** The same compute with the early read used and declined (by --threads): same everything. */
  @Test
  void computeIsTheSameWithOrWithoutTheEarlyRead() throws IOException {
    Path folder = Cli.samples().resolve("territoire-de-belfort-90");
    Path bad = Files.writeString(
        dir.resolve("bad.csv"), "origin,destination,minutes\n90001,90001,0\n90001,90002,-3\n");
    for (Path t : new Path[] {folder.resolve("times.csv"), bad}) {
      String[] args = {
        "compute",
        "--times",
        t.toString(),
        "--supply",
        folder.resolve("supply.csv").toString(),
        "--population",
        folder.resolve("population.csv").toString()
      };
      Cli.Run used = Cli.run(args);
      String[] declined = java.util.Arrays.copyOf(args, args.length + 2);
      declined[args.length] = "--threads";
      declined[args.length + 1] = String.valueOf(CPUS);
      Cli.Run plain = Cli.run(declined);
      assertEquals(plain.exit(), used.exit(), t.toString());
      assertEquals(plain.out(), used.out(), t.toString());
      assertEquals(withoutTimings(plain.err()), withoutTimings(used.err()), t.toString());
    }
  }

  private static String withoutTimings(String err) {
    return err.replaceAll("(?m)^  time: .*$", "");
  }
}
