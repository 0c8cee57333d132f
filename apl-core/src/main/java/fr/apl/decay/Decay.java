package fr.apl.decay;

/**
 * Maps a travel time to the weight it gets in both steps of a floating-catchment method: a step
 * function today ({@link DistanceDecay}, the DREES bands), continuous kernels (Gaussian, kernel
 * density, exponential…) behind the same interface.
 *
 * <p>The catchments evaluate a decay once per pair when they are built, never in the kernel. A
 * decay that is not a {@link DistanceDecay} is evaluated on each distinct travel time of the
 * matrix, and its distinct weights are kept in a table of at most {@link
 * DistanceDecay#MAX_BANDS} entries (pairs store an index into it, 2 bytes).
 *
 * <p>Implementations must be immutable, thread-safe and pure: the same minutes always give the
 * same weight, bit for bit.
 */
public interface Decay {

  /**
   * Returns the weight of a travel time.
   *
   * @param minutes travel time, finite and &gt;= 0
   * @return a finite weight &gt;= 0; 0 beyond {@link #maxMinutes()}
   */
  double weight(double minutes);

  /** {@return the largest time that can have a non-zero weight (the cutoff), in minutes} */
  double maxMinutes();
}
