package fr.apl.decay;

/**
 * Weighs a travel time with a reversed logistic curve: {@code f(t) = 1 / (1 + exp((t − T) /
 * SD))} within a cutoff, 0 beyond: 1/2 at t = T (the inflection point), steeper as SD shrinks.
 * This is the plain reversed logistic (sigmoid) curve. Bauer &amp; Groneberg (2016, "Measuring
 * spatial accessibility of health care providers", PLOS ONE 11(7)) adjust it so that f(0) = 1, and
 * IPEA's {@code decay_logistic} (R package accessibility) follows them, with SD the standard
 * deviation of the logistic distribution: this class does not, and gives other weights.
 *
 * <p>f(0) = 1 / (1 + exp(−T / SD)) is below 1. The curve never reaches 0, so a cutoff is
 * required. Immutable and thread-safe; {@link #weight(double)} is O(1).
 */
public final class LogisticDecay implements Decay {

  private final double inflectionMinutes;
  private final double sdMinutes;
  private final Cutoff cutoff;

  private LogisticDecay(double inflectionMinutes, double sdMinutes, Cutoff cutoff) {
    this.inflectionMinutes =
        Params.positive("logistic: T (the inflection point, minutes)", inflectionMinutes);
    this.sdMinutes = Params.positive("logistic: SD (the steepness, minutes)", sdMinutes);
    this.cutoff = cutoff;
  }

  /**
   * Returns a logistic decay.
   *
   * @param inflectionMinutes T, the time weighing 1/2, in minutes, finite and &gt; 0
   * @param sdMinutes SD, the scale of the slope in minutes, finite and &gt; 0
   * @param maxMinutes the cutoff in minutes, finite and &gt; 0
   * @param edges whether a time equal to the cutoff is kept ({@link BandEdges#CLOSED_UPPER}) or
   *     not ({@link BandEdges#HALF_OPEN}), non-null
   * @return the decay
   * @throws IllegalArgumentException when a parameter is out of range, naming it
   */
  public static LogisticDecay of(
      double inflectionMinutes, double sdMinutes, double maxMinutes, BandEdges edges) {
    return new LogisticDecay(inflectionMinutes, sdMinutes, new Cutoff(maxMinutes, edges));
  }

  /** {@return T, the time weighing 1/2, in minutes} */
  public double inflectionMinutes() {
    return inflectionMinutes;
  }

  /** {@return SD, the scale of the slope in minutes} */
  public double sdMinutes() {
    return sdMinutes;
  }

  /** {@return the edge convention at the cutoff} */
  public BandEdges edges() {
    return cutoff.edges();
  }

  /**
   * Returns the weight of a travel time.
   *
   * @param minutes travel time, finite and &gt;= 0
   * @return {@code 1 / (1 + exp((t − T) / SD))} within the cutoff, in [0, 1); 0 beyond
   */
  @Override
  public double weight(double minutes) {
    return cutoff.keeps(minutes)
        ? 1.0 / (1.0 + Math.exp((minutes - inflectionMinutes) / sdMinutes))
        : 0.0;
  }

  /** {@return the cutoff in minutes} */
  @Override
  public double maxMinutes() {
    return cutoff.minutes();
  }

  /** {@return e.g. {@code logistic:20:5 within 40 min (half-open)}} */
  @Override
  public String describe() {
    return "logistic:" + Params.text(inflectionMinutes) + ":" + Params.text(sdMinutes) + " "
        + cutoff.describe();
  }

  @Override
  public String toString() {
    return describe();
  }
}
