package fr.apl.decay;

/**
 * Weighs a travel time with a negative exponential: {@code f(t) = exp(−β t)} within a cutoff, 0
 * beyond. This is IPEA's {@code decay_exponential(decay_value = β)} in the R package
 * accessibility (Pereira et al.), and the exponential kernel of the floating-catchment literature
 * (Wang 2012, "Measurement, optimization, and impact of health care accessibility", Annals of the
 * AAG). β = 0 weighs every time 1 (a plain 2SFCA).
 *
 * <p>The curve never reaches 0, so a cutoff is required. Immutable and thread-safe; {@link
 * #weight(double)} is O(1).
 */
public final class ExponentialDecay implements Decay {

  private final double beta;
  private final Cutoff cutoff;

  private ExponentialDecay(double beta, Cutoff cutoff) {
    this.beta = Params.nonNegative("exponential: beta (the rate, per minute)", beta);
    this.cutoff = cutoff;
  }

  /**
   * Returns an exponential decay.
   *
   * @param beta β, the rate per minute, finite and &gt;= 0
   * @param maxMinutes the cutoff in minutes, finite and &gt; 0
   * @param edges whether a time equal to the cutoff is kept ({@link BandEdges#CLOSED_UPPER}) or
   *     not ({@link BandEdges#HALF_OPEN}), non-null
   * @return the decay
   * @throws IllegalArgumentException when a parameter is out of range, naming it
   */
  public static ExponentialDecay of(double beta, double maxMinutes, BandEdges edges) {
    return new ExponentialDecay(beta, new Cutoff(maxMinutes, edges));
  }

  /** {@return β, the rate per minute} */
  public double beta() {
    return beta;
  }

  /** {@return the edge convention at the cutoff} */
  public BandEdges edges() {
    return cutoff.edges();
  }

  /**
   * Returns the weight of a travel time.
   *
   * @param minutes travel time, finite and &gt;= 0
   * @return {@code exp(−β t)} within the cutoff, in (0, 1]; 0 beyond
   */
  @Override
  public double weight(double minutes) {
    return cutoff.keeps(minutes) ? Math.exp(-beta * minutes) : 0.0;
  }

  /** {@return the cutoff in minutes} */
  @Override
  public double maxMinutes() {
    return cutoff.minutes();
  }

  /** {@return e.g. {@code exponential:0.1 within 30 min (half-open)}} */
  @Override
  public String describe() {
    return "exponential:" + Params.text(beta) + " " + cutoff.describe();
  }

  @Override
  public String toString() {
    return describe();
  }
}
