package fr.apl.demand;

/**
 * Says how the weighted population is rescaled after the age weights are applied.
 *
 * <p>DREES rescales so that the standardised population sums to the total population of France
 * (67 408 052 in 2023). On a partial territory, rescaling to that territory's own total gives a
 * different factor than the national one: then give the national factor, or no rescaling.
 *
 * @param mode how the factor is chosen
 * @param factor the factor for {@link Mode#FACTOR}, finite and &gt; 0; ignored otherwise
 */
public record Rescaling(Mode mode, double factor) {

  /** How the rescaling factor is chosen. */
  public enum Mode {
    /** Factor 1: the weighted population as is. */
    NONE,
    /** The factor that makes the standardised total equal the resident total of the input. */
    TO_TOTAL,
    /** A factor given by the user (for example the national one, on a partial territory). */
    FACTOR
  }

  /**
   * Validates the factor.
   *
   * @param mode how the factor is chosen, non-null
   * @param factor the factor for {@link Mode#FACTOR}, finite and &gt; 0; ignored otherwise
   * @throws IllegalArgumentException on a null mode or a bad factor
   */
  public Rescaling {
    if (mode == null) {
      throw new IllegalArgumentException("rescaling mode must not be null");
    }
    if (mode == Mode.FACTOR && (!(factor > 0) || Double.isInfinite(factor))) {
      throw new IllegalArgumentException(
          "rescaling factor must be finite and > 0, given: " + factor);
    }
  }

  /** {@return no rescaling: factor 1} */
  public static Rescaling none() {
    return new Rescaling(Mode.NONE, 1.0);
  }

  /** {@return the rescaling to the input's own resident total (right for all of France)} */
  public static Rescaling toTotal() {
    return new Rescaling(Mode.TO_TOTAL, Double.NaN);
  }

  /**
   * Returns a fixed factor.
   *
   * @param factor the factor, finite and &gt; 0
   * @return the rescaling
   * @throws IllegalArgumentException on a bad factor
   */
  public static Rescaling factor(double factor) {
    return new Rescaling(Mode.FACTOR, factor);
  }
}
