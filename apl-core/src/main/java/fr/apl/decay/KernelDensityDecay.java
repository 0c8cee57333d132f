package fr.apl.decay;

/**
 * Weighs a travel time with the Gaussian kernel of the kernel-density 2SFCA (KD2SFCA, Dai 2010,
 * "Black residential segregation, disparities in spatial access to health care facilities, and
 * late-stage breast cancer diagnosis in metropolitan Detroit", Health &amp; Place 16(5)): {@code
 * f(t) = (exp(−½ (t/T0)²) − exp(−½)) / (1 − exp(−½))} for t within T0, 0 beyond. f(0) = 1 and
 * f(T0) = 0: the curve has its own bound.
 *
 * <p>The cutoff is T0, or an optional maximum {@code M} when it is smaller: min(M, T0). The edge
 * convention matters only when M &lt; T0, since the weight at T0 is exactly 0 (t/T0 = 1 exactly).
 * Immutable and thread-safe; {@link #weight(double)} is O(1).
 */
public final class KernelDensityDecay implements Decay {

  private static final double EXP_MINUS_HALF = Math.exp(-0.5);

  private final double thresholdMinutes;
  private final Cutoff cutoff;

  private KernelDensityDecay(double thresholdMinutes, double maxMinutes, BandEdges edges) {
    this.thresholdMinutes =
        Params.positive("kd2sfca: T0 (the catchment size, minutes)", thresholdMinutes);
    Params.positive("the cutoff (maximum minutes)", maxMinutes);
    this.cutoff = new Cutoff(Math.min(thresholdMinutes, maxMinutes), edges);
  }

  /**
   * Returns a KD2SFCA decay bounded by its catchment size.
   *
   * @param thresholdMinutes T0, the catchment size in minutes, finite and &gt; 0
   * @param edges whether a time equal to the cutoff is kept, non-null
   * @return the decay, cutoff T0
   * @throws IllegalArgumentException when a parameter is out of range, naming it
   */
  public static KernelDensityDecay of(double thresholdMinutes, BandEdges edges) {
    return new KernelDensityDecay(thresholdMinutes, thresholdMinutes, edges);
  }

  /**
   * Returns a KD2SFCA decay with a cutoff of its own.
   *
   * @param thresholdMinutes T0, the catchment size in minutes, finite and &gt; 0
   * @param maxMinutes the cutoff M in minutes, finite and &gt; 0; the decay's cutoff is min(M, T0)
   * @param edges whether a time equal to the cutoff is kept ({@link BandEdges#CLOSED_UPPER}) or
   *     not ({@link BandEdges#HALF_OPEN}), non-null
   * @return the decay
   * @throws IllegalArgumentException when a parameter is out of range, naming it
   */
  public static KernelDensityDecay of(double thresholdMinutes, double maxMinutes, BandEdges edges) {
    return new KernelDensityDecay(thresholdMinutes, maxMinutes, edges);
  }

  /** {@return T0, the catchment size in minutes} */
  public double thresholdMinutes() {
    return thresholdMinutes;
  }

  /** {@return the edge convention at the cutoff} */
  public BandEdges edges() {
    return cutoff.edges();
  }

  /**
   * Returns the weight of a travel time.
   *
   * @param minutes travel time, finite and &gt;= 0
   * @return {@code (exp(−½ (t/T0)²) − exp(−½)) / (1 − exp(−½))} within the cutoff, in [0, 1]; 0
   *     beyond
   */
  @Override
  public double weight(double minutes) {
    if (!cutoff.keeps(minutes)) {
      return 0.0;
    }
    double r = minutes / thresholdMinutes;
    // t <= T0 here, so r <= 1 and the numerator is >= 0: Math.exp is monotone.
    return (Math.exp(-0.5 * r * r) - EXP_MINUS_HALF) / (1 - EXP_MINUS_HALF);
  }

  /** {@return the cutoff in minutes: min(M, T0)} */
  @Override
  public double maxMinutes() {
    return cutoff.minutes();
  }

  /** {@return e.g. {@code kd2sfca:30 within 30 min (half-open)}} */
  @Override
  public String describe() {
    return "kd2sfca:" + Params.text(thresholdMinutes) + " " + cutoff.describe();
  }

  @Override
  public String toString() {
    return describe();
  }
}
