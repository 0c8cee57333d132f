package fr.apl.supply;

/**
 * Holds one doctor's activity in one practice commune over a year.
 *
 * <p>A doctor with several practices appears once per practice, with the same {@code id},
 * {@code age}, {@code mode} and {@code newInstallation}.
 *
 * @param id doctor identifier, non-empty
 * @param commune INSEE code of the practice commune, non-empty
 * @param acts consultations, visits and teleconsultations in the year at this practice, finite
 *     and &gt;= 0
 * @param age age in years, or {@link #UNKNOWN_AGE} when unknown (then no age cap can apply)
 * @param mode liberal or salaried in a centre de santé
 * @param newInstallation true for a liberal doctor with no liberal activity the year before
 */
public record Doctor(
    String id, String commune, double acts, int age, PracticeMode mode, boolean newInstallation) {

  /** The age of a doctor whose age is not known. */
  public static final int UNKNOWN_AGE = -1;

  /**
   * Validates the record.
   *
   * @param id doctor identifier, non-empty
   * @param commune INSEE code of the practice commune, non-empty
   * @param acts acts in the year at this practice, finite and &gt;= 0
   * @param age age in years &gt;= 0, or {@link #UNKNOWN_AGE}
   * @param mode liberal or salaried, non-null
   * @param newInstallation true for a liberal doctor newly installed
   * @throws IllegalArgumentException on an empty id or commune, bad acts or age, or a null mode
   */
  public Doctor {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("doctor id must not be empty");
    }
    if (commune == null || commune.isEmpty()) {
      throw new IllegalArgumentException("practice commune of doctor " + id + " is empty");
    }
    if (!(acts >= 0) || Double.isInfinite(acts)) {
      throw new IllegalArgumentException(
          "acts of doctor " + id + " must be finite and >= 0, given: " + acts);
    }
    if (age < 0 && age != UNKNOWN_AGE) {
      throw new IllegalArgumentException("age of doctor " + id + " must be >= 0, given: " + age);
    }
    if (mode == null) {
      throw new IllegalArgumentException("practice mode of doctor " + id + " is missing");
    }
  }
}
