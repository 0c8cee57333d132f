package fr.apl.io.csv;

/**
 * Hears how far a long read has gone, so that a front end can show progress. The library itself
 * never prints. Called from the reading thread, a few times per second at most.
 */
@FunctionalInterface
public interface ReadProgress {

  /** A listener that ignores everything. */
  ReadProgress NONE = (read, total) -> {};

  /**
   * Reports progress.
   *
   * @param bytesRead bytes of the file read so far (compressed bytes for a gzip file)
   * @param totalBytes size of the file in bytes
   */
  void progress(long bytesRead, long totalBytes);
}
