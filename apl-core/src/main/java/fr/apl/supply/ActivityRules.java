package fr.apl.supply;

import fr.apl.place.CommuneValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts doctors' yearly activity into counted supply per practice commune, with the DREES
 * bounds for general practitioners (DREES, APL "Paramètres" sheet, 2022/2023):
 *
 * <ul>
 *   <li>liberal doctor, total acts ≤ 250: 0 (left out);
 *   <li>251 – 3 600 acts: 3 600;
 *   <li>3 601 – 6 000: the acts;
 *   <li>more than 6 000: 6 000;
 *   <li>liberal doctor with no liberal activity the year before (new installation): 5 400;
 *   <li>salaried in a centre de santé: the acts, no bounds.
 * </ul>
 *
 * <p>The bounds apply to a doctor's acts added over all practices; the counted value is then
 * shared among the practices in proportion to the acts of each (equally when the doctor has no
 * acts at all, which only matters for a new installation). An age cap drops the doctors aged
 * {@code cap} or more ({@code cap = 65} gives DREES's "médecins de moins de 65 ans").
 *
 * <p>Other professions use the same structure with other values (see {@code
 * fr.apl.profession.Profession}): how salaried practice counts, the activity per unit of supply
 * (the counted activity is divided by it: 1 for consultations; the median liberal activity when
 * the activity is given in acts but the supply is wanted in full-time equivalents) and an age
 * from which liberal practitioners are left out of every figure (DREES counts dentists of 65 or
 * less).
 *
 * @param zeroAtOrBelow a liberal doctor with at most this many acts counts 0 (DREES: 250)
 * @param floorUpTo a liberal doctor with at most this many acts (and more than
 *     {@code zeroAtOrBelow}) counts {@code floorValue} (DREES: 3 600)
 * @param floorValue what such a doctor counts (DREES: 3 600)
 * @param ceiling a liberal doctor counts at most this (DREES: 6 000)
 * @param newInstallation what a new liberal installation counts (DREES: 5 400)
 * @param salaried how the activity of a salaried practitioner counts (DREES: unbounded)
 * @param perUnit activity per unit of supply: each practitioner's counted activity is divided by
 *     it (1: the supply is the activity itself)
 * @param liberalAgeLimit liberal practitioners of this age or more are left out of every figure;
 *     {@link Integer#MAX_VALUE} for none (general practitioners)
 */
public record ActivityRules(
    double zeroAtOrBelow,
    double floorUpTo,
    double floorValue,
    double ceiling,
    double newInstallation,
    SalariedPractice salaried,
    double perUnit,
    int liberalAgeLimit)
    implements SupplyRule {

  /**
   * Validates the bounds.
   *
   * @param zeroAtOrBelow acts at or below which a liberal doctor counts 0, finite and &gt;= 0
   * @param floorUpTo acts up to which a liberal doctor counts {@code floorValue}, finite, from
   *     {@code zeroAtOrBelow} to {@code ceiling}
   * @param floorValue acts such a doctor counts, finite and &gt;= 0
   * @param ceiling the most acts a liberal doctor counts, finite and &gt;= {@code floorUpTo}
   * @param newInstallation acts a new liberal installation counts, finite and &gt;= 0
   * @param salaried how salaried practice counts, non-null
   * @param perUnit activity per unit of supply, finite and &gt; 0
   * @param liberalAgeLimit age from which liberal practitioners are left out, from 1, or {@link
   *     Integer#MAX_VALUE} for none
   * @throws IllegalArgumentException when a bound is negative, NaN or infinite, when {@code
   *     zeroAtOrBelow <= floorUpTo <= ceiling} does not hold, or on a null mode, a unit not &gt; 0
   *     or an age limit below 1
   */
  public ActivityRules {
    if (salaried == null) {
      throw new IllegalArgumentException("how salaried practice counts must be given");
    }
    if (!(perUnit > 0) || Double.isInfinite(perUnit)) {
      throw new IllegalArgumentException(
          "activity per unit of supply must be finite and > 0, given: " + perUnit);
    }
    if (liberalAgeLimit < 1) {
      throw new IllegalArgumentException(
          "the age limit of liberal practitioners must be >= 1, given: " + liberalAgeLimit);
    }
    double[] all = {zeroAtOrBelow, floorUpTo, floorValue, ceiling, newInstallation};
    for (double v : all) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("activity bounds must be finite and >= 0, given: " + v);
      }
    }
    if (!(zeroAtOrBelow <= floorUpTo && floorUpTo <= ceiling)) {
      throw new IllegalArgumentException("activity bounds must satisfy zeroAtOrBelow <= floorUpTo"
          + " <= ceiling, given: " + zeroAtOrBelow + ", " + floorUpTo + ", " + ceiling);
    }
  }

  /**
   * Returns liberal bounds with salaried practice unbounded, the activity as the unit of supply
   * and no age limit: the structure of the DREES rules for general practitioners.
   *
   * @param zeroAtOrBelow acts at or below which a liberal doctor counts 0, finite and &gt;= 0
   * @param floorUpTo acts up to which a liberal doctor counts {@code floorValue}
   * @param floorValue acts such a doctor counts, finite and &gt;= 0
   * @param ceiling the most acts a liberal doctor counts
   * @param newInstallation acts a new liberal installation counts, finite and &gt;= 0
   * @throws IllegalArgumentException as the canonical constructor
   */
  public ActivityRules(
      double zeroAtOrBelow,
      double floorUpTo,
      double floorValue,
      double ceiling,
      double newInstallation) {
    this(
        zeroAtOrBelow,
        floorUpTo,
        floorValue,
        ceiling,
        newInstallation,
        SalariedPractice.UNBOUNDED,
        1,
        Integer.MAX_VALUE);
  }

  /**
   * Returns the DREES bounds for general practitioners (250, 3 600, 3 600, 6 000, 5 400).
   *
   * @return the DREES rules, as listed in the class comment
   */
  public static ActivityRules dreesGeneralPractitioners() {
    return new ActivityRules(250, 3600, 3600, 6000, 5400);
  }

  /**
   * Returns what a doctor counts for, from the acts added over all practices.
   *
   * @param totalActs acts of the year over all practices, &gt;= 0
   * @param mode how the doctor practises, non-null; a salaried doctor of a centre de santé
   *     counts as {@link #salaried()} says
   * @param newInstallation true for a liberal doctor with no liberal activity the year before
   *     (counts {@link #newInstallation()}, whatever the acts)
   * @return the activity the doctor counts for in a year, before it is divided by {@link
   *     #perUnit()} and shared among the practices
   */
  public double counted(double totalActs, PracticeMode mode, boolean newInstallation) {
    if (mode == PracticeMode.CENTRE_SANTE) {
      switch (salaried) {
        case UNBOUNDED:
          return totalActs;
        case EXCLUDED:
          return 0;
        default:
          return bounded(totalActs);
      }
    }
    if (newInstallation) {
      return this.newInstallation;
    }
    return bounded(totalActs);
  }

  /** Applies the liberal floor and ceiling. */
  private double bounded(double totalActs) {
    if (totalActs <= zeroAtOrBelow) {
      return 0;
    }
    if (totalActs <= floorUpTo) {
      return floorValue;
    }
    return Math.min(totalActs, ceiling);
  }

  /** Returns the supply of all doctors, whatever their age. */
  @Override
  public Supply supply(List<Doctor> doctors) {
    return supply(doctors, Integer.MAX_VALUE);
  }

  /**
   * Returns the supply of the doctors younger than {@code ageCap}.
   *
   * @param doctors one record per doctor and practice, in any order
   * @param ageCap doctors aged {@code ageCap} or more are left out; {@link Integer#MAX_VALUE} keeps
   *     all, and then ages may be unknown
   * @throws IllegalArgumentException when the records of one doctor disagree on age, mode or new
   *     installation, or an age is unknown while a cap applies
   */
  @Override
  public Supply supply(List<Doctor> doctors, int ageCap) {
    // Every sum below runs in the order of the records sorted by doctor id, then practice commune
    // code (then acts, on which only two records of one practice could still tie): a doctor's
    // acts are added practice by practice in commune order, and a commune's shares doctor by
    // doctor in id order. A sum of doubles depends on the order of its terms, and the order of
    // the rows of an extract is whatever the database gave: in file order, shuffling the
    // doctors of France changed the last digits of 274 to 1 028 communes. The samples list
    // doctors by id and practices by commune, so their results are the same bits as before.
    List<Doctor> sorted = new ArrayList<>(doctors);
    sorted.sort(java.util.Comparator.comparing(Doctor::id)
        .thenComparing(Doctor::commune)
        .thenComparingDouble(Doctor::acts));
    Map<String, List<Doctor>> byId = new LinkedHashMap<>();
    for (Doctor d : sorted) {
      byId.computeIfAbsent(d.id(), k -> new ArrayList<>(1)).add(d);
    }
    Map<String, Double> byCommune = new TreeMap<>();
    for (List<Doctor> practices : byId.values()) {
      Doctor first = practices.get(0);
      double total = 0;
      for (Doctor p : practices) {
        if (p.age() != first.age()
            || p.mode() != first.mode()
            || p.newInstallation() != first.newInstallation()) {
          throw new IllegalArgumentException("doctor " + first.id() + " has practices that disagree"
              + " on age, mode or new installation (" + first.commune() + ", " + p.commune() + ")");
        }
        total += p.acts();
      }
      if (ageCap != Integer.MAX_VALUE) {
        if (first.age() == Doctor.UNKNOWN_AGE) {
          throw new IllegalArgumentException("age of doctor " + first.id()
              + " is unknown, so the age cap " + ageCap + " cannot apply");
        }
        if (first.age() >= ageCap) {
          continue;
        }
      }
      if (liberalAgeLimit != Integer.MAX_VALUE && first.mode() == PracticeMode.LIBERAL) {
        if (first.age() == Doctor.UNKNOWN_AGE) {
          throw new IllegalArgumentException("age of practitioner " + first.id()
              + " is unknown, so the age limit " + liberalAgeLimit + " of liberal practice"
              + " cannot apply");
        }
        if (first.age() >= liberalAgeLimit) {
          continue;
        }
      }
      double value = counted(total, first.mode(), first.newInstallation()) / perUnit;
      for (Doctor p : practices) {
        // A doctor with no acts at all (a new installation counts 5 400 even so) is shared equally.
        double share = total > 0 ? value * p.acts() / total : value / practices.size();
        byCommune.merge(p.commune(), share, Double::sum);
      }
    }
    return Supply.of(CommuneValues.of(byCommune));
  }
}
