package fr.apl.core;

import fr.apl.internal.TwoStepKernel;

/**
 * The balanced floating catchment area method (Paez, Higgins &amp; Vivona 2019, PLOS ONE 14(6)
 * e0218773), as IPEA's R package {@code accessibility} computes it ({@code
 * floating_catchment_area(fca_metric = "bfca")}): each residence's population is split among the
 * destinations it reaches, and each practice's level of service among the origins that reach it,
 * so that neither demand nor supply is counted twice.
 *
 * <pre>
 *   W'_ij  = w_ij / Σ_k w_ik   over all destinations k of i
 *   W''_ij = w_ij / Σ_l w_lj   over all origins l of j
 *   D_j    = Σ_i W'_ij P_i
 *   R_j    = S_j / D_j         (0 when D_j = 0)
 *   A_i    = Σ_j W''_ij R_j
 * </pre>
 *
 * <p>Conservation, worked out: population is conserved, {@code Σ_j D_j = Σ_i P_i} (each row of
 * {@code W'} sums to 1), and so is the level of service, {@code Σ_i A_i = Σ_j R_j} (each column
 * of {@code W''} sums to 1). Supply in the sense of E2SFCA is not: {@code Σ_i P_i A_i = Σ_j (R_j
 * / Σ_l w_lj) · Σ_i w_ij P_i}, while the reached supply is {@code Σ_j R_j · Σ_i (w_ij / Σ_k
 * w_ik) P_i}; the two differ as soon as the catchments differ in size (a test shows a three-commune
 * case). So {@link #conservesSupply()} is false.
 */
final class BalancedFca extends BatchedMethod {

  static final BalancedFca INSTANCE = new BalancedFca();

  private BalancedFca() {}

  @Override
  public String name() {
    return "bfca";
  }

  @Override
  public boolean conservesSupply() {
    return false;
  }

  @Override
  public void demands(Gathers gathers, double[][] populations, double[][] demands) {
    int n = gathers.places();
    double[] rowTotal = new double[n];
    gathers.sumOverPractices(ones(n), rowTotal);
    double[][] share = new double[populations.length][n];
    for (int v = 0; v < populations.length; v++) {
      for (int i = 0; i < n; i++) {
        share[v][i] = rowTotal[i] > 0 ? populations[v][i] / rowTotal[i] : 0.0;
      }
    }
    gathers.sumOverResidences(share, demands);
  }

  @Override
  public void accesses(
      Gathers gathers, double[][] supplies, double[][] demands, double[][] access) {
    int n = gathers.places();
    double[] columnTotal = new double[n];
    gathers.sumOverResidences(ones(n), columnTotal);
    double[][] ratio = new double[supplies.length][n];
    for (int v = 0; v < supplies.length; v++) {
      TwoStepKernel.ratio(supplies[v], demands[v], ratio[v], 0, n);
      for (int j = 0; j < n; j++) {
        ratio[v][j] = columnTotal[j] > 0 ? ratio[v][j] / columnTotal[j] : 0.0;
      }
    }
    gathers.sumOverPractices(ratio, access);
  }

  private static double[] ones(int n) {
    double[] x = new double[n];
    java.util.Arrays.fill(x, 1.0);
    return x;
  }

  @Override
  public String toString() {
    return name();
  }
}
