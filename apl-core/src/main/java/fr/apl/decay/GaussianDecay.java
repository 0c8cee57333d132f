package fr.apl.decay;

/**
 * Weighs a travel time with a Gaussian: {@code f(t) = exp(−t² / (2 σ²))} within a cutoff, 0
 * beyond. This is the {@code gaussian(sigma)} weight function of pysal/access (Saxon et al. 2022,
 * "An open software environment to make spatial access metrics more accessible", Journal of
 * Computational Social Science); f(0) = 1 and f(σ) ≈ 0.607.
 *
 * <p>The curve never reaches 0, so a cutoff is required. Immutable and thread-safe; {@link
 * #weight(double)} is O(1).
 */
public final class GaussianDecay implements Decay {

  private final double sigmaMinutes;
  private final Cutoff cutoff;

  private GaussianDecay(double sigmaMinutes, Cutoff cutoff) {
    this.sigmaMinutes = Params.positive("gaussian: sigma (the width, minutes)", sigmaMinutes);
    this.cutoff = cutoff;
  }

  /**
   * Returns a Gaussian decay.
   *
   * @param sigmaMinutes σ, the width in minutes, finite and &gt; 0
   * @param maxMinutes the cutoff in minutes, finite and &gt; 0
   * @param edges whether a time equal to the cutoff is kept ({@link BandEdges#CLOSED_UPPER}) or
   *     not ({@link BandEdges#HALF_OPEN}), non-null
   * @return the decay
   * @throws IllegalArgumentException when a parameter is out of range, naming it
   */
  public static GaussianDecay of(double sigmaMinutes, double maxMinutes, BandEdges edges) {
    return new GaussianDecay(sigmaMinutes, new Cutoff(maxMinutes, edges));
  }

  /** {@return σ, the width in minutes} */
  public double sigmaMinutes() {
    return sigmaMinutes;
  }

  /** {@return the edge convention at the cutoff} */
  public BandEdges edges() {
    return cutoff.edges();
  }

  /**
   * Returns the weight of a travel time.
   *
   * @param minutes travel time, finite and &gt;= 0
   * @return {@code exp(−t² / (2 σ²))} within the cutoff, in (0, 1]; 0 beyond (or on an
   *     half-open cutoff)
   */
  @Override
  public double weight(double minutes) {
    return cutoff.keeps(minutes)
        ? Math.exp(-(minutes * minutes) / (2 * sigmaMinutes * sigmaMinutes))
        : 0.0;
  }

  /** {@return the cutoff in minutes} */
  @Override
  public double maxMinutes() {
    return cutoff.minutes();
  }

  /** {@return e.g. {@code gaussian:10 within 30 min (half-open)}} */
  @Override
  public String describe() {
    return "gaussian:" + Params.text(sigmaMinutes) + " " + cutoff.describe();
  }

  @Override
  public String toString() {
    return describe();
  }
}
