package fr.apl.job;

import fr.apl.commune.Arrondissements;
import fr.apl.decay.Decay;
import fr.apl.decay.DistanceDecay;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.place.CommuneValues;
import fr.apl.problem.Check;
import fr.apl.problem.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks across files, in the current geography (after the code history), written once: the
 * population against the times table (no commune in common, communes absent, Paris, Lyon or
 * Marseille whole in one and by arrondissement in the other) and supply that no populated commune
 * reaches.
 */
final class CrossChecks {

  private CrossChecks() {}

  /**
   * Checks the population's communes against the times table's.
   *
   * @param invalid tells the codes already reported as invalid (left out here)
   */
  static void population(
      Problems out,
      String populationFile,
      String timesName,
      CommuneValues population,
      TravelTimeMatrix times,
      java.util.function.Predicate<String> invalid) {
    // Both code lists are sorted (String.compareTo): one merge, no hashing of 35 000 codes.
    String[] timesCodes = times.codes();
    String[] popCodes = population.codes();
    boolean any = false;
    List<String> absent = new ArrayList<>();
    int t = 0;
    for (String c : popCodes) {
      while (t < timesCodes.length && timesCodes[t].compareTo(c) < 0) {
        t++;
      }
      if (invalid.test(c)) {
        continue;
      }
      if (t < timesCodes.length && timesCodes[t].equals(c)) {
        any = true;
      } else {
        absent.add(c);
      }
    }
    // Paris, Lyon and Marseille first: whole in one file and by arrondissement in the other is
    // the likely reason why communes are missing, and the message that says what to do.
    boolean cityMismatch = false;
    Set<String> citiesHere = citiesByArrondissement(popCodes);
    for (Arrondissements.City city : citiesSplitDifferently(popCodes, timesCodes)) {
      boolean partsHere = citiesHere.contains(city.code());
      cityMismatch = true;
      out.add(
          Check.ARRONDISSEMENTS_AND_WHOLE,
          populationFile,
          0,
          city.code(),
          city.name() + " is given "
              + (partsHere
                  ? "by arrondissement here and as " + city.code() + " in " + timesName
                  : "as " + city.code() + " here and by arrondissement in " + timesName),
          "give every file by arrondissement (" + city.arrondissements() + "), as DREES does");
      absent.removeIf(
          c -> city.code().equals(c) || city.code().equals(Arrondissements.municipalityOf(c)));
    }
    if (!any && !absent.isEmpty()) {
      out.add(
          Check.NO_COMMON_COMMUNE,
          populationFile,
          0,
          Problems.firstCodes(absent),
          "no commune of" + " this file is in " + timesName,
          "check that both files use the same codes and" + " commune geography (a code history)");
      return;
    }
    if (!any && !cityMismatch) {
      return;
    }
    if (!absent.isEmpty()) {
      out.add(
          Check.POPULATION_NOT_IN_TIMES,
          populationFile,
          0,
          Problems.firstCodes(absent),
          (absent.size() == 1 ? "1 commune is" : absent.size() + " communes are") + " not in "
              + timesName,
          "a commune absent from the times reaches only itself, at 0 minutes;"
              + " check that both files use the same commune geography (a code history)");
    }
  }

  /**
   * Reports supply that no populated commune reaches with a weight &gt; 0 (a commune reaches
   * itself at 0 minutes when the times lack the pair). O(pairs).
   *
   * @param invalid tells the codes already reported as invalid (left out here)
   */
  static void unreachedSupply(
      Problems out,
      String supplyFile,
      CommuneValues supply,
      CommuneValues population,
      TravelTimeMatrix times,
      Decay decay,
      java.util.function.Predicate<String> invalid) {
    String[] codes = times.codes();
    boolean[] reached = new boolean[codes.length];
    java.nio.IntBuffer rowStart = times.rowStartView();
    java.nio.IntBuffer destination = times.destinationsView();
    java.nio.DoubleBuffer minutes = times.minutesView();
    for (int i = 0; i < codes.length; i++) {
      int p = population.indexOf(codes[i]);
      if (p < 0 || !(population.value(p) > 0)) {
        continue;
      }
      for (int k = rowStart.get(i); k < rowStart.get(i + 1); k++) {
        if (decay.weight(minutes.get(k)) > 0) {
          reached[destination.get(k)] = true;
        }
      }
    }
    boolean selfInReach = decay.weight(0) > 0;
    List<String> lost = new ArrayList<>();
    for (int k = 0; k < supply.size(); k++) {
      String c = supply.code(k);
      int p = population.indexOf(c);
      boolean self = selfInReach && p >= 0 && population.value(p) > 0;
      int i = times.indexOf(c);
      if (!invalid.test(c) && supply.value(k) > 0 && !self && !(i >= 0 && reached[i])) {
        lost.add(c);
      }
    }
    if (!lost.isEmpty()) {
      out.add(
          Check.SUPPLY_UNREACHED,
          supplyFile,
          0,
          Problems.firstCodes(lost),
          (lost.size() == 1
                  ? "1 commune with supply is"
                  : lost.size() + " communes with supply are")
              + " reached by no populated commune",
          "their supply is left out; check their codes, the times table and the commune"
              + " geography (a code history)");
    }
  }

