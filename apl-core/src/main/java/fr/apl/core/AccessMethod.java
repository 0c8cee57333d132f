package fr.apl.core;

/**
 * Computes an access indicator from the weighted catchments, in two steps: the demand that
 * reaches each practice (which depends on the population only, so it is computed once per
 * population and shared by every supply scenario), then each residence's access to the supply.
 * Methods are values of this type; the E2SFCA of DREES is {@link #e2sfca()}, the default. Other
 * floating-catchment methods (3SFCA, M2SFCA, BFCA…) are further classes behind it, on the same
 * {@link Gathers}.
 *
 * <p>Vectors hold one value per place, numbered as {@link Gathers} says. Implementations are
 * immutable and thread-safe, and sum in a fixed order (results do not depend on threads).
 */
public interface AccessMethod {

  /** {@return the method's name, as an output column or option says it ({@code e2sfca})} */
  String name();

  /**
   * Returns true when the method conserves supply: {@code Σ_i P_i · A_i} equals the supply that
   * some population reaches, checked on every run.
   *
   * @return true when the conservation check of each variant is expected to hold
   */
  boolean conservesSupply();

  /**
   * Step 1: the demand that reaches each practice.
   *
   * @param gathers the weighted catchments, non-null
   * @param population standardised population per place
   * @param demand written: the demand per place
   */
  void demand(Gathers gathers, double[] population, double[] demand);

  /**
   * Step 2: each residence's access.
   *
   * @param gathers the weighted catchments the demand was computed on, non-null
   * @param supply supply per place (consultations per year)
   * @param demand the demand of step 1
   * @param access written: the access per place
   */
  void access(Gathers gathers, double[] supply, double[] demand, double[] access);

  /**
   * Returns the enhanced two-step floating catchment area method of DREES (working paper 124;
   * Luo &amp; Qi 2009): {@code D_j = Σ_i w_ij P_i}, {@code R_j = S_j / D_j} (0 when {@code D_j =
   * 0}), {@code A_i = Σ_j w_ij R_j}.
   *
   * @return the shared E2SFCA instance, which conserves supply
   */
  static AccessMethod e2sfca() {
    return E2sfca.INSTANCE;
  }
}
