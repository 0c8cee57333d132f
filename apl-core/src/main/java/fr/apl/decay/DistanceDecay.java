package fr.apl.decay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a travel time in minutes to a weight with a step function (distance bands).
 *
 * <p>The default, {@link #dreesGeneralPractitioners()}, is the DREES decay for general practitioners
 * (DREES working paper 124): {@code t < 10 → 1}, {@code 10 ≤ t < 15 → 2/3}, {@code 15 ≤ t < 20 →
 * 1/3}, {@code t ≥ 20 → 0}. Weights are exact fractions in {@code double} (2/3, not 0.67). Times
 * beyond the last band weigh 0.
 *
 * <p>Immutable and thread-safe. {@link #weight(double)} is O(number of bands).
 */
public final class DistanceDecay implements Decay {

  /**
   * The most bands a decay may have: the catchments store a pair's band in 16 bits rather than
   * its weight in 64 (33 MB less for France).
   */
  public static final int MAX_BANDS = 65_535;

  private final double[] upperMinutes;
  private final double[] weights;
  private final BandEdges edges;

  private DistanceDecay(List<Band> bands, BandEdges edges) {
    if (bands.isEmpty()) {
      throw new IllegalArgumentException("a distance decay needs at least one band");
    }
    if (edges == null) {
      throw new IllegalArgumentException("band edges must not be null");
    }
    if (bands.size() > MAX_BANDS) {
      throw new IllegalArgumentException("at most " + MAX_BANDS + " bands, given: " + bands.size());
    }
    this.upperMinutes = new double[bands.size()];
    this.weights = new double[bands.size()];
    for (int b = 0; b < bands.size(); b++) {
      Band band = bands.get(b);
      if (b > 0 && !(band.upperMinutes() > upperMinutes[b - 1])) {
        throw new IllegalArgumentException("band edges must increase, given " + upperMinutes[b - 1]
            + " then " + band.upperMinutes());
      }
      upperMinutes[b] = band.upperMinutes();
      weights[b] = band.weight();
    }
    this.edges = edges;
  }

  /**
   * Returns a decay with the given bands, in increasing order of upper edge.
   *
   * @param bands at least one band and at most {@link #MAX_BANDS}, edges strictly increasing
   * @param edges which band an edge time belongs to, non-null
   * @return the decay; the list is copied
   * @throws IllegalArgumentException on no band, too many, edges that do not increase, or null
   *     edges
   */
  public static DistanceDecay of(List<Band> bands, BandEdges edges) {
    return new DistanceDecay(List.copyOf(bands), edges);
  }

  /** {@return the DREES general-practitioner bands 10:1, 15:2/3, 20:1/3 with half-open edges} */
  public static DistanceDecay dreesGeneralPractitioners() {
    return dreesGeneralPractitioners(BandEdges.HALF_OPEN);
  }

  /**
   * Returns the DREES general-practitioner bands 10:1, 15:2/3, 20:1/3 with the given edges.
   *
   * @param edges which band an edge time belongs to, non-null
   * @return the decay, cutoff 20 minutes
   */
  public static DistanceDecay dreesGeneralPractitioners(BandEdges edges) {
    return of(List.of(new Band(10, 1.0), new Band(15, 2.0 / 3.0), new Band(20, 1.0 / 3.0)), edges);
  }

  /**
   * Parses bands written {@code 10:1,15:2/3,20:1/3}: upper edge in minutes, colon, weight as a
   * decimal or a fraction {@code p/q} (evaluated as {@code p / q} in double, so 2/3 is the nearest
   * double to two thirds).
   *
   * @param text the band list, non-blank
   * @param edges which band an edge time belongs to, non-null
   * @return the decay, bands in the order written
   * @throws IllegalArgumentException naming the faulty band when the text does not parse
   */
  public static DistanceDecay parse(String text, BandEdges edges) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty band list; expected e.g. 10:1,15:2/3,20:1/3");
    }
    List<Band> bands = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String band = part.trim();
      int colon = band.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            "band '" + band + "' is not MINUTES:WEIGHT; expected e.g. 10:1,15:2/3,20:1/3");
      }
      double upper = parseNumber(band.substring(0, colon), band);
      String w = band.substring(colon + 1).trim();
      int slash = w.indexOf('/');
      double weight = slash < 0
          ? parseNumber(w, band)
          : parseNumber(w.substring(0, slash), band) / parseNumber(w.substring(slash + 1), band);
      try {
        bands.add(new Band(upper, weight));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("band '" + band + "': " + e.getMessage(), e);
      }
    }
    return of(bands, edges);
  }

  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private static double parseNumber(String s, String band) {
    if (!DECIMAL.matcher(s.trim()).matches()) {
      throw new IllegalArgumentException("band '" + band + "': '" + s.trim() + "' is not a number");
    }
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "band '" + band + "': '" + s.trim() + "' is not a number", e);
    }
  }

  /**
   * Returns the weight of a travel time.
   *
   * @param minutes travel time in minutes, finite and &gt;= 0 (not checked here: readers check)
   * @return the weight of the first band that holds {@code minutes}, or 0 beyond the last band
   */
  @Override
  public double weight(double minutes) {
    int b = band(minutes);
    return b < 0 ? 0.0 : weights[b];
  }

  /**
   * Returns the index of the band that holds a travel time, in {@link #bands()} order.
   *
   * @param minutes travel time in minutes, finite and &gt;= 0 (not checked here: readers check)
   * @return the index of the first band that holds {@code minutes}, or -1 beyond the last band
   */
  public int band(double minutes) {
    if (edges == BandEdges.HALF_OPEN) {
      for (int b = 0; b < upperMinutes.length; b++) {
        if (minutes < upperMinutes[b]) {
          return b;
        }
      }
    } else {
      for (int b = 0; b < upperMinutes.length; b++) {
        if (minutes <= upperMinutes[b]) {
          return b;
        }
      }
    }
    return -1;
  }

  /**
   * Returns the weight of a band.
   *
   * @param b a band index in {@link #bands()} order, {@code [0, bandCount())}
   * @return the weight, in [0, 1]
   * @throws ArrayIndexOutOfBoundsException outside that range
   */
  public double bandWeight(int b) {
    return weights[b];
  }

  /** {@return the number of bands, from 1 to {@link #MAX_BANDS}} */
  public int bandCount() {
    return weights.length;
  }

  /** {@return the largest time that can have a non-zero weight (the last band's upper edge)} */
  @Override
  public double maxMinutes() {
    return upperMinutes[upperMinutes.length - 1];
  }

  /** {@return the bands in increasing order of upper edge, in a new list} */
  public List<Band> bands() {
    List<Band> out = new ArrayList<>(weights.length);
    for (int b = 0; b < weights.length; b++) {
      out.add(new Band(upperMinutes[b], weights[b]));
    }
    return out;
  }

  /** {@return the edge convention} */
  public BandEdges edges() {
    return edges;
  }

  /**
   * Returns {@code bands} and the bands as {@link #parse} reads them, then the edges: e.g.
   * {@code bands 10:1,15:2/3,20:1/3 (half-open)}. An edge is written as short as it reads back
   * (10, not 10.0); a weight that is exactly {@code p/q} in double for some q up to 12 is written
   * as that fraction (2/3), otherwise as a decimal.
   *
   * @return the description, on one line
   */
  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("bands ");
    for (int b = 0; b < weights.length; b++) {
      if (b > 0) {
        sb.append(',');
      }
      sb.append(Params.text(upperMinutes[b])).append(':').append(weightText(weights[b]));
    }
    return sb.append(" (").append(Params.text(edges)).append(')').toString();
  }

  private static String weightText(double weight) {
    if (weight == Math.rint(weight)) {
      return Params.text(weight);
    }
    String decimal = Double.toString(weight);
    if (decimal.length() <= 6) {
      return decimal;
    }
    for (int q = 2; q <= 12; q++) {
      long p = Math.round(weight * q);
      if ((double) p / q == weight) {
        return p + "/" + q;
      }
    }
    return decimal;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int b = 0; b < weights.length; b++) {
      if (b > 0) {
        sb.append(',');
      }
      sb.append(String.format(Locale.ROOT, "%s:%s", upperMinutes[b], weights[b]));
    }
    return sb.append(" (")
        .append(edges.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .append(')')
        .toString();
  }
}
