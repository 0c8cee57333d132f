package fr.apl.supply;

import fr.apl.place.CommuneValues;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds the supply of care per practice commune: consultations (and visits, teleconsultations)
 * counted in a year, after the activity rules.
 *
 * <p>Values are finite and &gt;= 0. Immutable and thread-safe.
 */
public final class Supply {

  private final CommuneValues consultationsPerYear;

  private Supply(CommuneValues consultationsPerYear) {
    for (int k = 0; k < consultationsPerYear.size(); k++) {
      if (!(consultationsPerYear.value(k) >= 0)) {
        throw new IllegalArgumentException("supply of commune " + consultationsPerYear.code(k)
            + " must be >= 0 consultations, given: " + consultationsPerYear.value(k));
      }
    }
    this.consultationsPerYear = consultationsPerYear;
  }

  /**
   * Returns the supply given as consultations per year and practice commune.
   *
   * @param consultationsPerYear consultations per year by practice commune, &gt;= 0, non-null
   * @return the supply over those values (kept: they are immutable)
   * @throws IllegalArgumentException on a negative value
   */
  public static Supply of(CommuneValues consultationsPerYear) {
    return new Supply(consultationsPerYear);
  }

  /** {@return consultations per year by practice commune, in code order} */
  public CommuneValues consultationsPerYear() {
    return consultationsPerYear;
  }

  /**
   * Returns a scenario of this supply: the given communes take the given consultations (a doctor
   * retires: less; a health centre opens: more, possibly in a commune with no supply before);
   * the others keep theirs.
   *
   * @param consultationsByCommune new consultations per year of some communes, finite, &gt;= 0
   * @return a new supply; this one is unchanged
   * @throws IllegalArgumentException on a negative or non-finite value
   */
  public Supply with(Map<String, Double> consultationsByCommune) {
    return new Supply(consultationsPerYear.with(new TreeMap<>(consultationsByCommune)));
  }

  /** {@return the total consultations per year, added in commune-code order} */
  public double total() {
    return consultationsPerYear.sum();
  }
}
