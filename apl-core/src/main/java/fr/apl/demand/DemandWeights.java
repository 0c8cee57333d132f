package fr.apl.demand;

import java.util.Arrays;
import java.util.Objects;

/**
 * Says how residents are weighted into demand: one set of 19 {@link AgeWeights} for both sexes
 * together (the GP APL of DREES), or one set for women and one for men, for a profession whose
 * demand depends on sex (midwives: women aged 15–49 only; weight 0 for every other band and for
 * every man).
 *
 * <p>A sex whose 19 weights are all 0 adds nothing to the demand, so its age bands are not needed
 * ({@link #needsWomen()}, {@link #needsMen()}): midwife weights standardise a population that
 * gives the women's bands only.
 *
 * <p>Immutable and thread-safe.
 */
public final class DemandWeights {

  private final String name;
  private final AgeWeights both;
  private final AgeWeights women;
  private final AgeWeights men;
  private final boolean needsWomen;
  private final boolean needsMen;

  private DemandWeights(String name, AgeWeights both, AgeWeights women, AgeWeights men) {
    this.name = name;
    this.both = both;
    this.women = women;
    this.men = men;
    this.needsWomen = women != null && anyPositive(women);
    this.needsMen = men != null && anyPositive(men);
  }

  /**
   * Returns one set of weights for both sexes together, as DREES weighs the GP APL.
   *
   * @param both the 19 band weights, non-null
   * @return the weights, named as {@code both}
   * @throws IllegalArgumentException on a null set
   */
  public static DemandWeights of(AgeWeights both) {
    if (both == null) {
      throw new IllegalArgumentException("age weights must not be null");
    }
    return new DemandWeights(both.name(), both, null, null);
  }

  /**
   * Returns one set of weights per sex. A set of 19 zeros leaves that sex out of the demand.
   *
   * @param name how to name the pair in reports, e.g. "midwives", non-null
   * @param women the 19 band weights of women, non-null
   * @param men the 19 band weights of men, non-null
   * @return the weights
   * @throws IllegalArgumentException on a null argument
   */
  public static DemandWeights bySex(String name, AgeWeights women, AgeWeights men) {
    if (name == null || women == null || men == null) {
      throw new IllegalArgumentException(
          "weights by sex need a name, the women's weights and the men's weights, given: " + name
              + ", " + women + ", " + men);
    }
    return new DemandWeights(name, null, women, men);
  }

  /** {@return true when women and men are weighted apart} */
  public boolean bySex() {
    return both == null;
  }

  /** {@return the weights of both sexes together, or null when weighted by sex} */
  public AgeWeights both() {
    return both;
  }

  /** {@return the weights of women, or null when not weighted by sex} */
  public AgeWeights women() {
    return women;
  }

  /** {@return the weights of men, or null when not weighted by sex} */
  public AgeWeights men() {
    return men;
  }

  /** {@return the name of the weights: that of the set for both sexes, or the one given} */
  public String name() {
    return name;
  }

  /** {@return true when weighted by sex with at least one women's weight above 0} */
  public boolean needsWomen() {
    return needsWomen;
  }

  /** {@return true when weighted by sex with at least one men's weight above 0} */
  public boolean needsMen() {
    return needsMen;
  }

  private static boolean anyPositive(AgeWeights w) {
    for (int a = 0; a < AgeWeights.BANDS; a++) {
      if (w.weight(a) > 0) {
        return true;
      }
    }
    return false;
  }

  /** Compares two sets by name and weights ({@link AgeWeights} has identity equality). */
  private static boolean same(AgeWeights x, AgeWeights y) {
    if (x == null || y == null) {
      return x == y;
    }
    return x.name().equals(y.name()) && Arrays.equals(x.weights(), y.weights());
  }

  private static int hash(AgeWeights w) {
    return w == null ? 0 : 31 * w.name().hashCode() + Arrays.hashCode(w.weights());
  }

  /**
   * Compares the name and every weight, bit for bit (as {@link Arrays#equals(double[],
   * double[])}).
   *
   * @param o another object, or null
   * @return true for weights of the same kind, name and values
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DemandWeights)) {
      return false;
    }
    DemandWeights d = (DemandWeights) o;
    return name.equals(d.name) && same(both, d.both) && same(women, d.women) && same(men, d.men);
  }

  /** {@return a hash consistent with {@link #equals(Object)}} */
  @Override
  public int hashCode() {
    return Objects.hash(name, hash(both), hash(women), hash(men));
  }

  /** {@return the name and the weights, for reports and failure messages} */
  @Override
  public String toString() {
    return bySex()
        ? "DemandWeights[" + name + " by sex, women " + Arrays.toString(women.weights()) + ", men "
            + Arrays.toString(men.weights()) + "]"
        : "DemandWeights[" + name + ", both sexes " + Arrays.toString(both.weights()) + "]";
  }
}
