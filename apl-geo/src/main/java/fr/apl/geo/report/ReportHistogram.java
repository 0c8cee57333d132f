package fr.apl.geo.report;

import fr.apl.geo.MapClasses;
import fr.apl.geo.map.ChoroplethMap;
import java.util.Arrays;
import java.util.Locale;

/**
 * Draws the population-weighted distribution of APL as an inline SVG: inhabitants by bin of
 * {@value #BIN} (so the DREES thresholds 2.5 and 4 fall on bin edges), bars in the colour of
 * their DREES class, dashed lines at 2.5 and 4, a line at the mean. Values at or above the last
 * edge share the last bar, labelled {@code ≥ x}: a few communes next to a practice reach 10 or
 * more and would otherwise squeeze the bars that matter.
 */
final class ReportHistogram {

  /** Width of a bin, in APL. */
  static final double BIN = 0.25;

  private static final double W = 1000;
  private static final double H = 330;
  private static final double LEFT = 78;
  private static final double RIGHT = 975;
  private static final double TOP = 34;
  private static final double BOTTOM = 270;

  private ReportHistogram() {}

  /**
   * Returns the last edge of the bins: the population-weighted 99th percentile rounded up to a
   * whole APL, at least 5 and at most 20.
   */
  static double lastEdge(double[] values, double[] weights) {
    Integer[] order = new Integer[values.length];
    double total = 0;
    for (int k = 0; k < values.length; k++) {
      order[k] = k;
      total += weights[k];
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double acc = 0;
    double p99 = values.length == 0 ? 0 : values[order[values.length - 1]];
    for (Integer k : order) {
      acc += weights[k];
      if (acc >= 0.99 * total) {
        p99 = values[k];
        break;
      }
    }
    return Math.min(20, Math.max(5, Math.ceil(p99)));
  }

  /**
   * Returns the SVG.
   *
   * @param values the APL of each commune, finite
   * @param weights the inhabitants of each commune, &gt;= 0
   * @param mean the mean APL weighted by inhabitants (NaN: no line)
   * @param words the language
   * @param id a prefix for the element ids, unique in the page
   * @return an {@code svg} element, sized by its viewBox
   */
  static String svg(double[] values, double[] weights, double mean, ReportWords words, String id) {
    MapClasses classes = MapClasses.drees();
    double last = lastEdge(values, weights);
    int bins = (int) Math.round(last / BIN);
    double[] people = new double[bins + 1];
    int[] communes = new int[bins + 1];
    for (int k = 0; k < values.length; k++) {
      int b = values[k] >= last ? bins : (int) Math.floor(Math.max(0, values[k]) / BIN);
      b = Math.min(b, bins);
      people[b] += weights[k];
      communes[b]++;
    }
    boolean overflow = communes[bins] > 0;
    int bars = overflow ? bins + 1 : bins;
    double max = 0;
    for (double p : people) {
      max = Math.max(max, p);
    }
    double step = niceStep(Math.max(max, 1) / 4);
    double top = Math.max(step, Math.ceil(max / step) * step);
    double barW = (RIGHT - LEFT) / bars;
    StringBuilder b = new StringBuilder(8192);
    b.append(String.format(
        Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%s\" viewBox=\"0 0 %.0f %.0f\""
            + " role=\"img\" aria-label=\"%s\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n",
        id,
        W,
        H,
        ChoroplethMap.xml(words.t(ReportText.SECTION_DISTRIBUTION))));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    // Horizontal grid and the inhabitants' axis.
    for (double y = 0; y <= top + step / 2; y += step) {
      double py = yOf(y, top);
      b.append(String.format(
          Locale.ROOT,
          "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e2e2e2\""
              + " stroke-width=\"1\"/>\n",
          LEFT,
          RIGHT,
          py,
          py));
      text(b, LEFT - 6, py + 4, 12, "end", words.integer(y));
    }
    text(b, LEFT - 6, TOP - 14, 12, "end", words.t(ReportText.HISTOGRAM_Y));
    for (int k = 0; k < bars; k++) {
      double lo = k * BIN;
      int cls = classes.classOf(k == bins ? last : lo);
      double x = LEFT + k * barW;
      double y = yOf(people[k], top);
      String range = k == bins
          ? words.t(ReportText.ABOVE, words.threshold(last))
          : "[" + words.threshold(lo) + (words.french() ? " ; " : "; ") + words.threshold(lo + BIN)
              + "[";
      b.append(String.format(
              Locale.ROOT,
              "<rect class=\"bar c%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                  + " fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.6\"><title>",
              cls,
              x,
              y,
              barW,
              BOTTOM - y,
              classes.hex(cls)))
          .append(ChoroplethMap.xml(range + words.t(ReportText.AREA_SEPARATOR)
              + words.count(people[k], ReportText.INHABITANT, ReportText.INHABITANTS) + ", "
              + words.count(communes[k], ReportText.COMMUNE, ReportText.COMMUNES)))
          .append("</title></rect>\n");
    }
    // The APL axis: a tick at each whole APL.
    b.append(String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#1a1a1a\""
            + " stroke-width=\"1\"/>\n",
        LEFT,
        RIGHT,
        BOTTOM,
        BOTTOM));
    for (int a = 0; a <= (int) last; a++) {
      double x = LEFT + a / BIN * barW;
      b.append(String.format(
          Locale.ROOT,
          "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#1a1a1a\"/>\n",
          x,
          x,
          BOTTOM,
          BOTTOM + 5));
      text(b, x, BOTTOM + 19, 12, "middle", Integer.toString(a));
    }
    if (overflow) {
      text(
          b,
          LEFT + (bins + 0.5) * barW,
          BOTTOM + 19,
          12,
          "middle",
          words.t(ReportText.ABOVE, words.threshold(last)));
    }
    text(b, (LEFT + RIGHT) / 2, BOTTOM + 44, 13, "middle", words.t(ReportText.HISTOGRAM_X));
    for (double t : classes.cuts()) {
      double x = LEFT + t / BIN * barW;
      b.append(String.format(
          Locale.ROOT,
          "<line class=\"threshold\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\""
              + " stroke=\"#1a1a1a\" stroke-width=\"1.6\" stroke-dasharray=\"6 4\"/>\n",
          x,
          x,
          TOP - 4,
          BOTTOM));
      text(b, x + 4, TOP + 6, 13, "start", words.threshold(t));
    }
    if (!Double.isNaN(mean)) {
      double x = LEFT + Math.min(mean, last + BIN / 2) / BIN * barW;
      b.append(String.format(
          Locale.ROOT,
          "<line class=\"mean\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\""
              + " stroke=\"#2b5c8a\" stroke-width=\"2\"/>\n",
          x,
          x,
          TOP + 14,
          BOTTOM));
      // The label goes right of the line, or left when a threshold is within its width.
      boolean left = false;
      for (double t : classes.cuts()) {
        double tx = LEFT + t / BIN * barW;
        left |= tx > x && tx - x < 110;
      }
      text(
          b,
          left ? x - 4 : x + 4,
          TOP + 24,
          12,
          left ? "end" : "start",
          words.t(ReportText.MEAN_SHORT, words.decimal(mean, 2)));
    }
    b.append("</svg>\n");
    return b.toString();
  }

  private static double yOf(double people, double top) {
    return BOTTOM - people / top * (BOTTOM - TOP);
  }

  /** {@return 1, 2 or 5 times a power of ten, at least {@code raw}} */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static void text(
      StringBuilder b, double x, double y, int size, String anchor, String text) {
    b.append(String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" fill=\"#1a1a1a\">",
            x,
            y,
            size,
            anchor))
        .append(ChoroplethMap.xml(text))
        .append("</text>\n");
  }
}
