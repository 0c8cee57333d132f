package fr.apl.core;

import java.util.List;
import java.util.Locale;

/**
 * Computes an access indicator from the weighted catchments, in two steps: what depends on the
 * population only (for most methods the demand that reaches each practice), computed once per
 * population and shared by every supply scenario, then each residence's access to the supply.
 * Methods are values of this type; the E2SFCA of DREES is {@link #e2sfca()}, the default; {@link
 * #of(String)} gives the others by name (3SFCA, M2SFCA, BFCA, cumulative opportunities, supply to
 * demand ratio), all on the same {@link Gathers}.
 *
 * <p>A method whose demand depends on the supply (3SFCA) keeps the population in step 1 and
 * computes its demand in step 2, which runs once per variant: the interface needs nothing more,
 * and E2SFCA keeps its one step 1 per population.
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
   * Step 1: what depends on the population only, for most methods the demand that reaches each
   * practice. The vector is the method's own: only its {@link #access} reads it.
   *
   * @param gathers the weighted catchments, non-null
   * @param population standardised population per place
   * @param demand written: the method's step-1 value per place
   */
  void demand(Gathers gathers, double[] population, double[] demand);

  /**
   * Step 2: each residence's access.
   *
   * @param gathers the weighted catchments the demand was computed on, non-null
   * @param supply supply per place (consultations per year)
   * @param demand the vector of step 1, for the population of this variant
   * @param access written: the access per place
   */
  void access(Gathers gathers, double[] supply, double[] demand, double[] access);

  /**
   * Step 1 for several populations in one pass over the pairs: the same figures as {@link
   * #demand} on each population. An engine that pays per pass over the pairs (a cluster) pays once
   * for all of them; the methods of this library override it, and the default calls {@link
   * #demand} once per population.
   *
   * @param gathers the weighted catchments, non-null
   * @param populations one standardised population per place vector
   * @param demands written: one step-1 vector per population
   */
  default void demands(Gathers gathers, double[][] populations, double[][] demands) {
    for (int v = 0; v < populations.length; v++) {
      demand(gathers, populations[v], demands[v]);
    }
  }

  /**
   * Step 2 for several variants in one pass over the pairs: the same figures as {@link #access}
   * on each variant (the scenarios and age caps of a run, computed together rather than one job
   * each). The default calls {@link #access} once per variant.
   *
   * @param gathers the weighted catchments the demands were computed on, non-null
   * @param supplies supply per place, one vector per variant
   * @param demands the vector of step 1 of each variant's population, one per variant
   * @param access written: the access per place, one vector per variant
   */
  default void accesses(
      Gathers gathers, double[][] supplies, double[][] demands, double[][] access) {
    for (int v = 0; v < supplies.length; v++) {
      access(gathers, supplies[v], demands[v], access[v]);
    }
  }

  /**
   * Returns the enhanced two-step floating catchment area method of DREES (working paper 124;
   * Luo &amp; Qi 2009): {@code D_j = Σ_i w_ij P_i}, {@code R_j = S_j / D_j} (0 when {@code D_j =
   * 0}), {@code A_i = Σ_j w_ij R_j}.
   *
   * @return the shared E2SFCA instance, which conserves supply
   */
  static AccessMethod e2sfca() {
    return E2sfca.E2SFCA;
  }

  /**
   * Returns a method by its name, as {@link #name()} gives it, ignoring case: {@code e2sfca},
   * {@code 3sfca} (Wan, Zou &amp; Sternberg 2012), {@code m2sfca} (Delamater 2013), {@code bfca}
   * (Paez, Higgins &amp; Vivona 2019), {@code cumulative} (opportunities in reach) or {@code
   * ratio} (supply to demand ratio in reach, pysal's {@code fca_ratio}).
   *
   * @param name a name of {@link #names()}, any case, non-null
   * @return the method, immutable and shared
   * @throws IllegalArgumentException on a null or unknown name, listing the names
   */
  static AccessMethod of(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    switch (key) {
      case "e2sfca":
        return E2sfca.E2SFCA;
      case "3sfca":
        return ThreeStepFca.INSTANCE;
      case "m2sfca":
        return E2sfca.M2SFCA;
      case "bfca":
        return BalancedFca.INSTANCE;
      case "cumulative":
        return CumulativeOpportunities.INSTANCE;
      case "ratio":
        return SupplyDemandRatio.INSTANCE;
      default:
        throw new IllegalArgumentException(
            "unknown access method: " + name + " (known: " + String.join(", ", names()) + ")");
    }
  }

  /** {@return the names {@link #of(String)} knows, the default {@code e2sfca} first} */
  static List<String> names() {
    return List.of("e2sfca", "3sfca", "m2sfca", "bfca", "cumulative", "ratio");
  }
}
