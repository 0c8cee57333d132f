package fr.apl.io;

import fr.apl.io.csv.ReadContext;
import fr.apl.matrix.TravelTimeMatrix;
import java.io.IOException;

/**
 * Gives the travel times of a run: a times table on disk today ({@link TimesFile}), a router
 * computing them from coordinates tomorrow. A source reports what is wrong with its data to the
 * context's collector, as the readers do, rather than throwing at the first problem.
 *
 * <p>Implementations say whether they are thread-safe; a source is read once per run.
 */
public interface TravelTimeSource {

  /** {@return the name that messages quote (a file as the user gave it)} */
  String name();

  /**
   * Returns the travel times, in the codes of the source (a code history is applied after).
   *
   * @param ctx read options, code rules, threads and the collector of problems
   * @return the matrix, or null when the source has an error (reported to the context)
   * @throws IOException when the source cannot be read at all
   */
  TravelTimeMatrix read(ReadContext ctx) throws IOException;
}
