package fr.apl.core;

import java.util.List;

/**
 * Reports what a computation found about its inputs: communes present in one input and not in
 * another, and the checks of each variant. Nothing here stops a computation; the caller decides.
 *
 * @param communes population communes (rows of the result)
 * @param pairs distinct travel-time pairs in the matrix
 * @param pairsInReach pairs with a non-zero weight, self pairs included
 * @param selfPairsAdded communes of the matrix without a self pair, which were given 0 minutes
 * @param duplicatePairs records that repeated a pair with the same time (kept once)
 * @param populationNotInTimes population communes the times table does not know: they reach
 *     only their own practices (self pair at 0 minutes); sorted codes
 * @param supplyNotInTimes practice communes with supply the times table does not know; sorted
 * @param supplyNotInPopulation practice communes with supply and no population row; sorted
 * @param timesNotInPopulation communes of the times table with no population row (population 0)
 * @param variants the checks of each variant, in the order computed
 */
public record Diagnostics(
    int communes,
    long pairs,
    long pairsInReach,
    int selfPairsAdded,
    long duplicatePairs,
    List<String> populationNotInTimes,
    List<String> supplyNotInTimes,
    List<String> supplyNotInPopulation,
    int timesNotInPopulation,
    List<VariantDiagnostics> variants) {

  /**
   * Makes the lists immutable.
   *
   * @param communes population communes (rows of the result)
   * @param pairs distinct travel-time pairs in the matrix
   * @param pairsInReach pairs with a non-zero weight, self pairs included
   * @param selfPairsAdded communes given a self pair at 0 minutes
   * @param duplicatePairs records that repeated a pair with the same time
   * @param populationNotInTimes sorted codes, non-null; copied
   * @param supplyNotInTimes sorted codes, non-null; copied
   * @param supplyNotInPopulation sorted codes, non-null; copied
   * @param timesNotInPopulation communes of the times table with no population row
   * @param variants the checks of each variant, non-null; copied
   */
  public Diagnostics {
    populationNotInTimes = List.copyOf(populationNotInTimes);
    supplyNotInTimes = List.copyOf(supplyNotInTimes);
    supplyNotInPopulation = List.copyOf(supplyNotInPopulation);
    variants = List.copyOf(variants);
  }
}
