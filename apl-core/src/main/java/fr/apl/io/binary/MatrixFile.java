package fr.apl.io.binary;

import fr.apl.io.csv.InputException;
import fr.apl.io.csv.ReadProgress;
import fr.apl.io.csv.TimesCsv;
import fr.apl.matrix.TravelTimeMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads and writes a travel-time matrix in the apl binary matrix format, version 1: the matrix as
 * stored in memory (rows by origin, destinations sorted), with its commune index and a CRC-32C
 * checksum, read back by memory-mapping the file and bulk-copying each section.
 *
 * <p>Layout, all integers little-endian, sections aligned on 8 bytes:
 *
 * <pre>
 * offset  size  field
 *      0     8  magic "APLMATRX"
 *      8     4  version (1)
 *     12     4  flags (0; reserved)
 *     16     4  n, communes
 *     20     4  code bytes: length of the code text section
 *     24     8  m, pairs
 *     32     8  repeated pairs dropped when the matrix was built (information)
 *     40     8  CRC-32C of every byte after the 64-byte header
 *     48    16  reserved (0)
 *     64        code ends: n × int32, end offset of each code in the code text
 *               code text: the codes in UTF-8, in index order (= code order), then padding
 *               row starts: (n + 1) × int32, then padding
 *               destinations: m × int32, row by row, then padding
 *               minutes: m × float64 (IEEE 754), row by row
 * </pre>
 *
 * <p>A file of another version, a wrong checksum or inconsistent rows is refused with an
 * {@link InputException}. Times are kept as doubles, so a matrix read back is bit for bit the one
 * written. Size: 12 bytes a pair (France: 34 MB). Stateless and thread-safe.
 */
public final class MatrixFile {

  /** The first 8 bytes of every matrix file. */
  public static final byte[] MAGIC = "APLMATRX".getBytes(StandardCharsets.US_ASCII);
  /** The format version this class writes and reads. */
  public static final int VERSION = 1;

  private static final int HEADER = 64;

  private MatrixFile() {}

