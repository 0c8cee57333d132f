package fr.apl.decay;

/**
 * Holds one distance band: travel times up to {@code upperMinutes} get {@code weight}.
 *
 * <p>Whether a time equal to {@code upperMinutes} belongs to this band or to the next one is
 * decided by the {@link BandEdges} of the enclosing {@link DistanceDecay}, not by the band.
 *
 * @param upperMinutes upper edge of the band in minutes, finite and &gt; 0
 * @param weight weight of the band, finite, in [0, 1]
 */
public record Band(double upperMinutes, double weight) {

  /**
   * Validates the band.
   *
   * @param upperMinutes upper edge in minutes, finite and &gt; 0
   * @param weight weight in [0, 1]
   * @throws IllegalArgumentException when either is out of range or NaN
   */
  public Band {
    if (!(upperMinutes > 0) || Double.isInfinite(upperMinutes)) {
      throw new IllegalArgumentException(
          "band upper edge must be finite and > 0 minutes, given: " + upperMinutes);
    }
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("band weight must be in [0, 1], given: " + weight);
    }
  }
}
