package fr.apl.job;

import fr.apl.core.AplResult;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.problem.Validation;
import java.util.List;

/**
 * Holds what a run of {@link AplJob} gives: every problem of the inputs, the result when there was
 * no error (and the run computed), what the code history changed, and where the time went.
 *
 * @param validation every problem found, errors and warnings, non-null
 * @param result the APL of every commune and variant, or null when the inputs have an error or
 *     the run only validated
 * @param notes one line per input that the code history changed (old codes brought to the
 *     current geography), in input order
 * @param timings where the time went, in seconds
 * @param times the travel times as read and brought to the current geography, or null when the
 *     request had none or they could not be read
 */
public record AplRun(
    Validation validation,
    AplResult result,
    List<String> notes,
    Timings timings,
    TravelTimeMatrix times) {

  /**
   * Makes the notes immutable.
   *
   * @param validation every problem found, non-null
   * @param result the result, or null when nothing was computed
   * @param notes the code-history notes, non-null; copied
   * @param timings where the time went, in seconds
   * @param times the travel times as read, or null
   */
  public AplRun {
    notes = List.copyOf(notes);
  }

  /**
   * Says where the time of a run went, in seconds of wall-clock time.
   *
   * @param readTimes reading the travel times (the small inputs are read meanwhile)
   * @param otherInputs the rest of reading and checking, after the times were read
   * @param compute preparing the catchments (what was not done while reading) and computing
   */
  public record Timings(double readTimes, double otherInputs, double compute) {}
}
