package fr.apl.demand;

/** Placeholder, replaced by the demand-by-sex branch. */
public final class DemandWeights {
  private final String name;
  private final AgeWeights both;
  private final AgeWeights women;
  private final AgeWeights men;

  private DemandWeights(String name, AgeWeights both, AgeWeights women, AgeWeights men) {
    this.name = name;
    this.both = both;
    this.women = women;
    this.men = men;
  }

  /**
   * One set.
   *
   * @param both weights
   * @return demand
   */
  public static DemandWeights of(AgeWeights both) {
    return new DemandWeights(both.name(), both, null, null);
  }

  /**
   * By sex.
   *
   * @param name name
   * @param women women
   * @param men men
   * @return demand
   */
  public static DemandWeights bySex(String name, AgeWeights women, AgeWeights men) {
    return new DemandWeights(name, null, women, men);
  }

  /** {@return by sex} */
  public boolean bySex() {
    return both == null;
  }

  /** {@return both} */
  public AgeWeights both() {
    return both;
  }

  /** {@return women} */
  public AgeWeights women() {
    return women;
  }

  /** {@return men} */
  public AgeWeights men() {
    return men;
  }

  /** {@return name} */
  public String name() {
    return name;
  }
}
