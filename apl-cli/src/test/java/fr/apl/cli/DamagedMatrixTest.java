package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apl compute on a damaged matrix file: whatever header field is wrong, bad data (65) naming the
 * file, never a bug (1), and no output left behind.
 */
class DamagedMatrixTest {

  @TempDir
  Path dir;

  private byte[] good;

  @BeforeEach
  void convert() throws IOException {
    Files.writeString(dir.resolve("times.csv"), BrokenInputsTest.TIMES);
    Files.writeString(dir.resolve("population.csv"), BrokenInputsTest.POPULATION);
    Files.writeString(dir.resolve("supply.csv"), BrokenInputsTest.SUPPLY);
    Path m = dir.resolve("good.aplm");
    Cli.Run convert = Cli.run(
        "matrix",
        "convert",
        "--times",
        dir.resolve("times.csv").toString(),
        "--output",
        m.toString());
    assertEquals(0, convert.exit(), convert.err());
    good = Files.readAllBytes(m);
    Cli.Run ok = compute(m);
    assertEquals(0, ok.exit(), ok.err());
    Files.delete(dir.resolve("apl.csv"));
  }

  private Cli.Run compute(Path times) {
    return Cli.run(
        "compute",
        "--times",
        times.toString(),
        "--population",
        dir.resolve("population.csv").toString(),
        "--supply",
        dir.resolve("supply.csv").toString(),
        "--output",
        dir.resolve("apl.csv").toString());
  }

  /** Runs compute on the damaged bytes and checks the house rules for bad data. */
  private String refused(byte[] bytes, String what) throws IOException {
    Path bad = Files.write(dir.resolve("bad.aplm"), bytes);
    Cli.Run run = compute(bad);
    assertEquals(65, run.exit(), what + ": " + run.err());
    assertTrue(run.err().contains(bad.toString()), what + ": " + run.err());
    assertFalse(run.err().contains("Exception"), what + ": " + run.err());
    assertFalse(Files.exists(dir.resolve("apl.csv")), what);
    return run.err();
  }

  private static void rechecksum(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, 40);
    crc.update(bytes, 48, bytes.length - 48);
    le(bytes).putLong(40, crc.getValue());
  }

  private static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void hugeCountsAreBadDataNotABug() throws IOException {
    // Before the header checks, these made MatrixFile.pad throw IllegalArgumentException: exit 1.
    for (boolean liar : new boolean[] {false, true}) {
      byte[] n = good.clone();
      le(n).putInt(16, Integer.MAX_VALUE);
      byte[] m = good.clone();
      le(m).putLong(24, Long.MAX_VALUE / 2);
      byte[] text = good.clone();
      le(text).putInt(20, -1);
      if (liar) {
        rechecksum(n);
        rechecksum(m);
        rechecksum(text);
      }
      assertTrue(refused(n, "communes " + liar).contains("commune count 2147483647 does not fit"));
      assertTrue(refused(m, "pairs " + liar).contains("pair count 4611686018427387903"));
      assertTrue(refused(text, "code text " + liar).contains("code text of -1 bytes"));
    }
  }

  @Test
  void everyHeaderFieldDamagedIsBadData() throws IOException {
    int[][] fields = {{0, 8}, {8, 4}, {12, 4}, {16, 4}, {20, 4}, {24, 8}, {32, 8}, {40, 8}, {48, 16}
    };
    for (int[] f : fields) {
      for (int value : new int[] {0x01, 0x80, 0xff}) {
        byte[] bad = good.clone();
        // The field's most significant byte, so that the value changes a lot, and its least.
        bad[f[0] + f[1] - 1] ^= (byte) value;
        bad[f[0]] ^= (byte) value;
        if (Arrays.equals(bad, good)) {
          continue;
        }
        refused(bad, "field at " + f[0] + " ^ " + value);
      }
    }
  }

  @Test
  void truncatedMatrixIsBadData() throws IOException {
    for (int length : new int[] {12, 64, good.length / 2, good.length - 1}) {
      assertTrue(refused(Arrays.copyOf(good, length), "length " + length).contains("truncated"));
    }
  }

  @Test
  void randomDamageIsBadData() throws IOException {
    for (long seed = 1; seed <= 40; seed++) {
      Random rnd = new Random(seed);
      byte[] bad = good.clone();
      bad[rnd.nextInt(bad.length)] ^= (byte) (1 + rnd.nextInt(255));
      refused(bad, "seed " + seed);
    }
  }
}
