package fr.apl.core;

/**
 * Computes APL the slow, obvious way, as a reference for the sparse kernel: a dense n × n weight
 * matrix and plain loops over the formula of DREES working paper 124.
 *
 * <pre>
 *   D_j   = Σ_i w(t_ij) · P_i
 *   R_j   = S_j / D_j    (0 when D_j = 0)
 *   APL_i = Σ_j w(t_ij) · R_j
 * </pre>
 *
 * <p>Written from the method alone, with nothing taken from the main code: its own decay, no
 * sparse storage, no renumbering. An absent pair (NaN) weighs 0, except a commune's own pair,
 * which then counts as 0 minutes; a commune the matrix does not know is simply a row and a column
 * of NaN. Memory is 8·n² bytes, fine up to a few hundred communes.
 */
final class NaiveApl {

  /**
   * Step decay: a time falls in the first band whose upper edge is above it (or equal, with
   * closed upper edges); beyond the last band it weighs 0.
   */
  record Decay(String name, double[] upperMinutes, double[] weights, boolean closedUpper)
      implements java.util.function.DoubleUnaryOperator {
    @Override
    public double applyAsDouble(double t) {
      return weight(t);
    }

    double weight(double t) {
      for (int b = 0; b < upperMinutes.length; b++) {
        boolean inside = closedUpper ? t <= upperMinutes[b] : t < upperMinutes[b];
        if (inside) {
          return weights[b];
        }
      }
      return 0.0;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  final double[][] weight;
  final double[] demand;
  final double[] ratio;
  final double[] apl;
  private final double[] supply;

  /**
   * @param minutes minutes[i][j] from residence i to practice j, NaN when the pair is absent
   * @param population standardised population of each commune, 0 when none
   * @param supply consultations per year of each commune, 0 when none
   */
  NaiveApl(
      double[][] minutes,
      double[] population,
      double[] supply,
      java.util.function.DoubleUnaryOperator decay) {
    int n = population.length;
    this.supply = supply.clone();
    weight = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double t = minutes[i][j];
        if (Double.isNaN(t) && i == j) {
          t = 0.0;
        }
        weight[i][j] = Double.isNaN(t) ? 0.0 : decay.applyAsDouble(t);
      }
    }
    demand = new double[n];
    for (int j = 0; j < n; j++) {
      double d = 0;
      for (int i = 0; i < n; i++) {
        d += weight[i][j] * population[i];
      }
      demand[j] = d;
    }
    ratio = new double[n];
    for (int j = 0; j < n; j++) {
      ratio[j] = demand[j] > 0 ? supply[j] / demand[j] : 0.0;
    }
    apl = new double[n];
    for (int i = 0; i < n; i++) {
      double a = 0;
      for (int j = 0; j < n; j++) {
        a += weight[i][j] * ratio[j];
      }
      apl[i] = a;
    }
  }

  /** Counts the practice communes with supply and demand that commune i reaches. */
  int practicesInReach(int i) {
    int c = 0;
    for (int j = 0; j < apl.length; j++) {
      if (weight[i][j] > 0 && supply[j] > 0 && demand[j] > 0) {
        c++;
      }
    }
    return c;
  }
}