  /** Returns true when the file starts with the matrix magic bytes. */
  public static boolean isMatrixFile(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] head = in.readNBytes(MAGIC.length);
      return java.util.Arrays.equals(head, MAGIC);
    }
  }

  /**
   * Reads a travel-time table from a matrix file or a CSV table, whichever the file is.
   *
   * @param timeColumn for a CSV table, the minutes column (null: minutes or HC)
   */
  public static TravelTimeMatrix readAny(Path path, String timeColumn) throws IOException {
    return readAny(path, timeColumn, ReadProgress.NONE);
  }

  /** Like {@link #readAny(Path, String)}, reporting the progress of a CSV read. */
  public static TravelTimeMatrix readAny(Path path, String timeColumn, ReadProgress progress)
      throws IOException {
    return isMatrixFile(path) ? read(path) : TimesCsv.read(path, timeColumn, progress);
  }

  /**
   * Writes a matrix.
   *
   * @param out where to write; not closed
   */
  public static void write(TravelTimeMatrix matrix, OutputStream out) throws IOException {
    String[] codes = matrix.codes();
    byte[][] text = new byte[codes.length][];
    int textBytes = 0;
    for (int i = 0; i < codes.length; i++) {
      text[i] = codes[i].getBytes(StandardCharsets.UTF_8);
      textBytes += text[i].length;
    }
    int n = codes.length;
    int m = matrix.pairCount();
    ByteBuffer codesSection =
        ByteBuffer.allocate(pad(4L * n + textBytes)).order(ByteOrder.LITTLE_ENDIAN);
    int end = 0;
    for (byte[] t : text) {
      end += t.length;
      codesSection.putInt(end);
    }
    for (byte[] t : text) {
      codesSection.put(t);
    }
    ByteBuffer rows = ByteBuffer.allocate(pad(4L * (n + 1))).order(ByteOrder.LITTLE_ENDIAN);
    rows.asIntBuffer().put(matrix.rowStartView());
    ByteBuffer dest = ByteBuffer.allocate(pad(4L * m)).order(ByteOrder.LITTLE_ENDIAN);
    dest.asIntBuffer().put(matrix.destinationsView());
    ByteBuffer minutes = ByteBuffer.allocate(8 * m).order(ByteOrder.LITTLE_ENDIAN);
    minutes.asDoubleBuffer().put(matrix.minutesView());
    ByteBuffer[] sections = {codesSection, rows, dest, minutes};
    CRC32C crc = new CRC32C();
    for (ByteBuffer b : sections) {
      crc.update(b.array(), 0, b.capacity());
    }
    ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    header
        .put(MAGIC)
        .putInt(VERSION)
        .putInt(0)
        .putInt(n)
        .putInt(textBytes)
        .putLong(m)
        .putLong(matrix.duplicatePairs())
        .putLong(crc.getValue());
    out.write(header.array());
    for (ByteBuffer b : sections) {
      out.write(b.array(), 0, b.capacity());
    }
    out.flush();
  }

  /**
   * Reads a matrix file.
   *
   * @throws InputException when the file is not a matrix file of this version, is truncated, fails
   *     its checksum or holds inconsistent rows
   */
  public static TravelTimeMatrix read(Path path) throws IOException {
    String source = path.toString();
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < HEADER) {
        throw new InputException(source, 0, "not an apl matrix file: " + size + " bytes");
      }
      ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(header, 0);
      header.flip();
      byte[] magic = new byte[MAGIC.length];
      header.get(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new InputException(source, 0, "not an apl matrix file (bad magic bytes)");
      }
      int version = header.getInt();
      if (version != VERSION) {
        throw new InputException(
            source,
            0,
            "matrix file version " + version + " is not supported (this apl reads version "
                + VERSION + "): convert it again");
      }
      header.getInt();
      int n = header.getInt();
      int textBytes = header.getInt();
      long m = header.getLong();
      long duplicates = header.getLong();
      long expectedCrc = header.getLong();
      if (n < 0 || textBytes < 0 || m < 0 || m > Integer.MAX_VALUE - 8) {
        throw new InputException(
            source, 0, "corrupt matrix header (communes " + n + ", pairs " + m + ")");
      }
      long codesLength = pad(4L * n + textBytes);
      long rowsLength = pad(4L * (n + 1));
      long destLength = pad(4L * m);
      long minutesLength = 8L * m;
      long expectedSize = HEADER + codesLength + rowsLength + destLength + minutesLength;
      if (size != expectedSize) {
        throw new InputException(
            source,
            0,
            "matrix file is " + size + " bytes, expected " + expectedSize + " for " + n
                + " communes and " + m + " pairs (truncated?)");
      }
      CRC32C crc = new CRC32C();
      long offset = HEADER;
      MappedByteBuffer codesMap = map(ch, offset, codesLength, crc);
      offset += codesLength;
      MappedByteBuffer rowsMap = map(ch, offset, rowsLength, crc);
      offset += rowsLength;
      MappedByteBuffer destMap = map(ch, offset, destLength, crc);
      offset += destLength;
      MappedByteBuffer minutesMap = map(ch, offset, minutesLength, crc);
      if (crc.getValue() != expectedCrc) {
        throw new InputException(
            source,
            0,
            "matrix file checksum does not match: the file is" + " damaged; convert it again");
      }
      String[] codes = new String[n];
      int previous = 0;
      byte[] text = new byte[textBytes];
      codesMap.position(4 * n);
      codesMap.get(text);
      codesMap.position(0);
      for (int i = 0; i < n; i++) {
        int end = codesMap.getInt();
        if (end < previous || end > textBytes) {
          throw new InputException(source, 0, "corrupt commune index at commune " + i);
        }
        codes[i] = new String(text, previous, end - previous, StandardCharsets.UTF_8);
        previous = end;
      }
      int[] rowStart = new int[n + 1];
      rowsMap.asIntBuffer().get(rowStart);
      int[] destinations = new int[(int) m];
      destMap.asIntBuffer().get(destinations);
      double[] minutes = new double[(int) m];
      minutesMap.asDoubleBuffer().get(minutes);
      try {
        return TravelTimeMatrix.fromRows(codes, rowStart, destinations, minutes, duplicates);
      } catch (IllegalArgumentException e) {
        throw new InputException(source, 0, "inconsistent matrix: " + e.getMessage());
      }
    }
  }

  private static MappedByteBuffer map(FileChannel ch, long offset, long length, CRC32C crc)
      throws IOException {
    MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, offset, length);
    b.order(ByteOrder.LITTLE_ENDIAN);
    crc.update(b.duplicate());
    return b;
  }

  private static int pad(long bytes) {
    long padded = (bytes + 7) & ~7L;
    if (padded > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("section of " + bytes + " bytes is too large");
    }
    return (int) padded;
  }
}
