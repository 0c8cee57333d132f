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
 * Reads and writes a travel-time matrix in the apl binary matrix format, version 2: the matrix as
 * stored in memory (rows by origin, destinations sorted), with its commune index and a CRC-32C
 * checksum, read back by memory-mapping the file and bulk-copying each section.
 *
 * <p>Layout, all integers little-endian, sections aligned on 8 bytes:
 *
 * <pre>
 * offset  size  field
 *      0     8  magic "APLMATRX"
 *      8     4  version (2)
 *     12     4  flags (0; reserved)
 *     16     4  n, communes
 *     20     4  code bytes: length of the code text section
 *     24     8  m, pairs
 *     32     8  repeated pairs dropped when the matrix was built (information)
 *     40     8  CRC-32C of every other byte of the file: bytes 0-39, then 48 to the end
 *     48    16  reserved (0)
 *     64        code ends: n × int32, end offset of each code in the code text
 *               code text: the codes in UTF-8, in index order (= code order), then padding
 *               row starts: (n + 1) × int32, then padding
 *               destinations: m × int32, row by row, then padding
 *               minutes: m × float64 (IEEE 754), row by row
 * </pre>
 *
 * <p>Version 1 had the same layout but its checksum covered only the bytes after the header, so a
 * damaged header field (the repeated pairs above all) went unnoticed. Version 1 files are still
 * read: every header field is checked against the file's size and the sections, as in version 2,
 * and only the repeated pair count, which no computation uses, is taken on trust.
 *
 * <p>Before anything is allocated or mapped, the header is checked: magic, version, flags and
 * reserved bytes 0, counts at least 0 and small enough for the sections to fit in the file, and the
 * file exactly as long as the sections the counts imply. A file that fails any check, fails its
 * checksum or holds inconsistent rows is refused with an {@link InputException} naming the file.
 * Times are kept as doubles, so a matrix read back is bit for bit the one written. Size: 12 bytes a
 * pair (France: 34 MB); a section is at most 2 GiB (about 268 million pairs). Stateless and
 * thread-safe.
 */
public final class MatrixFile {

  /** The first 8 bytes of every matrix file. */
  public static final byte[] MAGIC = "APLMATRX".getBytes(StandardCharsets.US_ASCII);
  /** The format version this class writes; it also reads version 1. */
  public static final int VERSION = 2;

  private static final int HEADER = 64;
  /** Where the checksum sits in the header; the checksum covers every byte but these 8. */
  private static final int CRC_OFFSET = 40;
  /** The largest section this reader maps (a mapping is limited to 2 GiB). */
  private static final long MAX_SECTION = Integer.MAX_VALUE - 7;

  private static final String TRUNCATED = " (truncated file, or damaged header)";

  private MatrixFile() {}

