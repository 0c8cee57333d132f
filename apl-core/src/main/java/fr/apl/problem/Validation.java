package fr.apl.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Holds every problem found in a set of input files, in file order then line order, and their
 * counts.
 *
 * <p>At most {@link #LISTED_PER_CHECK} problems of each check are kept (a file with a million
 * bad rows would otherwise fill the memory); all are counted. Immutable and thread-safe.
 */
public final class Validation {

  /** How many problems of one check are kept in {@link #problems()}. */
  public static final int LISTED_PER_CHECK = 1000;

  private final List<Problem> problems;
  private final List<String> files;
  private final Map<Check, Long> counts;
  private final long errors;
  private final long warnings;

  Validation(List<Problem> problems, List<String> files, Map<Check, Long> counts) {
    this.problems = List.copyOf(problems);
    this.files = List.copyOf(files);
    EnumMap<Check, Long> c = new EnumMap<>(Check.class);
    c.putAll(counts);
    this.counts = Collections.unmodifiableMap(c);
    long e = 0;
    long w = 0;
    for (Map.Entry<Check, Long> x : c.entrySet()) {
      if (x.getKey().severity() == Severity.ERROR) {
        e += x.getValue();
      } else {
        w += x.getValue();
      }
    }
    this.errors = e;
    this.warnings = w;
  }

  /** {@return the problems kept, files in the order checked, lines in increasing order; immutable} */
  public List<Problem> problems() {
    return problems;
  }

  /** {@return the errors kept, in the order of {@link #problems()}, in a new list} */
  public List<Problem> errorList() {
    List<Problem> out = new ArrayList<>();
    for (Problem p : problems) {
      if (p.isError()) {
        out.add(p);
      }
    }
    return out;
  }

  /** {@return the files checked, in order; immutable} */
  public List<String> files() {
    return files;
  }

  /**
   * Returns how many problems a check found (kept or not).
   *
   * @param check the check, non-null
   * @return the count, 0 when the check found nothing
   */
  public long count(Check check) {
    return counts.getOrDefault(check, 0L);
  }

  /** {@return the number of errors found, kept or not} */
  public long errors() {
    return errors;
  }

  /** {@return the number of warnings found, kept or not} */
  public long warnings() {
    return warnings;
  }

  /** {@return true when some error was found} */
  public boolean hasErrors() {
    return errors > 0;
  }

  /** {@return how many problems were counted but not kept} */
  public long notListed() {
    return errors + warnings - problems.size();
  }

  /** {@return {@code N errors, M warnings in K files}, with singulars where due} */
  public String summary() {
    return plural(errors, "error") + ", " + plural(warnings, "warning") + " in "
        + plural(files.size(), "file");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  @Override
  public String toString() {
    return "Validation[" + summary() + "]";
  }
}
