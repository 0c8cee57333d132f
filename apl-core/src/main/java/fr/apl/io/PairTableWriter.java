package fr.apl.io;

import fr.apl.matrix.TravelTimeMatrix;
import java.io.IOException;
import java.util.ServiceLoader;

/**
 * Writes a travel-time matrix as a table of pairs ({@code origin}, {@code destination}, {@code
 * minutes}) in a format this module does not know: Parquet, for the Spark engine, which the
 * {@code apl-spark} module adds through {@link ServiceLoader}, so that {@code fr.apl.core} keeps
 * no dependency. {@code apl matrix convert --output times.parquet} uses it.
 *
 * <p>Implementations are stateless and thread-safe; a write replaces nothing unless asked and
 * leaves no partial table behind.
 */
public interface PairTableWriter {

  /**
   * Returns true when this writer writes the format a path names (by its extension).
   *
   * @param path the output, non-null
   * @return true when the path is this writer's
   */
  boolean accepts(String path);

  /**
   * Writes every pair of the matrix, duplicates left out, in row order.
   *
   * @param matrix the matrix, non-null
   * @param path where to write (a file or a folder, as the format does), any Hadoop path
   * @param replace true to replace an existing output
   * @return a line on what was written, for the command line's summary
   * @throws IOException when the table cannot be written, or exists and {@code replace} is false
   */
  String write(TravelTimeMatrix matrix, String path, boolean replace) throws IOException;

  /**
   * Returns the writer on the class path that accepts a path, or null when none does.
   *
   * @param path the output, non-null
   * @return the writer, or null
   */
  static PairTableWriter forPath(String path) {
    try {
      for (PairTableWriter w : ServiceLoader.load(PairTableWriter.class)) {
        if (w.accepts(path)) {
          return w;
        }
      }
    } catch (java.util.ServiceConfigurationError | LinkageError e) {
      return null;
    }
    return null;
  }
}
