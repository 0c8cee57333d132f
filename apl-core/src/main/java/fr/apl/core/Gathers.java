package fr.apl.core;

import fr.apl.engine.Kernel;

/**
 * Gives an {@link AccessMethod} the sums floating-catchment methods are made of, over the
 * weighted catchments, without handing out their arrays: over residences or over practices, with
 * the weights {@code w_ij} or their squares {@code w_ij²}. Places are numbered as the catchments
 * number them: the matrix's communes in code order, then the communes of the population or
 * supply that the matrix does not know (each reaches only itself, at 0 minutes).
 *
 * <p>The sums run on an engine's {@link Kernel} (the local arrays by default, or a cluster): each
 * output cell is summed in a fixed order, so results depend neither on the thread count nor on
 * the engine. Each sum has a batched form taking one vector per variant, summed in one pass over
 * the pairs. Immutable and thread-safe when the kernel is; O(pairs in reach) a sum.
 */
public final class Gathers {

  private final int places;
  private final int matrixPlaces;
  private final Kernel kernel;
  private final double selfWeight;

  Gathers(int places, Kernel kernel) {
    this.places = places;
    this.matrixPlaces = kernel.places();
    this.kernel = kernel;
    this.selfWeight = kernel.selfWeight();
  }

  /** {@return the number of places: the length of every vector these sums take and give} */
  public int places() {
    return places;
  }

  /**
   * Sums over the residences that reach each practice: {@code out[j] = Σ_i w_ij · x[i]} (step 1
   * of E2SFCA with {@code x} the population: the weighted demand {@code D_j}).
   *
   * @param x a value per place, length {@link #places()}
   * @param out written, length {@link #places()}
   */
  public void sumOverResidences(double[] x, double[] out) {
    sumOverResidences(new double[][] {x}, new double[][] {out});
  }

  /**
   * Sums over the practices each residence reaches: {@code out[i] = Σ_j w_ij · x[j]} (step 2 of
   * E2SFCA with {@code x} the supply-to-demand ratio: the access {@code APL_i}).
   *
   * @param x a value per place, length {@link #places()}
   * @param out written, length {@link #places()}
   */
  public void sumOverPractices(double[] x, double[] out) {
    sumOverPractices(new double[][] {x}, new double[][] {out});
  }

  /**
   * Sums over the residences that reach each practice with squared weights: {@code out[j] =
   * Σ_i w_ij² · x[i]} (the demand of 3SFCA, whose selection weight times {@code w_ij} is {@code
   * w_ij²} divided by a residence's total).
   *
   * @param x a value per place, length {@link #places()}
   * @param out written, length {@link #places()}
   */
  public void sumOverResidencesSquared(double[] x, double[] out) {
    sumOverResidencesSquared(new double[][] {x}, new double[][] {out});
  }

  /**
   * Sums over the practices each residence reaches with squared weights: {@code out[i] = Σ_j
   * w_ij² · x[j]} (the access of M2SFCA, Delamater 2013).
   *
   * @param x a value per place, length {@link #places()}
   * @param out written, length {@link #places()}
   */
  public void sumOverPracticesSquared(double[] x, double[] out) {
    sumOverPracticesSquared(new double[][] {x}, new double[][] {out});
  }

  /**
   * Sums over the residences that reach each practice, for several vectors in one pass: {@code
   * out[v][j] = Σ_i w_ij · x[v][i]}.
   *
   * @param x one vector per variant, each of length {@link #places()}
   * @param out written, as many vectors as {@code x}, each of length {@link #places()}
   */
  public void sumOverResidences(double[][] x, double[][] out) {
    check(x, out);
    kernel.toPractices(x, false, out);
    extras(x, out, selfWeight);
  }

  /**
   * Sums over the practices each residence reaches, for several vectors in one pass: {@code
   * out[v][i] = Σ_j w_ij · x[v][j]}.
   *
   * @param x one vector per variant, each of length {@link #places()}
   * @param out written, as many vectors as {@code x}, each of length {@link #places()}
   */
  public void sumOverPractices(double[][] x, double[][] out) {
    check(x, out);
    kernel.toResidences(x, false, out);
    extras(x, out, selfWeight);
  }

  /**
   * Sums over the residences that reach each practice with squared weights, for several vectors
   * in one pass: {@code out[v][j] = Σ_i w_ij² · x[v][i]}.
   *
   * @param x one vector per variant, each of length {@link #places()}
   * @param out written, as many vectors as {@code x}, each of length {@link #places()}
   */
  public void sumOverResidencesSquared(double[][] x, double[][] out) {
    check(x, out);
    kernel.toPractices(x, true, out);
    extras(x, out, selfWeight * selfWeight);
  }

  /**
   * Sums over the practices each residence reaches with squared weights, for several vectors in
   * one pass: {@code out[v][i] = Σ_j w_ij² · x[v][j]}.
   *
   * @param x one vector per variant, each of length {@link #places()}
   * @param out written, as many vectors as {@code x}, each of length {@link #places()}
   */
  public void sumOverPracticesSquared(double[][] x, double[][] out) {
    check(x, out);
    kernel.toResidences(x, true, out);
    extras(x, out, selfWeight * selfWeight);
  }

  /** Counts the practices with supply and demand above 0 that each residence reaches. */
  void countReached(double[] supply, double[] demand, int[] out) {
    kernel.countReached(supply, demand, out);
  }

  /** The communes the matrix does not know reach only themselves, at the weight of 0 minutes. */
  private void extras(double[][] x, double[][] out, double weight) {
    for (int v = 0; v < x.length; v++) {
      for (int e = matrixPlaces; e < places; e++) {
        out[v][e] = weight * x[v][e];
      }
    }
  }

  private void check(double[][] x, double[][] out) {
    if (x.length != out.length) {
      throw new IllegalArgumentException(
          "as many outputs as inputs are needed, given " + x.length + " and " + out.length);
    }
    for (int v = 0; v < x.length; v++) {
      if (x[v].length != places || out[v].length != places) {
        throw new IllegalArgumentException("vectors must have " + places + " places, given "
            + x[v].length + " and " + out[v].length);
      }
    }
  }
}