  /**
   * Returns true when the file starts with the matrix magic bytes. Reads only those 8 bytes: the
   * rest of the file is checked by {@link #read(Path)}.
   *
   * @param path the file, non-null
   * @return true when its first 8 bytes are {@link #MAGIC}; false for any other file, a shorter
   *     one included
   * @throws IOException when the file cannot be opened or read ({@link
   *     java.nio.file.NoSuchFileException} when it does not exist)
   */
  public static boolean isMatrixFile(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] head = in.readNBytes(MAGIC.length);
      return java.util.Arrays.equals(head, MAGIC);
    }
  }

  /**
   * Reads a travel-time table from a matrix file or a CSV table, whichever the file is (by its
   * magic bytes, whatever its name).
   *
   * @param path a matrix file, or a CSV table plain or gzip, non-null
   * @param timeColumn for a CSV table, the minutes column (null: minutes or HC); ignored for a
   *     matrix file
   * @return the matrix, times in minutes, communes in code order
   * @throws IOException when the file cannot be read
   * @throws InputException on bad data, naming the file (and the line, for a CSV table): see
   *     {@link #read(Path)} and {@link TimesCsv#read(Path, String)}
   */
  public static TravelTimeMatrix readAny(Path path, String timeColumn) throws IOException {
    return readAny(path, timeColumn, ReadProgress.NONE);
  }

  /**
   * Reads a matrix file or a CSV table as {@link #readAny(Path, String)} does, reporting the
   * progress of a CSV read.
   *
   * @param path a matrix file, or a CSV table plain or gzip, non-null
   * @param timeColumn for a CSV table, the minutes column (null: minutes or HC); ignored for a
   *     matrix file
   * @param progress told how many bytes of a CSV table were read (every 8 MiB, and at the end),
   *     non-null ({@link ReadProgress#NONE} to ignore it); not called for a matrix file, which
   *     is mapped in one go
   * @return the matrix, times in minutes, communes in code order
   * @throws IOException when the file cannot be read
   * @throws InputException on bad data, naming the file (and the line, for a CSV table)
   */
  public static TravelTimeMatrix readAny(Path path, String timeColumn, ReadProgress progress)
      throws IOException {
    return isMatrixFile(path) ? read(path) : TimesCsv.read(path, timeColumn, progress);
  }

  /**
   * Writes a matrix in the current version ({@link #VERSION}), checksum included; the bytes depend
   * on the matrix only, so the same matrix always gives the same file. The sections are built in
   * memory first (12 bytes a pair, plus the codes) and then written, the stream flushed.
   *
   * @param matrix the matrix to write, non-null
   * @param out where to write, non-null; flushed, not closed (write to a temporary file and move
   *     it into place, so that a failed write leaves no partial file)
   * @throws IOException when the stream cannot be written
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
    ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    header
        .put(MAGIC)
        .putInt(VERSION)
        .putInt(0)
        .putInt(n)
        .putInt(textBytes)
        .putLong(m)
        .putLong(matrix.duplicatePairs());
    CRC32C crc = new CRC32C();
    crc.update(header.array(), 0, CRC_OFFSET);
    crc.update(header.array(), CRC_OFFSET + 8, HEADER - CRC_OFFSET - 8);
    for (ByteBuffer b : sections) {
      crc.update(b.array(), 0, b.capacity());
    }
    header.putLong(CRC_OFFSET, crc.getValue());
    out.write(header.array());
    for (ByteBuffer b : sections) {
      out.write(b.array(), 0, b.capacity());
    }
    out.flush();
  }

  /**
   * Reads a matrix file (version 2, or version 1), checking its header, sections and checksum
   * before building the matrix.
   *
   * @param path the matrix file, non-null
   * @return the matrix, bit for bit the one written, communes in code order
   * @throws IOException when the file cannot be opened or read ({@link
   *     java.nio.file.NoSuchFileException} when it does not exist)
   * @throws InputException when the file is not a matrix file of a version this class reads, has
   *     a damaged header, is truncated or longer than its header says, fails its checksum or holds
   *     inconsistent rows; the message names the file and what is wrong
   */
  public static TravelTimeMatrix read(Path path) throws IOException {
    String source = path.toString();
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < HEADER) {
        throw new InputException(
            source,
            0,
            "not an apl matrix file: " + size + " bytes, shorter than the " + HEADER
                + "-byte header (truncated?)");
      }
      ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
      while (header.hasRemaining()) {
        if (ch.read(header, header.position()) < 0) {
          throw new InputException(source, 0, "matrix file ended inside its header");
        }
      }
      Header h = Header.check(source, header.array(), size);
      CRC32C crc = new CRC32C();
      if (h.version >= 2) {
        crc.update(header.array(), 0, CRC_OFFSET);
        crc.update(header.array(), CRC_OFFSET + 8, HEADER - CRC_OFFSET - 8);
      }
      long offset = HEADER;
      MappedByteBuffer codesMap = map(ch, offset, h.codesLength, crc);
      offset += h.codesLength;
      MappedByteBuffer rowsMap = map(ch, offset, h.rowsLength, crc);
      offset += h.rowsLength;
      MappedByteBuffer destMap = map(ch, offset, h.destLength, crc);
      offset += h.destLength;
      MappedByteBuffer minutesMap = map(ch, offset, h.minutesLength, crc);
      if (crc.getValue() != h.crc) {
        throw new InputException(
            source,
            0,
            "matrix file checksum does not match: the file is damaged; convert it again");
      }
      int n = h.communes;
      int m = h.pairs;
      String[] codes = new String[n];
      int previous = 0;
      byte[] text = new byte[h.textBytes];
      codesMap.position(4 * n);
      codesMap.get(text);
      codesMap.position(0);
      for (int i = 0; i < n; i++) {
        int end = codesMap.getInt();
        if (end < previous || end > h.textBytes) {
          throw new InputException(
              source,
              0,
              "corrupt commune index: code " + i + " ends at byte " + end + ", after " + previous
                  + " (code text of " + h.textBytes + " bytes)");
        }
        codes[i] = new String(text, previous, end - previous, StandardCharsets.UTF_8);
        previous = end;
      }
      if (previous != h.textBytes) {
        throw new InputException(
            source,
            0,
            "corrupt commune index: the codes end at byte " + previous + " of " + h.textBytes);
      }
      int[] rowStart = new int[n + 1];
      rowsMap.asIntBuffer().get(rowStart);
      // fromRows checks the rows too, but it walks a row's pairs before it sees that a later row
      // start falls back: checked here first, so that a bad start is a message, not an index error.
      if (rowStart[0] != 0 || rowStart[n] != m) {
        throw new InputException(
            source,
            0,
            "corrupt row starts: the rows run from pair " + rowStart[0] + " to " + rowStart[n]
                + ", expected 0 to " + m);
      }
      for (int i = 1; i <= n; i++) {
        if (rowStart[i] < rowStart[i - 1]) {
          throw new InputException(
              source,
              0,
              "corrupt row starts: commune " + i + " starts at pair " + rowStart[i]
                  + ", before the previous one (" + rowStart[i - 1] + ")");
        }
      }
      int[] destinations = new int[m];
      destMap.asIntBuffer().get(destinations);
      double[] minutes = new double[m];
      minutesMap.asDoubleBuffer().get(minutes);
      try {
        return TravelTimeMatrix.fromRows(codes, rowStart, destinations, minutes, h.duplicates);
      } catch (IllegalArgumentException e) {
        throw new InputException(source, 0, "inconsistent matrix: " + e.getMessage());
      }
    }
  }

  /** The checked header of a matrix file: every count within bounds, the sections' lengths. */
  private static final class Header {
    final int version;
    final int communes;
    final int textBytes;
    final int pairs;
    final long duplicates;
    final long crc;
    final long codesLength;
    final long rowsLength;
    final long destLength;
    final long minutesLength;

    private Header(int version, int communes, int textBytes, int pairs, long duplicates, long crc) {
      this.version = version;
      this.communes = communes;
      this.textBytes = textBytes;
      this.pairs = pairs;
      this.duplicates = duplicates;
      this.crc = crc;
      this.codesLength = padded(4L * communes + textBytes);
      this.rowsLength = padded(4L * (communes + 1L));
      this.destLength = padded(4L * pairs);
      this.minutesLength = 8L * pairs;
    }

    /**
     * Checks the 64 header bytes against the file's size, before anything is allocated: a count
     * read from a damaged header must never size an array or a mapping.
     */
    static Header check(String source, byte[] bytes, long size) {
      ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      byte[] magic = new byte[MAGIC.length];
      b.get(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new InputException(source, 0, "not an apl matrix file (bad magic bytes)");
      }
      int version = b.getInt();
      if (version != 1 && version != VERSION) {
        throw new InputException(
            source,
            0,
            "matrix file version " + version + " is not supported (this apl reads versions 1 and "
                + VERSION + "): convert it again");
      }
      int flags = b.getInt();
      int n = b.getInt();
      int textBytes = b.getInt();
      long m = b.getLong();
      long duplicates = b.getLong();
      long crc = b.getLong();
      String damaged = "damaged matrix header: ";
      if (flags != 0) {
        throw new InputException(
            source, 0, damaged + "flags must be 0, given: 0x" + Integer.toHexString(flags));
      }
      for (int k = CRC_OFFSET + 8; k < HEADER; k++) {
        if (bytes[k] != 0) {
          throw new InputException(source, 0, damaged + "reserved byte " + k + " is not 0");
        }
      }
      // Each commune takes at least 8 bytes (its code end and its row start), each pair 12
      // (destination and minutes): bounds from the file size that no valid file exceeds, checked
      // before any product can overflow; then no section may exceed what one mapping holds.
      long body = size - HEADER;
      if (n < 0 || n > body / 8) {
        throw new InputException(
            source,
            0,
            "matrix header: commune count " + n + " does not fit in a file of " + size + " bytes"
                + TRUNCATED);
      }
      if (textBytes < 0 || textBytes > body) {
        throw new InputException(
            source,
            0,
            "matrix header: code text of " + textBytes + " bytes does not fit in a file of " + size
                + " bytes" + TRUNCATED);
      }
      if (m < 0 || m > body / 12) {
        throw new InputException(
            source,
            0,
            "matrix header: pair count " + m + " does not fit in a file of " + size + " bytes"
                + TRUNCATED);
      }
      if (duplicates < 0) {
        throw new InputException(
            source, 0, damaged + "repeated pair count must be >= 0, given: " + duplicates);
      }
      if (padded(4L * n + textBytes) > MAX_SECTION || 8L * m > MAX_SECTION) {
        throw new InputException(
            source,
            0,
            "matrix of " + n + " communes and " + m + " pairs has a section over 2 GiB, more"
                + " than this reader maps");
      }
      Header h = new Header(version, n, textBytes, (int) m, duplicates, crc);
      long expected = HEADER + h.codesLength + h.rowsLength + h.destLength + h.minutesLength;
      if (size != expected) {
        throw new InputException(
            source,
            0,
            "matrix file is " + size + " bytes, expected " + expected + " for " + n
                + " communes, " + textBytes + " bytes of codes and " + m + " pairs ("
                + (size < expected ? "truncated?" : "trailing bytes, or a damaged header") + ")");
      }
      return h;
    }
  }

  private static MappedByteBuffer map(FileChannel ch, long offset, long length, CRC32C crc)
      throws IOException {
    MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, offset, length);
    b.order(ByteOrder.LITTLE_ENDIAN);
    crc.update(b.duplicate());
    return b;
  }

  private static long padded(long bytes) {
    return (bytes + 7) & ~7L;
  }

  private static int pad(long bytes) {
    long padded = padded(bytes);
    if (padded > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("section of " + bytes + " bytes is too large");
    }
    return (int) padded;
  }
}
