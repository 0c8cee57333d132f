package fr.apl.demand;

import fr.apl.place.CommuneValues;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds the demand side of APL: the standardised population of each residence commune, that is
 * residents weighted by the GP consumption of their age band (see {@link AgeWeights}).
 *
 * <p>Optionally also holds the resident (unweighted) population, and a sentence saying how the
 * standardised population was obtained (given as such, or standardised from age bands with which
 * weights and which rescaling factor).
 *
 * <p>Values are finite and &gt;= 0. Immutable and thread-safe.
 */
public final class Population {

  private final CommuneValues standardised;
  private final CommuneValues residents;
  private final String provenance;

  private Population(CommuneValues standardised, CommuneValues residents, String provenance) {
    for (int k = 0; k < standardised.size(); k++) {
      if (!(standardised.value(k) >= 0)) {
        throw new IllegalArgumentException("population of commune " + standardised.code(k)
            + " must be >= 0, given: " + standardised.value(k));
      }
    }
    this.standardised = standardised;
    this.residents = residents;
    this.provenance = provenance;
  }

  /**
   * Returns a population given already standardised (as DREES publishes {@code
   * pop_standardisee}).
   *
   * @param standardised standardised inhabitants by commune, finite and &gt;= 0, non-null
   * @return a population with no residents
   * @throws IllegalArgumentException on a negative value
   */
  public static Population standardised(CommuneValues standardised) {
    return new Population(standardised, null, "standardised population as given");
  }

  /**
   * Returns a population standardised elsewhere, with its residents and a provenance note (used
   * to rebuild a population in another commune geography, see
   * the code history).
   *
   * @param standardised standardised inhabitants by commune, finite and &gt;= 0, non-null
   * @param residents resident population by commune, or null when not known
   * @param provenance one sentence saying how the standardised population was obtained, non-null
   * @return the population
   * @throws IllegalArgumentException on a negative value
   */
  public static Population of(
      CommuneValues standardised, CommuneValues residents, String provenance) {
    return new Population(standardised, residents, provenance);
  }

  /**
   * Returns a scenario of this population: the given communes take the given standardised
   * population (a housing estate is built: more; a commune empties: less), the others keep
   * theirs. The result has the same communes, as a variant of a computation must; a commune
   * with no inhabitants yet needs a row of 0 here first. The resident population of the result
   * is not known: a scenario gives standardised population only.
   *
   * @param standardisedByCommune new standardised population of some communes of this
   *     population, finite, &gt;= 0
   * @return a new population with the same communes and no residents
   * @throws IllegalArgumentException on a commune this population does not list, or a negative
   *     or non-finite value
   */
  public Population with(Map<String, Double> standardisedByCommune) {
    for (String code : standardisedByCommune.keySet()) {
      if (!standardised.contains(code)) {
        throw new IllegalArgumentException("commune " + code + " is not in the population: a"
            + " scenario changes communes it lists");
      }
    }
    return new Population(
        standardised.with(new TreeMap<>(standardisedByCommune)),
        null,
        provenance + ", changed by a scenario in " + standardisedByCommune.size()
            + (standardisedByCommune.size() == 1 ? " commune" : " communes"));
  }

  /** {@return the standardised population by residence commune, in code order} */
  public CommuneValues standardised() {
    return standardised;
  }

  /** {@return true when the resident (unweighted) population is known} */
  public boolean hasResidents() {
    return residents != null;
  }

  /**
   * Returns the resident population by commune.
   *
   * @return residents by commune, unweighted
   * @throws IllegalStateException when it is not known (see {@link #hasResidents()})
   */
  public CommuneValues residents() {
    if (residents == null) {
      throw new IllegalStateException("the resident population is not known for this population");
    }
    return residents;
  }

  /** {@return how the standardised population was obtained, in one sentence} */
  public String provenance() {
    return provenance;
  }
}
