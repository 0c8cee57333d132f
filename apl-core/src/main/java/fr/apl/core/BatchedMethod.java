package fr.apl.core;

/**
 * An access method written for batches of variants: its one-variant steps are its batched steps
 * on a batch of one, so that each method states its arithmetic once. A subclass overrides {@link
 * #accesses}, and {@link #demands} or {@link #demand} (the interface's {@code demands} calls
 * {@code demand} per population, which here calls {@code demands}: one of them must be its own).
 */
abstract class BatchedMethod implements AccessMethod {

  @Override
  public void demand(Gathers gathers, double[] population, double[] demand) {
    demands(gathers, new double[][] {population}, new double[][] {demand});
  }

  @Override
  public void access(Gathers gathers, double[] supply, double[] demand, double[] access) {
    accesses(gathers, new double[][] {supply}, new double[][] {demand}, new double[][] {access});
  }

  @Override
  public abstract void accesses(
      Gathers gathers, double[][] supplies, double[][] demands, double[][] access);
}
