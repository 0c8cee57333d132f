package fr.apl.core;

import fr.apl.internal.TwoStepKernel;

/**
 * The enhanced two-step floating catchment area method, as DREES computes APL (working paper
 * 124; Luo &amp; Qi 2009, Health &amp; Place 15(4)): the same weights in both steps, conservation
 * of the supply that some population reaches.
 */
final class E2sfca implements AccessMethod {

  static final E2sfca INSTANCE = new E2sfca();

  private E2sfca() {}

  @Override
  public String name() {
    return "e2sfca";
  }

  @Override
  public boolean conservesSupply() {
    return true;
  }

  @Override
  public void demand(Gathers gathers, double[] population, double[] demand) {
    gathers.sumOverResidences(population, demand);
  }

  @Override
  public void access(Gathers gathers, double[] supply, double[] demand, double[] access) {
    double[] ratio = new double[gathers.places()];
    TwoStepKernel.ratio(supply, demand, ratio, 0, ratio.length);
    gathers.sumOverPractices(ratio, access);
  }

  @Override
  public String toString() {
    return name();
  }
}
