package fr.apl.io.csv;

import fr.apl.core.AplResult;
import fr.apl.internal.Parallel;
import fr.apl.place.CommuneValues;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes an {@link AplResult} as CSV: one row per population commune in code order, header
 * {@code commune,apl,…}: first the variants in the order computed ({@code apl},
 * {@code apl_moins65}, …), then {@code population} (standardised population used),
 * {@code residents} when known (age-band input), and {@code practices_in_reach} (practice
 * communes with supply reached with a non-zero weight, first variant).
 */
public final class AplCsv {

  private AplCsv() {}

  /** Rows formatted by one task: enough to amortise a task, few enough to bound memory. */
  private static final int BATCH = 2048;

  /**
   * Writes the result on the calling thread; the writer is flushed, not closed.
   *
   * @param result the result to write, non-null
   * @param out where the text goes, non-null
   * @param dialect separator and decimal mark, non-null
   * @throws IOException when the writer fails
   */
  public static void write(AplResult result, Writer out, CsvDialect dialect) throws IOException {
    write(result, out, dialect, 1);
  }

  /**
   * Writes the result, formatting rows on {@code threads} threads (a sweep of 100 variants
   * writes 3.5 million numbers; the text is the same for any thread count). The writer is
   * flushed, not closed, and written from the calling thread only.
   *
   * @param result the result to write, non-null
   * @param out where the text goes, non-null
   * @param dialect separator and decimal mark, non-null
   * @param threads threads that format, &gt;= 1
   * @throws IOException when the writer fails
   */
  public static void write(AplResult result, Writer out, CsvDialect dialect, int threads)
      throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, given: " + threads);
    }
    char sep = dialect.separator();
    StringBuilder head = new StringBuilder(256);
    head.append("commune");
    for (String v : result.variants()) {
      head.append(sep).append(v);
    }
    head.append(sep).append("population");
    boolean residents = result.population().hasResidents();
    if (residents) {
      head.append(sep).append("residents");
    }
    head.append(sep).append("practices_in_reach").append('\n');
    out.write(head.toString());
    int rows = result.size();
    int batches = (rows + BATCH - 1) / BATCH;
    // Formatted a round of batches at a time, then written in order.
    String[] text = new String[Math.min(batches, threads * 2)];
    for (int first = 0; first < batches; first += text.length) {
      int round = Math.min(text.length, batches - first);
      int from = first;
      Parallel.forRange(round, threads, 1, (a, b) -> {
        for (int q = a; q < b; q++) {
          int lo = (from + q) * BATCH;
          text[q] = rows(result, dialect, residents, lo, Math.min(rows, lo + BATCH));
        }
      });
      for (int q = 0; q < round; q++) {
        out.write(text[q]);
        text[q] = null;
      }
    }
    out.flush();
  }

  /** Returns rows {@code from..to-1} as text, each ending with a newline. */
  private static String rows(
      AplResult result, CsvDialect dialect, boolean residents, int from, int to) {
    char sep = dialect.separator();
    CommuneValues p = result.population().standardised();
    CommuneValues r = residents ? result.population().residents() : null;
    int variants = result.variants().size();
    StringBuilder line = new StringBuilder((to - from) * (24 + 20 * variants));
    for (int k = from; k < to; k++) {
      line.append(ZoningCsv.text(result.code(k), sep));
      for (int v = 0; v < variants; v++) {
        line.append(sep).append(dialect.number(result.apl(v, k)));
      }
      line.append(sep).append(dialect.number(p.value(k)));
      if (residents) {
        line.append(sep).append(dialect.number(r.value(k)));
      }
      line.append(sep).append(result.practicesInReach(k)).append('\n');
    }
    return line.toString();
  }
}
