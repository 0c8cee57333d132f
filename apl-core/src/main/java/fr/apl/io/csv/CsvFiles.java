package fr.apl.io.csv;

import fr.apl.problem.Check;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens input files: gzip is recognised by its magic bytes (whatever the name), a UTF-8 byte order
 * mark is skipped.
 */
public final class CsvFiles {

  private CsvFiles() {}

  /**
   * Opens a file for reading, gunzipping it when it starts with the gzip magic bytes and skipping a
   * UTF-8 byte order mark.
   *
   * @param path the file, non-null
   * @return a stream of the file's (gunzipped) bytes, to be closed by the caller
   * @throws IOException when the file cannot be opened ({@link java.nio.file.NoSuchFileException}
   *     when it does not exist)
   */
  public static InputStream open(Path path) throws IOException {
    InputStream raw = new BufferedInputStream(raw(path), 1 << 16);
    try {
      return open(raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * Opens a file's bytes as they are. A {@link java.io.FileInputStream}, not {@link
   * Files#newInputStream}: on JDK 17 the latter fails on a pipe ({@code --population <(...)},
   * {@code /dev/stdin}) with "Illegal seek" as soon as a buffer asks how much is available.
   */
  static InputStream raw(Path path) throws IOException {
    try {
      return new java.io.FileInputStream(path.toFile());
    } catch (java.io.FileNotFoundException e) {
      // The message of FileInputStream mixes the path and the reason: say it as Files would.
      if (!Files.exists(path)) {
        throw new java.nio.file.NoSuchFileException(path.toString());
      }
      throw new java.nio.file.AccessDeniedException(path.toString());
    }
  }

  /**
   * Wraps a stream: gunzips it when it starts with the gzip magic bytes, skips a UTF-8 BOM.
   *
   * @param in the raw stream, non-null; closed with the result
   * @return a stream of the (gunzipped) bytes
   * @throws IOException when the first bytes cannot be read
   */
  public static InputStream open(InputStream in) throws IOException {
    return open(in, false);
  }

  /**
   * Wraps a stream like {@link #open(InputStream)}; with {@code background}, gunzipping runs on
   * its own thread so that it overlaps with the caller's parsing (for large files).
   *
   * @param in the raw stream, non-null; closed with the result
   * @param background true to gunzip on a thread of its own
   * @return a stream of the (gunzipped) bytes
   * @throws IOException when the first bytes cannot be read
   */
  public static InputStream open(InputStream in, boolean background) throws IOException {
    InputStream s = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
    s.mark(2);
    int b0 = s.read();
    int b1 = s.read();
    s.reset();
    if (isGzipMagic(b0, b1)) {
      s = background
          ? new Gunzipped(new Inflater(s))
          : new BufferedInputStream(new GzipGuard(s), 1 << 16);
    }
    s.mark(3);
    int c0 = s.read();
    int c1 = s.read();
    int c2 = s.read();
    if (!(c0 == 0xEF && c1 == 0xBB && c2 == 0xBF)) {
      s.reset();
    }
    if (c0 == 0xFF && c1 == 0xFE
        || c0 == 0xFE && c1 == 0xFF
        || c0 == 0 && c1 > 0
        || c0 > 0 && c1 == 0) {
      s.close();
      throw new UnreadableInputException(
          Check.DAMAGED_FILE,
          0,
          "the file is UTF-16 text",
          "save it as UTF-8 (or Windows-1252): in Excel, 'CSV UTF-8'");
    }
    return s;
  }

  private static boolean isGzipMagic(int b0, int b1) {
    return b0 == 0x1f && b1 == 0x8b;
  }

  /**
   * Returns true when the stream is one that {@link #open(InputStream, boolean)} gunzips on a
   * background thread: that thread then takes a core of its own.
   */
  static boolean inflating(InputStream s) {
    return s instanceof Gunzipped;
  }

  /** Gunzips, turning a damaged or cut stream into an {@link UnreadableInputException}. */
  static final class GzipGuard extends java.io.FilterInputStream {
    private long out;

    GzipGuard(InputStream compressed) throws IOException {
      super(open(compressed));
    }

    private static InputStream open(InputStream compressed) throws IOException {
      try {
        return new GZIPInputStream(compressed, 1 << 16);
      } catch (java.util.zip.ZipException | java.io.EOFException e) {
        throw UnreadableInputException.gzip(e, 0);
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int n = in.read(b, off, len);
        out += Math.max(n, 0);
        return n;
      } catch (java.util.zip.ZipException | java.io.EOFException e) {
        throw UnreadableInputException.gzip(e, out);
      }
    }
  }

  /** The buffered end of a stream gunzipped on a background thread. */
  private static final class Gunzipped extends BufferedInputStream {
    Gunzipped(InputStream in) {
      super(in, 1 << 16);
    }
  }

  /** Returns the name to quote in messages: the path as the user gave it. */
  static String name(Path path) {
    return path.toString();
  }
}
