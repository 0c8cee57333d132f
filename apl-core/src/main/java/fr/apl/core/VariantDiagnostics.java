package fr.apl.core;

import java.util.List;

/**
 * Reports the checks of one computed variant.
 *
 * <p>Conservation: {@code Σ_i P_i · APL_i} must equal the supply of the practice communes that
 * some population reaches ({@code D_j > 0}); {@code conservationRelativeError} is the relative gap,
 * a few 1e-16 in exact arithmetic's stead.
 *
 * @param name the variant name
 * @param totalSupply consultations per year of all practice communes given
 * @param reachedSupply consultations of the practice communes that some population reaches
 * @param weightedAplSum {@code Σ_i P_i · APL_i} over the population communes
 * @param conservationRelativeError {@code |weightedAplSum − reachedSupply| / reachedSupply}, 0 when
 *     no supply is reached
 * @param unreachedSupplyCommunes codes of practice communes with supply that no population reaches,
 *     sorted
 * @param unreachedSupply their consultations per year
 * @param communesWithoutSupply population communes whose APL is 0 (no supply in reach)
 * @param populationWithoutSupply their standardised population
 */
public record VariantDiagnostics(
    String name,
    double totalSupply,
    double reachedSupply,
    double weightedAplSum,
    double conservationRelativeError,
    List<String> unreachedSupplyCommunes,
    double unreachedSupply,
    int communesWithoutSupply,
    double populationWithoutSupply) {

  /**
   * Makes the list immutable.
   *
   * @param name the variant name
   * @param totalSupply consultations per year of all practice communes given
   * @param reachedSupply consultations per year that some population reaches
   * @param weightedAplSum {@code Σ_i P_i · APL_i}
   * @param conservationRelativeError the relative gap between the two above, &gt;= 0
   * @param unreachedSupplyCommunes codes of unreached practice communes, sorted, non-null; copied
   * @param unreachedSupply their consultations per year
   * @param communesWithoutSupply population communes with APL 0
   * @param populationWithoutSupply their standardised population
   */
  public VariantDiagnostics {
    unreachedSupplyCommunes = List.copyOf(unreachedSupplyCommunes);
  }
}
