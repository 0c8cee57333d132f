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

  /** Declares a file as checked, so that it counts in the summary even without problems. */
  void file(String file) {
    byFile.computeIfAbsent(file, f -> new ArrayList<>());
  }

  void add(Check check, String file, long line, String value, String message, String hint) {
    long n = counts.merge(check, 1L, Long::sum);
    List<Problem> list = byFile.computeIfAbsent(file, f -> new ArrayList<>());
    if (n <= Validation.LISTED_PER_CHECK) {
      list.add(new Problem(check, check.severity(), file, line, value, message, hint));
    }
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
