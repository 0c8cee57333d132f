package fr.apl.supply;

/** Says how a general practitioner practises, which decides the activity bounds applied. */
public enum PracticeMode {
  /** Liberal practice: DREES bounds apply (and the new-installation rule). */
  LIBERAL,
  /** Salaried in a centre de santé: activity counts with no bounds. */
  CENTRE_SANTE
}
