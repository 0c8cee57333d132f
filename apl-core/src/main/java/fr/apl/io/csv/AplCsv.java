package fr.apl.io.csv;

import fr.apl.commune.CommuneValues;
import fr.apl.core.AplResult;
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

  /** Writes the result; the writer is flushed, not closed. */
  public static void write(AplResult result, Writer out, CsvDialect dialect) throws IOException {
    char sep = dialect.separator();
    StringBuilder line = new StringBuilder(256);
    line.append("commune");
    for (String v : result.variants()) {
      line.append(sep).append(v);
    }
    line.append(sep).append("population");
    boolean residents = result.population().hasResidents();
    if (residents) {
      line.append(sep).append("residents");
    }
    line.append(sep).append("practices_in_reach").append('\n');
    out.write(line.toString());
    CommuneValues p = result.population().standardised();
    CommuneValues r = residents ? result.population().residents() : null;
    int variants = result.variants().size();
    for (int k = 0; k < result.size(); k++) {
      line.setLength(0);
      line.append(ZoningCsv.text(result.code(k), sep));
      for (int v = 0; v < variants; v++) {
        line.append(sep).append(dialect.number(result.apl(v, k)));
      }
      line.append(sep).append(dialect.number(p.value(k)));
      if (residents) {
        line.append(sep).append(dialect.number(r.value(k)));
      }
      line.append(sep).append(result.practicesInReach(k)).append('\n');
      out.write(line.toString());
    }
    out.flush();
  }
}
