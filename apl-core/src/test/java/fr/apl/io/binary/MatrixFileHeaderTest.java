package fr.apl.io.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fr.apl.io.csv.InputException;
import fr.apl.matrix.TravelTimeMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged matrix headers: every field patched, with and without a checksum made to match, is an
 * {@link InputException} naming the file, never an allocation or mapping failure.
 */
class MatrixFileHeaderTest {

  @TempDir
  Path dir;

  /** 3 communes, 4 pairs, one repeated pair: 64 + 32 (12 + 15 padded) + 16 + 16 + 32 = 160 bytes. */
  static byte[] small() throws IOException {
    TravelTimeMatrix.Builder b = TravelTimeMatrix.builder();
    b.add("01001", "01002", 3.5);
    b.add("01001", "01003", 7.0);
    b.add("01002", "01001", 3.25);
    b.add("01003", "01003", 0.0);
    b.add("01003", "01003", 0.0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MatrixFile.write(b.build(), out);
    return out.toByteArray();
  }

  /** Sets the checksum that the version in the bytes expects, as a consistent liar would. */
  static void rechecksum(byte[] bytes) {
    CRC32C crc = new CRC32C();
    if (bytes[8] == 1) {
      crc.update(bytes, 64, bytes.length - 64);
    } else {
      crc.update(bytes, 0, 40);
      crc.update(bytes, 48, bytes.length - 48);
    }
    le(bytes).putLong(40, crc.getValue());
  }

  static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private Path file(byte[] bytes) throws IOException {
    return Files.write(dir.resolve("bad.aplm"), bytes);
  }

  private InputException refused(byte[] bytes, String what) throws IOException {
    Path p = file(bytes);
    InputException e = assertThrows(InputException.class, () -> MatrixFile.read(p), what);
    assertTrue(e.getMessage().startsWith(p + ": "), what + ": " + e.getMessage());
    return e;
  }

  @Test
  void smallFileIsAsExpected() throws IOException {
    byte[] good = small();
    assertEquals(160, good.length);
    ByteBuffer h = le(good);
    assertEquals(3, h.getInt(16));
    assertEquals(4, h.getLong(24));
    assertEquals(1, h.getLong(32));
    assertEquals(1, MatrixFile.read(file(good)).duplicatePairs());
  }

  @Test
  void everyHeaderFieldIsCheckedWithOrWithoutAMatchingChecksum() throws IOException {
    byte[] good = small();
    // offset, width, value, message fragment when the checksum is made to match
    Object[][] patches = {
      {0, 1, 'X', "bad magic bytes"},
      {8, 4, 0, "version 0 is not supported"},
      {8, 4, 3, "version 3 is not supported"},
      {8, 4, -1, "version -1 is not supported"},
      {12, 4, 1, "flags must be 0"},
      {16, 4, Integer.MAX_VALUE, "commune count 2147483647 does not fit"},
      {16, 4, -1, "commune count -1 does not fit"},
      {16, 4, 4, "expected"},
      {16, 4, 2, "expected"},
      {20, 4, Integer.MAX_VALUE, "code text of 2147483647 bytes does not fit"},
      {20, 4, -5, "code text of -5 bytes does not fit"},
      {20, 4, 16, "the codes end at byte 15 of 16"},
      {24, 8, Long.MAX_VALUE, "pair count 9223372036854775807 does not fit"},
      {24, 8, 1L << 40, "pair count 1099511627776 does not fit"},
      {24, 8, -1L, "pair count -1 does not fit"},
      {24, 8, 5L, "expected"},
      {24, 8, 3L, "expected"},
      {32, 8, -1L, "repeated pair count must be >= 0"},
      {48, 1, 7, "reserved byte 48 is not 0"},
      {63, 1, 1, "reserved byte 63 is not 0"},
    };
    for (Object[] patch : patches) {
      for (boolean liar : new boolean[] {false, true}) {
        byte[] bad = good.clone();
        int at = (Integer) patch[0];
        int width = (Integer) patch[1];
        Object value = patch[2];
        String what = "offset " + at + " = " + value + (liar ? " (checksum matching)" : "");
        if (value instanceof Character c) {
          bad[at] = (byte) c.charValue();
        } else if (width == 1) {
          bad[at] = ((Integer) value).byteValue();
        } else if (width == 4) {
          le(bad).putInt(at, (Integer) value);
        } else {
          le(bad).putLong(at, (Long) value);
        }
        if (liar) {
          rechecksum(bad);
        }
        InputException e = refused(bad, what);
        // Without a matching checksum the header checks may still be what trips first; with one,
        // the message says which field is wrong.
        if (liar) {
          assertTrue(e.getMessage().contains((String) patch[3]), what + ": " + e.getMessage());
        }
      }
    }
    // The repeated pairs and the checksum itself are covered by the checksum.
    for (int at : new int[] {32, 40}) {
      byte[] bad = good.clone();
      bad[at] ^= 1;
      assertTrue(refused(bad, "offset " + at).getMessage().contains("checksum does not match"));
    }
  }

  @Test
  void truncatedAndLengthenedFilesAreRefused() throws IOException {
    byte[] good = small();
    for (int length : new int[] {0, 7, 8, 12, 63, 64, 65, 96, 159}) {
      String m = refused(Arrays.copyOf(good, length), "length " + length).getMessage();
      assertTrue(m.contains("truncated"), length + ": " + m);
    }
    String m = refused(Arrays.copyOf(good, good.length + 8), "8 more bytes").getMessage();
    assertTrue(m.contains("trailing bytes, or a damaged header"), m);
  }

  @Test
  void versionOneFilesAreStillRead() throws IOException {
    // Version 1: same layout, the checksum over the bytes after the header only.
    byte[] v1 = small();
    v1[8] = 1;
    rechecksum(v1);
    TravelTimeMatrix m = MatrixFile.read(file(v1));
    TravelTimeMatrix expected = MatrixFile.read(file(small()));
    assertArrayEquals(expected.codes(), m.codes());
    assertArrayEquals(expected.rowStart(), m.rowStart());
    assertArrayEquals(expected.destinations(), m.destinations());
    assertArrayEquals(expected.minutes(), m.minutes());
    // Its repeated pair count was never checksummed: taken as given, still refused when negative.
    le(v1).putLong(32, 9L);
    assertEquals(9, MatrixFile.read(file(v1)).duplicatePairs());
    le(v1).putLong(32, -9L);
    assertTrue(refused(v1, "v1 negative repeats").getMessage().contains("must be >= 0"));
    // Its other header fields get the same checks as version 2.
    le(v1).putLong(32, 0L);
    le(v1).putInt(16, Integer.MAX_VALUE);
    assertTrue(refused(v1, "v1 huge n").getMessage().contains("commune count 2147483647"));
  }

  @Test
  void corruptSectionsBehindAMatchingChecksumAreRefused() throws IOException {
    byte[] good = small();
    // Code ends at 64 (3 ints, 5 bytes of text each), row starts at 64 + 32 = 96.
    byte[] codes = good.clone();
    le(codes).putInt(64, 99);
    rechecksum(codes);
    assertTrue(refused(codes, "code end").getMessage().contains("corrupt commune index"));
    byte[] rows = good.clone();
    le(rows).putInt(100, 1000); // commune 1 starts past the pairs
    rechecksum(rows);
    assertTrue(refused(rows, "row start").getMessage().contains("corrupt row starts"));
    byte[] backwards = good.clone();
    le(backwards).putInt(100, 3);
    le(backwards).putInt(104, 1);
    rechecksum(backwards);
    assertTrue(refused(backwards, "row start back").getMessage().contains("corrupt row starts"));
  }

  /**
   * Seeded random damage anywhere in the file: one to four bytes changed, the checksum left as it
   * was or made to match. Nothing but an InputException may come out of the reader.
   */
  @Test
  void randomDamageIsOnlyEverAnInputException() throws IOException {
    byte[] good = small();
    Path p = dir.resolve("fuzz.aplm");
    int refusals = 0;
    for (long seed = 1; seed <= 400; seed++) {
      Random rnd = new Random(seed);
      byte[] bad = good.clone();
      int changes = 1 + rnd.nextInt(4);
      for (int k = 0; k < changes; k++) {
        int at = rnd.nextInt(bad.length);
        // Bias towards the header, where the counts are.
        if (rnd.nextBoolean()) {
          at = rnd.nextInt(64);
        }
        bad[at] = rnd.nextInt(4) == 0 ? (byte) 0xff : (byte) (bad[at] ^ (1 << rnd.nextInt(8)));
      }
      boolean liar = seed % 2 == 0;
      if (liar) {
        rechecksum(bad);
      }
      Files.write(p, bad);
      try {
        MatrixFile.read(p);
      } catch (InputException e) {
        refusals++;
        assertTrue(e.getMessage().startsWith(p + ": "), "seed " + seed + ": " + e.getMessage());
      } catch (Throwable t) {
        fail("seed " + seed + (liar ? " (checksum matching)" : "") + ": " + t, t);
      }
    }
    // Some damage is harmless behind a matching checksum (a minute changed, padding): most is not.
    assertTrue(refusals > 300, "refusals " + refusals);
  }
}
