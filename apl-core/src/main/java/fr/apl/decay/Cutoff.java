package fr.apl.decay;

/**
 * Holds the cutoff of a continuous decay: the largest travel time that can weigh, and whether a
 * time exactly on it is kept ({@link BandEdges#CLOSED_UPPER}, {@code t <= M}, as pysal/access and
 * IPEA's accessibility do) or not ({@link BandEdges#HALF_OPEN}, {@code t < M}, as the DREES bands
 * are read by default).
 */
record Cutoff(double minutes, BandEdges edges) {

  Cutoff {
    if (!(minutes > 0) || Double.isInfinite(minutes)) {
      throw new IllegalArgumentException(
          "the cutoff (maximum minutes) must be finite and > 0, given: " + Params.text(minutes));
    }
    if (edges == null) {
      throw new IllegalArgumentException("band edges must not be null");
    }
  }

  /** Returns whether a travel time is within the cutoff. */
  boolean keeps(double t) {
    return edges == BandEdges.HALF_OPEN ? t < minutes : t <= minutes;
  }

  /** Returns e.g. {@code within 30 min (half-open)}. */
  String describe() {
    return "within " + Params.text(minutes) + " min (" + Params.text(edges) + ")";
  }
}
