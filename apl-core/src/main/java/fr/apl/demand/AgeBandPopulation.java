package fr.apl.demand;

import fr.apl.place.CommuneValues;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds residents by commune and by the 19 DREES age bands (see {@link AgeWeights}), and turns
 * them into a standardised {@link Population}:
 * {@code P_i = k · Σ_a pop_{i,a} · c_a}, with {@code c_a} the band weights and {@code k} the
 * rescaling factor.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class AgeBandPopulation {

  private final Map<String, double[]> bandsByCode;

  private AgeBandPopulation(Map<String, double[]> bandsByCode) {
    this.bandsByCode = bandsByCode;
  }

  /** {@return an empty builder, not thread-safe} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the number of communes} */
  public int size() {
    return bandsByCode.size();
  }

  /**
   * Returns the residents of a commune by band.
   *
   * @param code a commune code
   * @return a copy of the 19 counts in band order, or null when the commune is absent
   */
  public double[] bands(String code) {
    double[] b = bandsByCode.get(code);
    return b == null ? null : b.clone();
  }

  /**
   * Returns the standardised population.
   *
   * @param weights the 19 band weights
   * @param rescaling how the weighted population is rescaled; the factor used is stated in
   *     {@link Population#provenance()}
   * @return a new population with residents, communes in code order; O(communes · 19)
   */
  public Population standardise(AgeWeights weights, Rescaling rescaling) {
    CommuneValues.Builder weighted = CommuneValues.builder();
    CommuneValues.Builder residents = CommuneValues.builder();
    double weightedTotal = 0;
    double residentTotal = 0;
    for (Map.Entry<String, double[]> e : bandsByCode.entrySet()) {
      double[] b = e.getValue();
      double w = 0;
      double r = 0;
      for (int a = 0; a < AgeWeights.BANDS; a++) {
        w += b[a] * weights.weight(a);
        r += b[a];
      }
      weighted.add(e.getKey(), w);
      residents.add(e.getKey(), r);
      weightedTotal += w;
      residentTotal += r;
    }
    double factor;
    String how;
    switch (rescaling.mode()) {
      case NONE:
        factor = 1.0;
        how = "not rescaled";
        break;
      case TO_TOTAL:
        factor = weightedTotal > 0 ? residentTotal / weightedTotal : 1.0;
        how = String.format(
            Locale.ROOT,
            "rescaled by %.6f so that it sums to the %.0f residents of the input",
            factor,
            residentTotal);
        break;
      default:
        factor = rescaling.factor();
        how = String.format(Locale.ROOT, "rescaled by the given factor %s", factor);
        break;
    }
    CommuneValues standardised = weighted.build();
    if (factor != 1.0) {
      standardised = standardised.scaled(factor);
    }
    return Population.of(
        standardised,
        residents.build(),
        "standardised from age bands with the " + weights.name() + " weights, " + how);
  }

  /** Collects communes one at a time. */
  public static final class Builder {
    private final TreeMap<String, double[]> bandsByCode = new TreeMap<>();

    private Builder() {}

    /**
     * Adds a commune.
     *
     * @param code INSEE commune code
     * @param residents 19 counts, finite and &gt;= 0, in band order (under 5 … 90 and over)
     * @return this builder
     * @throws IllegalArgumentException on a bad count or a code given twice
     */
    public Builder add(String code, double[] residents) {
      if (code == null || code.isEmpty()) {
        throw new IllegalArgumentException("commune code must not be null or empty");
      }
      if (residents.length != AgeWeights.BANDS) {
        throw new IllegalArgumentException("commune " + code + " needs " + AgeWeights.BANDS
            + " age bands, given: " + residents.length);
      }
      for (int a = 0; a < AgeWeights.BANDS; a++) {
        if (!(residents[a] >= 0) || Double.isInfinite(residents[a])) {
          throw new IllegalArgumentException("residents of commune " + code + " in band "
              + AgeWeights.BAND_LABELS.get(a) + " must be finite and >= 0, given: "
              + residents[a]);
        }
      }
      if (bandsByCode.putIfAbsent(code, residents.clone()) != null) {
        throw new IllegalArgumentException("commune " + code + " is given twice");
      }
      return this;
    }

    /** {@return the population of the communes added so far; the builder can go on} */
    public AgeBandPopulation build() {
      return new AgeBandPopulation(new TreeMap<>(bandsByCode));
    }
  }

  @Override
  public String toString() {
    return "AgeBandPopulation[" + bandsByCode.size() + " communes, first "
        + (bandsByCode.isEmpty()
            ? "-"
            : Arrays.toString(bandsByCode.values().iterator().next()))
        + "]";
  }
}