  /**
   * Warns when the times table stops before the last band of the decay that has a weight: the
   * pairs beyond the table's longest time are missing from it, and would have counted.
   */
  static void decayBeyondTimes(
      Problems out, String timesName, TravelTimeMatrix times, Decay anyDecay) {
    if (!(anyDecay instanceof DistanceDecay decay)) {
      return;
    }
    List<fr.apl.decay.Band> bands = decay.bands();
    int last = bands.size() - 1;
    while (last >= 0 && bands.get(last).weight() == 0) {
      last--;
    }
    if (last < 0) {
      return;
    }
    double from = last == 0 ? 0 : bands.get(last - 1).upperMinutes();
    double longest = times.maxMinutes();
    if (last > 0 && longest < from) {
      out.add(
          Check.DECAY_BEYOND_TIMES,
          timesName,
          0,
          Problems.number(longest) + " minutes",
          "the times"
              + " stop before the last band of the decay (" + Problems.number(from) + " to "
              + Problems.number(bands.get(last).upperMinutes())
              + " minutes): pairs beyond the longest time"
              + " are missing, not out of reach",
          "give a times table that reaches " + Problems.number(bands.get(last).upperMinutes())
              + " minutes, or bands that end within it");
    }
  }

  /**
   * Warns about communes whose pair to themselves is beyond the decay's reach (a self pair of 30
   * minutes with 20-minute bands): their own doctors do not count for them.
   */
  static void selfOutOfReach(Problems out, String timesName, TravelTimeMatrix times, Decay decay) {
    String[] codes = times.codes();
    List<String> far = new ArrayList<>();
    double example = 0;
    for (int i = 0; i < codes.length; i++) {
      double t = times.selfMinutes(i);
      if (!Double.isNaN(t) && decay.weight(t) == 0) {
        if (far.isEmpty()) {
          example = t;
        }
        far.add(codes[i]);
      }
    }
    if (!far.isEmpty()) {
      out.add(
          Check.SELF_OUT_OF_REACH,
          timesName,
          0,
          Problems.firstCodes(far),
          (far.size() == 1 ? "1 commune is" : far.size() + " communes are")
              + " beyond the decay's reach from"
              + " itself (the first at " + Problems.number(example)
              + " minutes): its own doctors do not count"
              + " for it",
          "a commune's time to itself is usually 0 (people and doctors at the town"
              + " hall): check the self pairs");
    }
  }

  /**
   * Checks that every APL of a result is finite and that supply is conserved where it should be;
   * reports an error naming the inputs whose magnitudes overflowed, and returns false, otherwise.
   */
  static boolean finite(
      Problems out,
      fr.apl.core.AplResult result,
      boolean conserves,
      String populationFile,
      String supplyFile) {
    boolean ok = true;
    for (int v = 0; v < result.variants().size(); v++) {
      String name = result.variants().get(v);
      List<String> bad = new ArrayList<>();
      for (int k = 0; k < result.size(); k++) {
        if (!Double.isFinite(result.apl(v, k))) {
          bad.add(result.code(k));
        }
      }
      fr.apl.core.VariantDiagnostics d = result.diagnostics().variants().get(v);
      boolean conserved = !conserves
          || !(d.conservationRelativeError() >= 1e-9)
              && Double.isFinite(d.weightedAplSum())
              && Double.isFinite(d.reachedSupply());
      if (!bad.isEmpty() || !conserved) {
        ok = false;
        out.add(
            Check.NOT_FINITE_RESULT,
            populationFile,
            0,
            bad.isEmpty() ? null : Problems.firstCodes(bad),
            name + ": "
                + (bad.isEmpty()
                    ? "supply is not conserved (sum of"
                        + " population x APL " + d.weightedAplSum() + ", supply reached "
                        + d.reachedSupply() + ")"
                    : bad.size() + " communes have an APL that is not" + " finite"),
            "the magnitudes of " + populationFile + " and " + supplyFile
                + " overflow a double: check their units (a population of 1e-320, supply of"
                + " 1e308)");
      }
    }
    return ok;
  }

  /**
   * Returns the cities (rows of {@link Arrondissements#CITIES}, in that order) given whole in one
   * sorted code list and by arrondissement in the other.
   */
  private static List<Arrondissements.City> citiesSplitDifferently(String[] here, String[] there) {
    Set<String> citiesHere = citiesByArrondissement(here);
    Set<String> citiesThere = citiesByArrondissement(there);
    List<Arrondissements.City> out = new ArrayList<>();
    for (Arrondissements.City city : Arrondissements.CITIES) {
      boolean partsHere = citiesHere.contains(city.code());
      boolean partsThere = citiesThere.contains(city.code());
      boolean wholeHere = java.util.Arrays.binarySearch(here, city.code()) >= 0;
      boolean wholeThere = java.util.Arrays.binarySearch(there, city.code()) >= 0;
      if (partsHere && wholeThere && !partsThere || wholeHere && partsThere && !wholeThere) {
        out.add(city);
      }
    }
    return out;
  }

  /** Returns the cities (Paris, Lyon, Marseille) that some of the codes divide by arrondissement. */
  private static Set<String> citiesByArrondissement(String[] codes) {
    Set<String> out = new HashSet<>();
    for (String c : codes) {
      String city = Arrondissements.municipalityOf(c);
      if (city != null) {
        out.add(city);
      }
    }
    return out;
  }
}
