package fr.apl.supply;

/**
 * Says how the activity of a practitioner salaried in a centre de santé counts (DREES: with no
 * bounds, for general practitioners and nurses).
 */
public enum SalariedPractice {
  /** The activity counts as it is, with no floor nor ceiling (DREES, general practitioners). */
  UNBOUNDED,
  /** The liberal bounds apply (floor, ceiling; not the new-installation rule). */
  BOUNDED,
  /** Salaried practitioners are left out. */
  EXCLUDED
}
