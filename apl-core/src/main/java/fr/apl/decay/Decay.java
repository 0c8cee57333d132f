package fr.apl.decay;

/**
 * Maps a travel time to the weight it gets in both steps of a floating-catchment method: a step
 * function ({@link DistanceDecay}, the DREES bands) or a continuous kernel ({@link GaussianDecay},
 * {@link KernelDensityDecay}, {@link ExponentialDecay}, {@link PowerDecay}, {@link LinearDecay},
 * {@link LogisticDecay}); {@link Decays#parse} reads any of them from a spec.
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

  /**
   * Returns a one-line description for reports: the kind, its parameters as {@link
   * Decays#parse} reads them, the cutoff and the edge convention, e.g. {@code bands
   * 10:1,15:2/3,20:1/3 (half-open)} or {@code gaussian:10 within 30 min (half-open)}. The
   * decays of this package write it with {@link java.util.Locale#ROOT} digits; the default is
   * {@link Object#toString()}.
   *
   * @return the description, non-null, on one line
   */
  default String describe() {
    return toString();
  }
}
