package fr.apl.io.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.matrix.TravelTimeMatrix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gunzipping on a background thread gives the same matrix, and reports a broken file. */
class InflaterTest {

  @TempDir
  Path dir;

  private static byte[] gzippedTimes() throws IOException {
    // About 6 MB of CSV: several 1 MiB chunks cross the queue.
    StringBuilder csv = new StringBuilder("origin,destination,minutes\n");
    for (int o = 0; o < 600; o++) {
      for (int d = 0; d < 600; d += 2) {
        csv.append(10000 + o)
            .append(',')
            .append(10000 + d)
            .append(',')
            .append((o * 7 + d) % 250 / 10.0)
            .append('\n');
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void backgroundGunzipGivesTheSameMatrix() throws IOException {
    byte[] gz = gzippedTimes();
    Path file = Files.write(dir.resolve("t.csv.gz"), gz);
    TravelTimeMatrix background = TimesCsv.read(file);
    TravelTimeMatrix inline = TimesCsv.read("t", new ByteArrayInputStream(gz), (String) null);
    assertArrayEquals(inline.codes(), background.codes());
    assertArrayEquals(inline.destinations(), background.destinations());
    assertArrayEquals(inline.minutes(), background.minutes());
  }

  /** A cut gzip file is bad data (the file is named, and how much of it could be read). */
  @Test
  void truncatedGzipIsBadData() throws IOException {
    byte[] gz = gzippedTimes();
    Path file = Files.write(dir.resolve("t.csv.gz"), Arrays.copyOf(gz, gz.length / 2));
    InputException e = assertThrows(InputException.class, () -> TimesCsv.read(file));
    assertEquals(file.toString(), e.source());
    assertTrue(e.problem().startsWith("the gzip file is cut short after "), e.problem());
  }

  @Test
  void progressReachesTheFileSize() throws IOException {
    Path file = Files.write(dir.resolve("t.csv.gz"), gzippedTimes());
    java.util.List<long[]> calls = new java.util.ArrayList<>();
    TimesCsv.read(file, (String) null, (read, total) -> calls.add(new long[] {read, total}));
    long size = Files.size(file);
    long[] last = calls.get(calls.size() - 1);
    org.junit.jupiter.api.Assertions.assertEquals(size, last[0]);
    org.junit.jupiter.api.Assertions.assertEquals(size, last[1]);
    for (int k = 1; k < calls.size(); k++) {
      org.junit.jupiter.api.Assertions.assertTrue(calls.get(k)[0] > calls.get(k - 1)[0]);
    }
  }
}
