package fr.apl.internal;

/**
 * Runs the two gathers of the two-step floating catchment area method on sparse rows.
 *
 * <p>Both steps are gathers: one call owns a range of output cells and sums each cell over its
 * row in the stored order, in {@code double}. The result of a cell therefore does not depend on
 * how ranges are split among threads. Internal: no compatibility promise.
 */
public final class TwoStepKernel {

  private TwoStepKernel() {}

  /**
   * Computes {@code out[r] = Σ_k bandWeight[band[k]] · x[index[k]]} for rows {@code from..to-1},
   * the row {@code r} holding entries {@code start[r]..start[r+1]-1}; an entry stores the band of
   * its weight (2 bytes), not the weight (8). Used for both steps: weighted demand
   * {@code D_j = Σ_i w_ij P_i} (rows by practice) and access {@code APL_i = Σ_j w_ij R_j} (rows by
   * residence).
   */
  public static void gather(
      int[] start,
      int[] index,
      char[] band,
      double[] bandWeight,
      double[] x,
      double[] out,
      int from,
      int to) {
    for (int r = from; r < to; r++) {
      double sum = 0.0;
      int end = start[r + 1];
      for (int k = start[r]; k < end; k++) {
        sum += bandWeight[band[k]] * x[index[k]];
      }
      out[r] = sum;
    }
  }

  /** Computes {@code ratio[j] = supply[j] / demand[j]}, or 0 when {@code demand[j] == 0}. */
  public static void ratio(double[] supply, double[] demand, double[] ratio, int from, int to) {
    for (int j = from; j < to; j++) {
      double d = demand[j];
      ratio[j] = d > 0 ? supply[j] / d : 0.0;
    }
  }
}
