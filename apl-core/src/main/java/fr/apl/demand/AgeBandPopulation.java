package fr.apl.demand;

import fr.apl.place.CommuneValues;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds residents by commune and by the 19 DREES age bands (see {@link AgeWeights}), both sexes
 * together and optionally women and men apart, and turns them into a standardised
 * {@link Population}: {@code P_i = k · Σ_a pop_{i,a} · c_a}, with {@code c_a} the band weights
 * and {@code k} the rescaling factor; by sex (see {@link DemandWeights}),
 * {@code P_i = k · (Σ_a women_{i,a} · cW_a + Σ_a men_{i,a} · cM_a)}.
 *
 * <p>Every commune of one population gives the same bands: both sexes always, and the women's,
 * the men's, both or neither ({@link #hasWomen()}, {@link #hasMen()}). The residents of a commune
 * (the {@code residents} of the population, and the total that {@link Rescaling#toTotal()}
 * reaches) are always those of both sexes together.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class AgeBandPopulation {

  /** The residents of one commune: both sexes, and each sex's bands or null. */
  private record Row(double[] both, double[] women, double[] men) {}

  private final Map<String, Row> rowsByCode;
  private final boolean hasWomen;
  private final boolean hasMen;

  private AgeBandPopulation(Map<String, Row> rowsByCode, boolean hasWomen, boolean hasMen) {
    this.rowsByCode = rowsByCode;
    this.hasWomen = hasWomen;
    this.hasMen = hasMen;
  }

  /** {@return an empty builder, not thread-safe} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the number of communes} */
  public int size() {
    return rowsByCode.size();
  }

  /** {@return true when every commune gives the women's 19 bands; false when none does} */
  public boolean hasWomen() {
    return hasWomen;
  }

  /** {@return true when every commune gives the men's 19 bands; false when none does} */
  public boolean hasMen() {
    return hasMen;
  }

  /**
   * Returns the residents of a commune by band, both sexes together.
   *
   * @param code a commune code
   * @return a copy of the 19 counts in band order, or null when the commune is absent
   */
  public double[] bands(String code) {
    Row r = rowsByCode.get(code);
    return r == null ? null : r.both.clone();
  }

  /**
   * Returns the women of a commune by band.
   *
   * @param code a commune code
   * @return a copy of the 19 counts in band order, or null when the commune is absent or the
   *     population has no women's bands
   */
  public double[] women(String code) {
    Row r = rowsByCode.get(code);
    return r == null || r.women == null ? null : r.women.clone();
  }

  /**
   * Returns the men of a commune by band.
   *
   * @param code a commune code
   * @return a copy of the 19 counts in band order, or null when the commune is absent or the
   *     population has no men's bands
   */
  public double[] men(String code) {
    Row r = rowsByCode.get(code);
    return r == null || r.men == null ? null : r.men.clone();
  }

  /**
   * Returns the standardised population, both sexes weighted together. Same as {@link
   * #standardise(DemandWeights, Rescaling)} with {@link DemandWeights#of(AgeWeights)}.
   *
   * @param weights the 19 band weights
   * @param rescaling how the weighted population is rescaled; the factor used is stated in
   *     {@link Population#provenance()}
   * @return a new population with residents, communes in code order; O(communes · 19)
   */
  public Population standardise(AgeWeights weights, Rescaling rescaling) {
    return standardise(DemandWeights.of(weights), rescaling);
  }

  /**
   * Returns the standardised population. With weights for both sexes, each commune's weighted
   * population is {@code Σ_a both_a · c_a}, bands 0 to 18 in order. By sex, it is {@code Σ_a
   * women_a · cW_a}, then plus {@code Σ_a men_a · cM_a}, each in band order; a sex whose weights
   * are all 0 is left out, so its bands need not be given. Residents are both sexes together.
   *
   * @param weights the band weights, of both sexes or by sex, non-null
   * @param rescaling how the weighted population is rescaled; the factor used is stated in
   *     {@link Population#provenance()}
   * @return a new population with residents, communes in code order; O(communes · 19) for both
   *     sexes, O(communes · 38) by sex
   * @throws IllegalArgumentException when the weights weigh a sex apart whose bands this
   *     population does not give
   */
  public Population standardise(DemandWeights weights, Rescaling rescaling) {
    boolean bySex = weights.bySex();
    boolean useWomen = weights.needsWomen();
    boolean useMen = weights.needsMen();
    if (useWomen && !hasWomen) {
      throw missingSex(weights, "women", "f_");
    }
    if (useMen && !hasMen) {
      throw missingSex(weights, "men", "h_");
    }
    AgeWeights both = weights.both();
    AgeWeights women = weights.women();
    AgeWeights men = weights.men();
    CommuneValues.Builder weighted = CommuneValues.builder();
    CommuneValues.Builder residents = CommuneValues.builder();
    double weightedTotal = 0;
    double residentTotal = 0;
    for (Map.Entry<String, Row> e : rowsByCode.entrySet()) {
      Row row = e.getValue();
      double[] b = row.both;
      double w = 0;
      double r = 0;
      if (!bySex) {
        for (int a = 0; a < AgeWeights.BANDS; a++) {
          w += b[a] * both.weight(a);
          r += b[a];
        }
      } else {
        for (int a = 0; a < AgeWeights.BANDS; a++) {
          r += b[a];
        }
        if (useWomen) {
          double[] f = row.women;
          for (int a = 0; a < AgeWeights.BANDS; a++) {
            w += f[a] * women.weight(a);
          }
        }
        if (useMen) {
          double[] h = row.men;
          for (int a = 0; a < AgeWeights.BANDS; a++) {
            w += h[a] * men.weight(a);
          }
        }
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
        "standardised from age bands" + (bySex ? " by sex" : "") + " with the " + weights.name()
            + " weights, " + how);
  }

  /** Says which sex's bands are missing, and what the population gives instead. */
  private IllegalArgumentException missingSex(DemandWeights weights, String sex, String prefix) {
    String has = hasWomen
        ? "the women's bands and those of both sexes together only"
        : hasMen
            ? "the men's bands and those of both sexes together only"
            : "the bands of both sexes together only";
    return new IllegalArgumentException("the demand weighs " + sex + " apart (" + weights.name()
        + "): the population needs the " + sex + "'s age bands " + prefix + "0_4 … " + prefix
        + "90p, and it gives " + has);
  }

  /**
   * Collects communes one at a time. Every commune added gives the same bands as the first: both
   * sexes, and the women's, the men's, both or neither.
   */
  public static final class Builder {
    private final TreeMap<String, Row> rowsByCode = new TreeMap<>();
    /** Whether the rows give women's and men's bands; set by the first row. */
    private boolean withWomen;

    private boolean withMen;

    private Builder() {}

    /**
     * Adds a commune, both sexes together.
     *
     * @param code INSEE commune code
     * @param residents 19 counts, finite and &gt;= 0, in band order (under 5 … 90 and over)
     * @return this builder
     * @throws IllegalArgumentException on a bad count, a code given twice, or communes added
     *     before with bands by sex
     */
    public Builder add(String code, double[] residents) {
      return add(code, residents, null, null);
    }

    /**
     * Adds a commune with its residents by sex. When {@code both} is null, the residents of both
     * sexes are {@code women[a] + men[a]}; when it is given, it is taken as given (census files
     * give {@code p = f + h} exactly).
     *
     * @param code INSEE commune code
     * @param both 19 counts of both sexes, finite and &gt;= 0, in band order (under 5 … 90 and
     *     over); null only when {@code women} and {@code men} are both given
     * @param women 19 counts of women, finite and &gt;= 0, in band order, or null
     * @param men 19 counts of men, finite and &gt;= 0, in band order, or null
     * @return this builder
     * @throws IllegalArgumentException on a bad count, a code given twice, {@code both} missing
     *     with a sex missing too, or a commune whose women's or men's bands are given when those
     *     of the communes added before were not (or the reverse)
     */
    public Builder add(String code, double[] both, double[] women, double[] men) {
      if (code == null || code.isEmpty()) {
        throw new IllegalArgumentException("commune code must not be null or empty");
      }
      if (both == null && (women == null || men == null)) {
        throw new IllegalArgumentException("commune " + code + " needs the residents of both"
            + " sexes by age band, or those of women and of men");
      }
      check(code, "residents", both);
      check(code, "women", women);
      check(code, "men", men);
      if (!rowsByCode.isEmpty() && ((women != null) != withWomen || (men != null) != withMen)) {
        throw new IllegalArgumentException("commune " + code + " gives "
            + sexes(women != null, men != null) + ", the communes before it gave "
            + sexes(withWomen, withMen) + ": every commune must give the same age bands");
      }
      double[] b;
      if (both != null) {
        b = both.clone();
      } else {
        b = new double[AgeWeights.BANDS];
        for (int a = 0; a < AgeWeights.BANDS; a++) {
          b[a] = women[a] + men[a];
        }
        check(code, "residents", b);
      }
      Row row = new Row(b, women == null ? null : women.clone(), men == null ? null : men.clone());
      if (rowsByCode.putIfAbsent(code, row) != null) {
        throw new IllegalArgumentException("commune " + code + " is given twice");
      }
      if (rowsByCode.size() == 1) {
        withWomen = women != null;
        withMen = men != null;
      }
      return this;
    }

    /** Checks 19 counts, finite and >= 0, when given. */
    private static void check(String code, String who, double[] counts) {
      if (counts == null) {
        return;
      }
      if (counts.length != AgeWeights.BANDS) {
        throw new IllegalArgumentException("commune " + code + " needs " + AgeWeights.BANDS
            + " age bands" + ("residents".equals(who) ? "" : " of " + who) + ", given: "
            + counts.length);
      }
      for (int a = 0; a < AgeWeights.BANDS; a++) {
        if (!(counts[a] >= 0) || Double.isInfinite(counts[a])) {
          throw new IllegalArgumentException(who + " of commune " + code + " in band "
              + AgeWeights.BAND_LABELS.get(a) + " must be finite and >= 0, given: " + counts[a]);
        }
      }
    }

    private static String sexes(boolean women, boolean men) {
      return women && men
          ? "the women's and the men's bands"
          : women ? "the women's bands only" : men ? "the men's bands only" : "no bands by sex";
    }

    /** {@return the population of the communes added so far; the builder can go on} */
    public AgeBandPopulation build() {
      boolean any = !rowsByCode.isEmpty();
      return new AgeBandPopulation(new TreeMap<>(rowsByCode), any && withWomen, any && withMen);
    }
  }

  /** {@return the number of communes, the bands given and the first commune's bands} */
  @Override
  public String toString() {
    return "AgeBandPopulation[" + rowsByCode.size() + " communes"
        + (hasWomen ? ", women" : "") + (hasMen ? ", men" : "") + ", first "
        + (rowsByCode.isEmpty()
            ? "-"
            : Arrays.toString(rowsByCode.values().iterator().next().both))
        + "]";
  }
}
