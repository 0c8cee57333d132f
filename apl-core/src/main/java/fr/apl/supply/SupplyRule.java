package fr.apl.supply;

import java.util.List;

/**
 * Turns practitioners' yearly activity into supply per practice commune: the DREES bounds for
 * general practitioners today ({@link ActivityRules#dreesGeneralPractitioners()}), other
 * professions' rules (nurses, physiotherapists, midwives, dentists) behind the same interface.
 *
 * <p>Implementations are immutable and thread-safe, and sum in a fixed order (the supply does not
 * depend on the order of the practitioners).
 */
public interface SupplyRule {

  /**
   * Returns the supply of all practitioners, per practice commune.
   *
   * @param doctors one entry per practitioner and practice; the entries of one practitioner
   *     agree on age, mode and new installation
   * @return consultations per year by practice commune, summed in a fixed order
   * @throws IllegalArgumentException when the entries of one practitioner disagree
   */
  Supply supply(List<Doctor> doctors);

  /**
   * Returns the supply of the practitioners younger than {@code ageCap}.
   *
   * @param doctors one entry per practitioner and practice, as for {@link #supply(List)}
   * @param ageCap age in years; practitioners of that age or older are left out
   * @return consultations per year by practice commune of the practitioners kept
   * @throws IllegalArgumentException when a practitioner's age is unknown, or the entries of one
   *     practitioner disagree
   */
  Supply supply(List<Doctor> doctors, int ageCap);
}
