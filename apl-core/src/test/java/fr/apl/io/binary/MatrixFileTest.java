package fr.apl.io.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.io.csv.InputException;
import fr.apl.matrix.TravelTimeMatrix;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binary matrix format: exact round trip, and every damaged file refused with a message. */
class MatrixFileTest {

  @TempDir
  Path dir;

  /** A seeded matrix with codes of several lengths, a repeated pair and awkward times. */
  private static TravelTimeMatrix matrix(long seed) {
    Random rnd = new Random(seed);
    TravelTimeMatrix.Builder b = TravelTimeMatrix.builder();
    String[] codes = {"01001", "2A004", "75101", "97411", "cell-000000001234", "É1", "99999"};
    for (String o : codes) {
      for (String d : codes) {
        if (rnd.nextInt(3) > 0) {
          b.add(o, d, rnd.nextInt(4) == 0 ? 10.0 : rnd.nextDouble() * 30);
        }
      }
    }
    b.add("99998", "99997", 0.1 + 0.2); // 0.30000000000000004: must come back bit for bit
    b.add("99998", "99997", 0.1 + 0.2);
    b.commune("isolated");
    return b.build();
  }

  private Path write(TravelTimeMatrix m) throws IOException {
    Path p = dir.resolve("m.aplm");
    try (OutputStream out = Files.newOutputStream(p)) {
      MatrixFile.write(m, out);
    }
    return p;
  }

  @Test
  void roundTripIsExact() throws IOException {
    for (long seed = 1; seed <= 5; seed++) {
      TravelTimeMatrix m = matrix(seed);
      TravelTimeMatrix back = MatrixFile.read(write(m));
      assertArrayEquals(m.codes(), back.codes(), "seed " + seed);
      assertArrayEquals(m.rowStart(), back.rowStart(), "seed " + seed);
      assertArrayEquals(m.destinations(), back.destinations(), "seed " + seed);
      double[] a = m.minutes();
      double[] b = back.minutes();
      assertEquals(a.length, b.length);
      for (int k = 0; k < a.length; k++) {
        assertEquals(
            Double.doubleToRawLongBits(a[k]),
            Double.doubleToRawLongBits(b[k]),
            "seed " + seed + " pair " + k);
      }
      assertEquals(1, back.duplicatePairs());
      assertEquals(0.1 + 0.2, back.minutes("99998", "99997"));
      assertEquals(-1, back.indexOf("nowhere"));
      assertTrue(back.indexOf("isolated") >= 0);
    }
  }

  @Test
  void headerIsAsDocumented() throws IOException {
    TravelTimeMatrix m = matrix(7);
    byte[] bytes = Files.readAllBytes(write(m));
    assertEquals("APLMATRX", new String(bytes, 0, 8, StandardCharsets.US_ASCII));
    assertEquals(2, bytes[8]); // version 2, little-endian
    assertEquals(m.communeCount(), (bytes[16] & 0xff) | (bytes[17] & 0xff) << 8);
    assertEquals(m.pairCount(), (bytes[24] & 0xff) | (bytes[25] & 0xff) << 8);
    assertTrue(MatrixFile.isMatrixFile(dir.resolve("m.aplm")));
  }

  @Test
  void damagedFilesAreRefused() throws IOException {
    Path p = write(matrix(3));
    byte[] good = Files.readAllBytes(p);

    byte[] flipped = good.clone();
    flipped[good.length - 3] ^= 1;
    Files.write(p, flipped);
    InputException crc = assertThrows(InputException.class, () -> MatrixFile.read(p));
    assertEquals(
        p + ": matrix file checksum does not match: the file is damaged; convert it" + " again",
        crc.getMessage());

    Files.write(p, java.util.Arrays.copyOf(good, good.length - 8));
    assertTrue(assertThrows(InputException.class, () -> MatrixFile.read(p))
        .getMessage()
        .contains("(truncated?)"));

    byte[] v3 = good.clone();
    v3[8] = 3;
    Files.write(p, v3);
    assertTrue(assertThrows(InputException.class, () -> MatrixFile.read(p))
        .getMessage()
        .contains("matrix file version 3 is not supported"));

    Files.writeString(p, "origin,destination,minutes\n01001,01002,3\n");
    assertFalse(MatrixFile.isMatrixFile(p));
    assertTrue(assertThrows(InputException.class, () -> MatrixFile.read(p))
        .getMessage()
        .contains("not an apl matrix file"));
    // readAny takes the CSV instead.
    assertEquals(3.0, MatrixFile.readAny(p, null).minutes("01001", "01002"));
  }

  @Test
  void fromRowsRefusesInconsistentRows() {
    String[] codes = {"A", "B"};
    assertThrows(
        IllegalArgumentException.class,
        () -> TravelTimeMatrix.fromRows(
            new String[] {"B", "A"}, new int[] {0, 0, 0}, new int[0], new double[0], 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> TravelTimeMatrix.fromRows(
            codes, new int[] {0, 2, 2}, new int[] {1, 1}, new double[] {1, 2}, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> TravelTimeMatrix.fromRows(
            codes, new int[] {0, 1, 1}, new int[] {2}, new double[] {1}, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> TravelTimeMatrix.fromRows(
            codes, new int[] {0, 1, 1}, new int[] {1}, new double[] {-1}, 0));
    assertEquals(
        5.0,
        TravelTimeMatrix.fromRows(codes, new int[] {0, 1, 1}, new int[] {1}, new double[] {5}, 0)
            .minutes("A", "B"));
  }
}
