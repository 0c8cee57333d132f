package fr.apl.decay;

/**
 * Weighs a travel time linearly: {@code f(t) = 1 − t / T} for t within T, 0 beyond. This is
 * IPEA's {@code decay_linear(cutoff = T)} in the R package accessibility (Pereira et al.), and the
 * linear kernel of the floating-catchment literature (Wang 2012, "Measurement, optimization, and
 * impact of health care accessibility", Annals of the AAG). f(0) = 1 and f(T) = 0: the line has
 * its own bound.
 *
 * <p>The cutoff is T, or an optional maximum {@code M} when it is smaller: min(M, T). The edge
 * convention matters only when M &lt; T, since the weight at T is exactly 0. Immutable and
 * thread-safe; {@link #weight(double)} is O(1).
 */
public final class LinearDecay implements Decay {

  private final double reachMinutes;
  private final Cutoff cutoff;

  private LinearDecay(double reachMinutes, double maxMinutes, BandEdges edges) {
    this.reachMinutes = Params.positive("linear: T (the time weighing 0, minutes)", reachMinutes);
    Params.positive("the cutoff (maximum minutes)", maxMinutes);
    this.cutoff = new Cutoff(Math.min(reachMinutes, maxMinutes), edges);
  }

  /**
   * Returns a linear decay bounded by its own reach.
   *
   * @param reachMinutes T, the time weighing 0, in minutes, finite and &gt; 0
   * @param edges whether a time equal to the cutoff is kept, non-null
   * @return the decay, cutoff T
   * @throws IllegalArgumentException when a parameter is out of range, naming it
   */
  public static LinearDecay of(double reachMinutes, BandEdges edges) {
    return new LinearDecay(reachMinutes, reachMinutes, edges);
  }

  /**
   * Returns a linear decay with a cutoff of its own.
   *
   * @param reachMinutes T, the time weighing 0, in minutes, finite and &gt; 0
   * @param maxMinutes the cutoff M in minutes, finite and &gt; 0; the decay's cutoff is min(M, T)
   * @param edges whether a time equal to the cutoff is kept ({@link BandEdges#CLOSED_UPPER}) or
   *     not ({@link BandEdges#HALF_OPEN}), non-null
   * @return the decay
   * @throws IllegalArgumentException when a parameter is out of range, naming it
   */
  public static LinearDecay of(double reachMinutes, double maxMinutes, BandEdges edges) {
    return new LinearDecay(reachMinutes, maxMinutes, edges);
  }

  /** {@return T, the time weighing 0, in minutes} */
  public double reachMinutes() {
    return reachMinutes;
  }

  /** {@return the edge convention at the cutoff} */
  public BandEdges edges() {
    return cutoff.edges();
  }

  /**
   * Returns the weight of a travel time.
   *
   * @param minutes travel time, finite and &gt;= 0
   * @return {@code 1 − t / T} within the cutoff, in [0, 1]; 0 beyond
   */
  @Override
  public double weight(double minutes) {
    return cutoff.keeps(minutes) ? 1 - minutes / reachMinutes : 0.0;
  }

  /** {@return the cutoff in minutes: min(M, T)} */
  @Override
  public double maxMinutes() {
    return cutoff.minutes();
  }

  /** {@return e.g. {@code linear:25 within 25 min (half-open)}} */
  @Override
  public String describe() {
    return "linear:" + Params.text(reachMinutes) + " " + cutoff.describe();
  }

  @Override
  public String toString() {
    return describe();
  }
}
