package fr.apl.decay;

/**
 * Weighs a travel time with an inverse power (gravity): {@code f(t) = max(t, MIN)^(−β)} within a
 * cutoff, 0 beyond. The floor {@code MIN} (1 minute by default) keeps the weight finite at t = 0
 * (a commune to itself); with MIN = 1, f(0) = 1. This is the gravity kernel of the 2SFCA
 * literature (Joseph &amp; Bantock 1982; Wang 2012, "Measurement, optimization, and impact of health
 * care accessibility", Annals of the AAG) and IPEA's {@code decay_power(decay_value = β)}.
 *
 * <p>With MIN &lt; 1 a weight can exceed 1; it stays finite. The curve never reaches 0, so a
 * cutoff is required. Immutable and thread-safe; {@link #weight(double)} is O(1).
 */
public final class PowerDecay implements Decay {

  /** The default floor of the travel time, in minutes. */
  public static final double DEFAULT_MIN_MINUTES = 1.0;

  private final double beta;
  private final double minMinutes;
  private final Cutoff cutoff;

  private PowerDecay(double beta, double minMinutes, Cutoff cutoff) {
    this.beta = Params.nonNegative("power: beta (the exponent)", beta);
    this.minMinutes = Params.positive("power: MIN (the floor of the time, minutes)", minMinutes);
    this.cutoff = cutoff;
  }

  /**
   * Returns an inverse-power decay.
   *
   * @param beta β, the exponent, finite and &gt;= 0
   * @param minMinutes MIN, the floor of the time in minutes, finite and &gt; 0 (usually {@link
   *     #DEFAULT_MIN_MINUTES})
   * @param maxMinutes the cutoff in minutes, finite and &gt; 0
   * @param edges whether a time equal to the cutoff is kept ({@link BandEdges#CLOSED_UPPER}) or
   *     not ({@link BandEdges#HALF_OPEN}), non-null
   * @return the decay
   * @throws IllegalArgumentException when a parameter is out of range, naming it
   */
  public static PowerDecay of(double beta, double minMinutes, double maxMinutes, BandEdges edges) {
    return new PowerDecay(beta, minMinutes, new Cutoff(maxMinutes, edges));
  }

  /** {@return β, the exponent} */
  public double beta() {
    return beta;
  }

  /** {@return MIN, the floor of the time in minutes} */
  public double minMinutes() {
    return minMinutes;
  }

  /** {@return the edge convention at the cutoff} */
  public BandEdges edges() {
    return cutoff.edges();
  }

  /**
   * Returns the weight of a travel time.
   *
   * @param minutes travel time, finite and &gt;= 0
   * @return {@code max(t, MIN)^(−β)} within the cutoff, finite and &gt; 0; 0 beyond
   */
  @Override
  public double weight(double minutes) {
    return cutoff.keeps(minutes) ? Math.pow(Math.max(minutes, minMinutes), -beta) : 0.0;
  }

  /** {@return the cutoff in minutes} */
  @Override
  public double maxMinutes() {
    return cutoff.minutes();
  }

  /** {@return e.g. {@code power:1.5:1 within 30 min (half-open)}} */
  @Override
  public String describe() {
    return "power:" + Params.text(beta) + ":" + Params.text(minMinutes) + " " + cutoff.describe();
  }

  @Override
  public String toString() {
    return describe();
  }
}
