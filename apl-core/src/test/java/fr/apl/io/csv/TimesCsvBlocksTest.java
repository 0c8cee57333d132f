package fr.apl.io.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.matrix.TravelTimeMatrix;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The times table is parsed by blocks of lines on several threads: the matrix, the repeated
 * pairs and the first error (message and line number, counted here independently) must not
 * depend on the block size or the thread count. Block sizes go down to a few bytes, shorter than
 * a line, so lines straddle blocks and buffers grow.
 */
class TimesCsvBlocksTest {

  private static final int[] BLOCKS = {5, 64, 1000, 1 << 20};
  private static final int[] THREADS = {1, 2, 3};

  /** A seeded table with CRLF, blank lines, quotes, spaces, long codes and repeated pairs. */
  private static List<String> lines(long seed, char sep, boolean decimalComma) {
    Random rnd = new Random(seed);
    List<String> out = new ArrayList<>();
    out.add("origin" + sep + "destination" + sep + "minutes");
    int communes = 40 + rnd.nextInt(60);
    for (int o = 0; o < communes; o++) {
      for (int d = 0; d < communes; d++) {
        if (rnd.nextDouble() < 0.6) {
          continue;
        }
        String origin = code(o, rnd);
        String destination = code(d, rnd);
        String minutes = String.valueOf(rnd.nextInt(400) / 10.0);
        if (decimalComma) {
          minutes = minutes.replace('.', ',');
        }
        String line = origin + sep + destination + sep + minutes;
        out.add(line);
        if (rnd.nextDouble() < 0.02) {
          out.add(line); // a repeated pair, same time: kept once and counted
        }
        if (rnd.nextDouble() < 0.02) {
          out.add(rnd.nextBoolean() ? "" : "  \t ");
        }
      }
    }
    return out;
  }

  private static int nonBlankFrom(List<String> lines, int k) {
    while (lines.get(k).isBlank()) {
      k++;
    }
    return k;
  }

  private static String code(int k, Random rnd) {
    String c = k % 7 == 0
        ? "cell-" + String.format(Locale.ROOT, "%07d", k)
        : String.format(Locale.ROOT, "%05d", 1000 + k);
    double r = rnd.nextDouble();
    return r < 0.05 ? "\"" + c + "\"" : r < 0.1 ? " " + c + " " : c;
  }

  private static byte[] join(List<String> lines, boolean crlf, boolean finalNewline) {
    String nl = crlf ? "\r\n" : "\n";
    String text = String.join(nl, lines) + (finalNewline ? nl : "");
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static TravelTimeMatrix read(byte[] csv, int threads, int block) throws IOException {
    return TimesCsv.read("t.csv", new ByteArrayInputStream(csv), null, threads, block);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void blocksAndThreadsGiveTheSameMatrix(long seed) throws IOException {
    boolean french = seed % 2 == 0;
    byte[] csv = join(lines(seed, french ? ';' : ',', french), seed % 3 == 0, seed != 5);
    TravelTimeMatrix one = read(csv, 1, csv.length + 1); // one block
    assertTrue(one.pairCount() > 500, "pairs " + one.pairCount());
    for (int block : BLOCKS) {
      for (int threads : THREADS) {
        String where = "block " + block + ", threads " + threads;
        TravelTimeMatrix m = read(csv, threads, block);
        assertArrayEquals(one.codes(), m.codes(), where);
        assertArrayEquals(one.destinations(), m.destinations(), where);
        assertArrayEquals(one.minutes(), m.minutes(), where);
        assertArrayEquals(one.rowStart(), m.rowStart(), where);
        assertEquals(one.duplicatePairs(), m.duplicatePairs(), where);
      }
    }
    // The repeated pairs of the generator are all found.
    long repeats = 0;
    List<String> l = lines(seed, french ? ';' : ',', french);
    for (int k = 1; k < l.size(); k++) {
      repeats += l.get(k).equals(l.get(k - 1)) && !l.get(k).isBlank() ? 1 : 0;
    }
    assertEquals(repeats, one.duplicatePairs());
  }

  /** Breaks one line of a clean table; the error must name that line, whatever the blocks. */
  @ParameterizedTest(name = "break {0}")
  @ValueSource(strings = {"fields", "number", "negative", "empty code", "other time"})
  void theFirstErrorNamesItsLine(String kind) throws IOException {
    List<String> lines = lines(11, ',', false);
    // Break two lines: the first one must be reported, even when a later block fails first.
    int target = nonBlankFrom(lines, lines.size() * 2 / 3);
    int later = nonBlankFrom(lines, lines.size() - 3);
    String[] first = lines.get(1).split(",");
    for (int at : new int[] {later, target}) {
      String[] f = lines.get(at).split(",");
      lines.set(
          at,
          switch (kind) {
            case "fields" -> f[0] + "," + f[1];
            case "number" -> f[0] + "," + f[1] + ",12 min";
            case "negative" -> f[0] + "," + f[1] + ",-3";
            case "empty code" -> " ," + f[1] + "," + f[2];
            default -> first[0] + "," + first[1] + ",999"; // the pair of line 2, another time
          });
    }
    int expectedLine = target + 1; // 1-based; line 1 is the header
    byte[] csv = join(lines, false, true);
    InputException reference =
        assertThrows(InputException.class, () -> read(csv, 1, csv.length + 1));
    assertEquals(expectedLine, reference.line(), reference.getMessage());
    for (int block : BLOCKS) {
      for (int threads : THREADS) {
        InputException e = assertThrows(InputException.class, () -> read(csv, threads, block));
        assertEquals(
            reference.getMessage(), e.getMessage(), "block " + block + ", threads " + threads);
      }
    }
  }
}
