package fr.apl.io.csv;

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
   * @throws IOException when the file cannot be opened ({@link java.nio.file.NoSuchFileException}
   *     when it does not exist)
   */
  public static InputStream open(Path path) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    try {
      return open(raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** Wraps a stream: gunzips it when it starts with the gzip magic bytes, skips a UTF-8 BOM. */
  public static InputStream open(InputStream in) throws IOException {
    return open(in, false);
  }

  /**
   * Wraps a stream like {@link #open(InputStream)}; with {@code background}, gunzipping runs on
   * its own thread so that it overlaps with the caller's parsing (for large files).
   */
  public static InputStream open(InputStream in, boolean background) throws IOException {
    InputStream s = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
    s.mark(2);
    int b0 = s.read();
    int b1 = s.read();
    s.reset();
    if (isGzipMagic(b0, b1)) {
      s = background ? new Gunzipped(new Inflater(s))
          : new BufferedInputStream(new GZIPInputStream(s, 1 << 16), 1 << 16);
    }
    s.mark(3);
    if (!(s.read() == 0xEF && s.read() == 0xBB && s.read() == 0xBF)) {
      s.reset();
    }
    return s;
  }

  /** Returns true when a file starts with the gzip magic bytes (whatever its name). */
  public static boolean isGzip(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return isGzipMagic(in.read(), in.read());
    }
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

  /** The buffered end of a stream gunzipped on a background thread. */
  private static final class Gunzipped extends BufferedInputStream {
    Gunzipped(InputStream in) {
      super(in, 1 << 16);
    }
  }

  /**
   * Returns true when the file (gunzipped, after any byte order mark) decodes as UTF-8: the test
   * that {@link InputEncoding#AUTO} applies. Reads the whole file.
   */
  public static boolean isUtf8(Path path) throws IOException {
    try (InputStream in = open(path)) {
      return CsvReader.isUtf8(in);
    }
  }

  /** Returns the name to quote in messages: the path as the user gave it. */
  static String name(Path path) {
    return path.toString();
  }
}
