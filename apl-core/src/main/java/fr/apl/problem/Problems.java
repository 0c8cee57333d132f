package fr.apl.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the problems that readers and checks find, file by file, keeping at most {@link
 * Validation#LISTED_PER_CHECK} of each check (a file with a million bad rows would otherwise fill
 * the memory); all are counted.
 *
 * <p>Every reader of the library reports here rather than throwing at the first problem, so that
 * one pass over an input lists all of its problems: {@code apl validate} prints them, a
 * computation refuses to run when there is an error. Not thread-safe: two files read on two
 * threads report to two collectors, merged with {@link #addAll(Problems)} in a fixed order, which
 * gives what one collector would have listed.
 */
public final class Problems {

  private final Map<String, List<Problem>> byFile = new LinkedHashMap<>();
  private final EnumMap<Check, Long> counts = new EnumMap<>(Check.class);
  /** The problems listed, in the order they were added (files interleaved). */
  private final List<Problem> added = new ArrayList<>();

  /** Creates an empty collector. */
  public Problems() {}

  /**
   * Declares a file as checked, so that it counts in the summary even without problems.
   *
   * @param file the file as the user named it; declaring it again changes nothing
   */
  public void file(String file) {
    byFile.computeIfAbsent(file, f -> new ArrayList<>());
  }

  /**
   * Adds a problem, with the severity of its check; it is counted, and listed while the check
   * has fewer than {@link Validation#LISTED_PER_CHECK}.
   *
   * @param check the check that found it, non-null
   * @param file the file as the user named it, non-null
   * @param line 1-based line, or 0 for the file as a whole
   * @param value the value found, or null
   * @param message what is wrong, non-null
   * @param hint what to do, or null
   */
  public void add(Check check, String file, long line, String value, String message, String hint) {
    long n = counts.merge(check, 1L, Long::sum);
    List<Problem> list = byFile.computeIfAbsent(file, f -> new ArrayList<>());
    if (n <= Validation.LISTED_PER_CHECK) {
      Problem p = new Problem(check, check.severity(), file, line, value, message, hint);
      list.add(p);
      added.add(p);
    }
  }

  /**
   * Counts problems that a reader found and did not keep the text of (it kept the most that can
   * be listed): they count in the summary, none is listed.
   *
   * @param check the check that found them, non-null
   * @param file the file as the user named it, non-null
   * @param n how many; nothing happens when {@code n <= 0}
   */
  public void addUnlisted(Check check, String file, long n) {
    if (n > 0) {
      file(file);
      counts.merge(check, n, Long::sum);
    }
  }

  /**
   * Adds what another collector found, as if its files had been checked here after the files
   * checked so far: the same problems are listed, the same counts kept.
   *
   * @param other another collector, non-null and not this one; not changed
   */
  public void addAll(Problems other) {
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

  /**
   * Writes a number of a problem's value as short as it reads back: {@code 12}, not {@code 12.0};
   * {@code 12.5} as it is.
   *
   * @param value a finite number
   * @return its text
   */
  public static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  /**
   * Returns the first ten codes separated by spaces, then {@code ...} when there are more: the
   * value of a problem about many communes.
   *
   * @param codes the codes, in the order to show
   * @return at most ten of them, and {@code ...} when some are left out
   */
  public static String firstCodes(List<String> codes) {
    int shown = Math.min(10, codes.size());
    return String.join(" ", codes.subList(0, shown)) + (codes.size() > shown ? " ..." : "");
  }

  /**
   * Returns how many problems a check found so far (listed or not).
   *
   * @param check the check, non-null
   * @return the count, 0 when the check found nothing
   */
  public long count(Check check) {
    return counts.getOrDefault(check, 0L);
  }

  /** {@return how many errors were found so far, listed or not} */
  public long errors() {
    long e = 0;
    for (Map.Entry<Check, Long> c : counts.entrySet()) {
      e += c.getKey().severity() == Severity.ERROR ? c.getValue() : 0;
    }
    return e;
  }

  /** {@return true when an error was found} */
  public boolean hasErrors() {
    return errors() > 0;
  }

  /**
   * Returns what was found: files in the order declared, each file's problems by line (stable:
   * problems of one line keep the order they were found in).
   *
   * @return an immutable snapshot; the collector can go on collecting
   */
  public Validation build() {
    List<Problem> all = new ArrayList<>();
    for (List<Problem> list : byFile.values()) {
      List<Problem> sorted = new ArrayList<>(list);
      sorted.sort(Comparator.comparingLong(Problem::line));
      all.addAll(sorted);
    }
    return new Validation(all, new ArrayList<>(byFile.keySet()), counts);
  }
}
