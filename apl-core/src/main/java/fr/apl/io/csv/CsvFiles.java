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

  /** Returns the name to quote in messages: the path as the user gave it. */
  static String name(Path path) {
    return path.toString();
  }
}
