package fr.apl.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a byte stream into lines without allocating per line: the byte-level readers of the times
 * table (the fast reader and the validating pass) share it. A line ends at LF; a CR before it is
 * left out, and so is a last line's trailing CR. The buffer starts at 1 MiB and doubles for a
 * longer line. Not thread-safe; the stream is not closed.
 */
final class ByteLines {

  private final InputStream in;
  private byte[] buf = new byte[1 << 20];
  private int pos;
  private int limit;
  private int start;
  private int end;
  private boolean eof;
  private long line;

  private final int maxLine;

  /** Reads lines from a stream, refusing one longer than {@code maxLine} bytes. */
  ByteLines(InputStream in, int maxLine) {
    this.in = in;
    this.maxLine = maxLine;
  }

  /**
   * Moves to the next line; returns false at the end of the stream. The line is
   * {@code buffer()[start()..end())}, valid until the next call.
   */
  boolean next() throws IOException {
    while (true) {
      byte[] b = buf;
      int lim = limit;
      for (int k = pos; k < lim; k++) {
        if (b[k] == '\n') {
          start = pos;
          end = k > pos && b[k - 1] == '\r' ? k - 1 : k;
          pos = k + 1;
          line++;
          return true;
        }
      }
      if (eof) {
        if (pos < limit) {
          start = pos;
          end = buf[limit - 1] == '\r' ? limit - 1 : limit;
          pos = limit;
          line++;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit - pos > maxLine) {
      throw CsvReader.tooLong(line + 1, maxLine);
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, (int) Math.min(2L * buf.length, maxLine + 2L));
    }
    int r = in.read(buf, limit, buf.length - limit);
    if (r < 0) {
      eof = true;
    } else {
      limit += r;
    }
  }

  /** Returns the buffer holding the current line (it may change at each {@link #next()}). */
  byte[] buffer() {
    return buf;
  }

  /** Returns where the current line starts in the buffer. */
  int start() {
    return start;
  }

  /** Returns where the current line ends in the buffer (exclusive, without CR/LF). */
  int end() {
    return end;
  }

  /** Returns the 1-based number of the current line. */
  long line() {
    return line;
  }

  /**
   * Returns the bytes read from the stream but not yet returned as lines, {@code
   * buffer()[position()..limit())}: a reader that goes on by blocks starts with them.
   */
  int position() {
    return pos;
  }

  /** Returns the end of the buffered bytes (see {@link #position()}). */
  int limit() {
    return limit;
  }

  /** Returns true when the stream is exhausted: no byte follows the buffered ones. */
  boolean atEnd() {
    return eof;
  }
}
