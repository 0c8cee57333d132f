package fr.apl.geo.write;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a {@link FeatureTable} as an Excel workbook (.xlsx) with fastexcel, for people who open
 * the results in a spreadsheet rather than a GIS.
 *
 * <p>The first sheet is named after the layer: a bold, frozen header row with an auto-filter,
 * then one row per place: {@code code} as a text cell (so {@code 01001} stays {@code 01001}
 * instead of becoming the number 1001), {@code name}, then the columns in order. Text is written
 * as text; a number is stored whole (the full double, so nothing is lost by a copy or a formula)
 * and displayed rounded: {@code #,##0} for a column whose name contains {@code population} or
 * {@code residents}, {@code 0.00} otherwise. A missing value, NaN or an infinity is an empty
 * cell. Geometries are not written.
 *
 * <p>Then a sheet {@code figures} when the table has figures (its first row, the header, in
 * bold), and a sheet {@code parameters} (name, value, source). Sheet names are made valid for
 * Excel (31 characters, none of {@code []:*?/\}) and distinct, ignoring case. The workbook's
 * application name is {@code apl}.
 *
 * <p>Up to 1 048 575 places (Excel's row limit). fastexcel holds a sheet's cells in memory until
 * the sheet is finished, so memory grows with places times columns. Thread-safe: static methods,
 * no shared mutable state.
 */
public final class XlsxWriter {

  /** The display format of most numbers: two decimals. */
  static final String VALUE_FORMAT = "0.00";

  /** The display format of counts of people: whole, with thousands separators. */
  static final String COUNT_FORMAT = "#,##0";

  private static final int MIN_WIDTH = 6;
  private static final int MAX_WIDTH = 60;

  /** What a number displays as, at most, in characters: {@code 1,234,567.89}. */
  private static final int NUMBER_WIDTH = 12;

  /** Room for the auto-filter's drop-down button beside a header. */
  private static final int FILTER_BUTTON = 3;

  private XlsxWriter() {}

  /**
   * Writes the table as an .xlsx workbook. The stream is flushed, not closed.
   *
   * @param table the places, parameters and figures
   * @param out where the workbook's bytes go; left open
   * @throws IOException when the stream fails
   * @throws IllegalArgumentException when the table has more rows than a sheet takes, or a column
   *     is named {@code code}, {@code name}, {@code fid} or {@code geom}, or two columns share a
   *     name, ignoring case (the three writers take the same tables)
   */
  public static void write(FeatureTable table, OutputStream out) throws IOException {
    WriterChecks.requireDistinctColumns(table);
    if (table.rows().size() >= Worksheet.MAX_ROWS) {
      throw new IllegalArgumentException(
          "layer " + table.layer() + ": " + table.rows().size() + " places do not fit in a sheet ("
              + (Worksheet.MAX_ROWS - 1) + " at most)");
    }
    Workbook wb = new Workbook(out, "apl", null);
    List<String> sheetNames = new ArrayList<>();
    writePlaces(wb.newWorksheet(sheetName(table.layer(), sheetNames)), table);
    if (!table.figures().isEmpty()) {
      writeFigures(wb.newWorksheet(sheetName("figures", sheetNames)), table.figures());
    }
    writeParameters(wb.newWorksheet(sheetName("parameters", sheetNames)), table.parameters());
    wb.finish();
    out.flush();
  }

  private static void writePlaces(Worksheet ws, FeatureTable table) {
    List<FeatureTable.Column> columns = table.columns();
    List<FeatureTable.Row> rows = table.rows();
    int lastCol = columns.size() + 1;
    int[] widths = new int[lastCol + 1];
    ws.value(0, 0, "code");
    ws.value(0, 1, "name");
    widths[0] = "code".length() + FILTER_BUTTON;
    widths[1] = "name".length() + FILTER_BUTTON;
    for (int c = 0; c < columns.size(); c++) {
      FeatureTable.Column col = columns.get(c);
      ws.value(0, c + 2, col.name());
      widths[c + 2] = col.name().length() + FILTER_BUTTON;
      if (col.kind() == FeatureTable.Kind.NUMBER) {
        widths[c + 2] = Math.max(widths[c + 2], NUMBER_WIDTH);
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      FeatureTable.Row row = rows.get(i);
      int r = i + 1;
      text(ws, r, 0, row.code(), widths);
      text(ws, r, 1, row.name(), widths);
      Object[] values = row.values();
      for (int c = 0; c < values.length; c++) {
        Object v = values[c];
        if (v instanceof Double) {
          double d = (Double) v;
          if (Double.isFinite(d)) {
            ws.value(r, c + 2, d);
          }
        } else {
          text(ws, r, c + 2, (String) v, widths);
        }
      }
    }
    ws.range(0, 0, 0, lastCol).style().bold().set();
    if (!rows.isEmpty()) {
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).kind() == FeatureTable.Kind.NUMBER) {
          ws.range(1, c + 2, rows.size(), c + 2)
              .style()
              .format(numberFormat(columns.get(c).name()))
              .set();
        }
      }
    }
    ws.freezePane(0, 1);
    ws.setAutoFilter(0, 0, rows.size(), lastCol);
    setWidths(ws, widths);
  }

  /**
   * Returns the display format of a number column: whole numbers with thousands separators for
   * counts of people, two decimals otherwise.
   */
  static String numberFormat(String column) {
    String lower = column.toLowerCase(Locale.ROOT);
    return lower.contains("population") || lower.contains("residents")
        ? COUNT_FORMAT
        : VALUE_FORMAT;
  }

  private static void writeFigures(Worksheet ws, List<Object[]> figures) {
    int cols = 0;
    for (Object[] f : figures) {
      cols = Math.max(cols, f.length);
    }
    int[] widths = new int[Math.max(cols, 1)];
    for (int r = 0; r < figures.size(); r++) {
      Object[] f = figures.get(r);
      for (int c = 0; c < f.length; c++) {
        Object v = f[c];
        if (v instanceof Number) {
          double d = ((Number) v).doubleValue();
          if (Double.isFinite(d)) {
            ws.value(r, c, (Number) v);
            widths[c] = Math.max(widths[c], NUMBER_WIDTH);
          }
        } else if (v instanceof Boolean) {
          ws.value(r, c, (Boolean) v);
        } else if (v != null) {
          text(ws, r, c, v.toString(), widths);
        }
      }
    }
    if (cols > 0) {
      ws.range(0, 0, 0, cols - 1).style().bold().set();
    }
    ws.freezePane(0, 1);
    setWidths(ws, widths);
  }

  private static void writeParameters(Worksheet ws, List<String[]> parameters) {
    String[] header = {"name", "value", "source"};
    int[] widths = new int[header.length];
    for (int c = 0; c < header.length; c++) {
      text(ws, 0, c, header[c], widths);
    }
    for (int i = 0; i < parameters.size(); i++) {
      String[] p = parameters.get(i);
      for (int c = 0; c < Math.min(p.length, header.length); c++) {
        text(ws, i + 1, c, p[c], widths);
      }
    }
    ws.range(0, 0, 0, header.length - 1).style().bold().set();
    ws.freezePane(0, 1);
    setWidths(ws, widths);
  }

  /** Writes a text cell (nothing for null) and widens its column to fit. */
  private static void text(Worksheet ws, int r, int c, String v, int[] widths) {
    if (v != null) {
      ws.value(r, c, v);
      widths[c] = Math.max(widths[c], v.length());
    }
  }

  private static void setWidths(Worksheet ws, int[] widths) {
    for (int c = 0; c < widths.length; c++) {
      ws.width(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2)));
    }
  }

  /**
   * Returns a sheet name valid for Excel and distinct, ignoring case, from those already used,
   * and adds it to them.
   */
  static String sheetName(String wanted, List<String> used) {
    String base = wanted.replaceAll("[\\[\\]:*?/\\\\]", "-").strip();
    if (base.isEmpty()) {
      base = "sheet";
    }
    if (base.length() > 31) {
      base = base.substring(0, 31);
    }
    String name = base;
    for (int k = 2; contains(used, name); k++) {
      String suffix = "_" + k;
      name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
    }
    used.add(name);
    return name;
  }

  private static boolean contains(List<String> names, String name) {
    for (String n : names) {
      if (n.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
