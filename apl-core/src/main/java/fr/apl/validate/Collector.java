package fr.apl.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects problems file by file, keeping at most {@link Validation#LISTED_PER_CHECK} a check. */
final class Collector {

  private final Map<String, List<Problem>> byFile = new LinkedHashMap<>();
  private final EnumMap<Check, Long> counts = new EnumMap<>(Check.class);
  /** The problems listed, in the order they were added (files interleaved). */
  private final List<Problem> added = new ArrayList<>();

  /** Declares a file as checked, so that it counts in the summary even without problems. */
  void file(String file) {
    byFile.computeIfAbsent(file, f -> new ArrayList<>());
  }

  void add(Check check, String file, long line, String value, String message, String hint) {
    long n = counts.merge(check, 1L, Long::sum);
    List<Problem> list = byFile.computeIfAbsent(file, f -> new ArrayList<>());
    if (n <= Validation.LISTED_PER_CHECK) {
      Problem p = new Problem(check, check.severity(), file, line, value, message, hint);
      list.add(p);
      added.add(p);
    }
  }

  /**
   * Adds what another collector found, as if its files had been checked here after the files
   * checked so far: the same problems are listed, the same counts kept. Lets two independent
   * files be checked on two threads.
   */
  void addAll(Collector other) {
    for (String file : other.byFile.keySet()) {
      file(file);
    }
    EnumMap<Check, Long> before = new EnumMap<>(counts);
    EnumMap<Check, Long> seen = new EnumMap<>(Check.class);
    for (Problem p : other.added) {
      long n = before.getOrDefault(p.check(), 0L) + seen.merge(p.check(), 1L, Long::sum);
      if (n <= Validation.LISTED_PER_CHECK) {
        byFile.get(p.file()).add(p);
        added.add(p);
      }
    }
    other.counts.forEach((check, n) -> counts.merge(check, n, Long::sum));
  }

  long count(Check check) {
    return counts.getOrDefault(check, 0L);
  }

  Validation build() {
    List<Problem> all = new ArrayList<>();
    for (List<Problem> list : byFile.values()) {
      list.sort(Comparator.comparingLong(Problem::line));
      all.addAll(list);
    }
    return new Validation(all, new ArrayList<>(byFile.keySet()), counts);
  }
}
