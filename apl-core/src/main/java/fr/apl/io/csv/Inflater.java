package fr.apl.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Gunzips on a background thread, so that decompression (about a quarter of a second for the
 * France times table) overlaps with parsing. The reader sees an ordinary {@link InputStream}.
 *
 * <p>Chunks of 1 MiB pass through a queue of 8; memory stays bounded whatever the file size. A
 * chunk read goes back to the background thread to be filled again: fresh memory costs time to
 * touch, about a millisecond a megabyte on a small virtual machine, and the France table
 * inflates to 47 MB. An error of the background thread is rethrown to the reader. Closing the
 * stream stops the thread.
 */
final class Inflater extends InputStream {

  private static final int CHUNK = 1 << 20;
  private static final byte[] END = new byte[0];

  private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(8);
  /** Chunks read, to be filled again. */
  private final java.util.Queue<byte[]> free = new java.util.concurrent.ConcurrentLinkedQueue<>();

  private final Thread worker;
  private volatile boolean closed;
  private byte[] current = new byte[0];
  private int currentLength;
  private int pos;
  private boolean done;

  Inflater(InputStream compressed) {
    worker = new Thread(() -> pump(compressed), "apl-gunzip");
    worker.setDaemon(true);
    worker.start();
  }

  private void pump(InputStream compressed) {
    try (InputStream in = new CsvFiles.GzipGuard(compressed)) {
      while (!closed) {
        byte[] chunk = free.poll();
        if (chunk == null) {
          chunk = new byte[CHUNK];
        }
        int n = in.readNBytes(chunk, 0, CHUNK);
        if (n == 0) {
          break;
        }
        chunks.put(n == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, n));
        if (n < CHUNK) {
          break;
        }
      }
      chunks.put(END);
    } catch (IOException | RuntimeException e) {
      offer(e);
    } catch (OutOfMemoryError e) {
      // Handed to the reader, which rethrows it: a dead thread would leave it waiting forever.
      offer(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void offer(Throwable e) {
    try {
      chunks.put(e);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean next() throws IOException {
    if (done) {
      return false;
    }
    Object o;
    try {
      o = chunks.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while gunzipping");
    }
    if (o instanceof UnreadableInputException e) {
      throw e; // bad data, not a failure to read: the reader reports it
    }
    if (o instanceof IOException e) {
      throw new IOException(e.getMessage(), e);
    }
    if (o instanceof RuntimeException e) {
      throw e;
    }
    if (o instanceof Error e) {
      throw e;
    }
    byte[] b = (byte[]) o;
    if (current.length == CHUNK) {
      free.add(current);
    }
    if (b == END) {
      done = true;
      return false;
    }
    current = b;
    currentLength = b.length;
    pos = 0;
    return true;
  }

  @Override
  public int read() throws IOException {
    if (pos == currentLength && !next()) {
      return -1;
    }
    return current[pos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pos == currentLength && !next()) {
      return -1;
    }
    int n = Math.min(len, currentLength - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public void close() {
    closed = true;
    worker.interrupt();
    chunks.clear();
  }
}
