package fr.apl.geo.map;

import fr.apl.geo.MapClasses;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws a choropleth of communes in Lambert-93, as SVG or PNG, with the same layout: a title, the
 * map (communes filled by class, communes without a value hatched, outlines such as departments
 * drawn over), a legend with the number of communes and inhabitants of each class, and source
 * lines at the bottom.
 *
 * <p>Layout units: the drawing is {@value #WIDTH} units wide; the SVG's viewBox is in these
 * units and a PNG of width w pixels scales them by w / {@value #WIDTH}.
 *
 * <p>Immutable once built; each call draws anew. Thread-safe.
 */
public final class ChoroplethMap {

  /** Width of the drawing in layout units. */
  public static final int WIDTH = 1000;

  private static final double MAP_X = 10;
  private static final double MAP_Y = 64;
  private static final double MAP_W = 660;
  private static final double MAP_H_MAX = 760;
  private static final double LEGEND_X = 690;
  private static final double INSET_W = 140;
  private static final double INSET_H = 110;
  private static final Color NO_DATA_LINE = new Color(0x8a8a8a);
  private static final Color OUTLINE = new Color(0x303030);

  /**
   * One commune of the map.
   *
   * @param code its code
   * @param name its name, or null
   * @param shape its polygon(s) in Lambert-93 metres
   * @param classIndex its class, or -1 when it has no value (hatched)
   * @param label its value as shown in the SVG tooltip, e.g. {@code 2.31}
   * @param inhabitants its weight in the legend's counts (0 when unknown)
   * @param inset null for the main map, else the name of the inset it is drawn in (an overseas
   *     department, in its own local projection)
   */
  public record Area(
      String code,
      String name,
      Geometry shape,
      int classIndex,
      String label,
      double inhabitants,
      String inset) {}

  /** Where one group of areas is drawn: its bounds, and the box of the drawing it fills. */
  private static final class Frame {
    final String name;
    final Envelope bounds = new Envelope();
    double scale;
    double x;
    double y;

    Frame(String name) {
      this.name = name;
    }

    void fit(double boxX, double boxY, double boxW, double boxH) {
      double w = Math.max(bounds.getWidth(), 1);
      double h = Math.max(bounds.getHeight(), 1);
      scale = Math.min(boxW / w, boxH / h);
      x = boxX + (boxW - w * scale) / 2;
      y = boxY + (boxH - h * scale) / 2;
    }

    double u(double px) {
      return x + (px - bounds.getMinX()) * scale;
    }

    double v(double py) {
      return y + (bounds.getMaxY() - py) * scale;
    }
  }

  private final String title;
  private final String legendTitle;
  private final List<String> sourceLines;
  private final MapClasses classes;
  private final List<Area> areas;
  private final List<Geometry> outlines;
  private final List<Geometry> territories;
  private final String inhabitantsWord;
  private final String noValueWord;
  private final List<String> legendLines;
  private final Frame main;
  private final List<Frame> insets;
  private final double mapH;
  private final double height;
  private final long[] communes;
  private final double[] inhabitants;

  /**
   * Lays out a map.
   *
   * @param title the title, e.g. "APL aux médecins généralistes, Haute-Loire"
   * @param legendTitle the legend's heading, e.g. "APL (consultations par an et par habitant)"
   * @param sourceLines lines printed under the map (method, parameters, data, estimates)
   * @param classes the classes and their colours
   * @param areas the communes, non-empty
   * @param outlines lines drawn over the communes (departments), Lambert-93; may be empty
   * @param territories outlines of territories (zoning), drawn thinner, in place of the communes'
   *     borders; may be empty
   * @param inhabitantsWord how the legend names the weights, e.g. "habitants" (empty: the legend
   *     counts communes only)
   * @param noValueWord how the legend names the communes without a value, e.g. "sans valeur"
   * @throws IllegalArgumentException when there is no area
   */
  public ChoroplethMap(
      String title,
      String legendTitle,
      List<String> sourceLines,
      MapClasses classes,
      List<Area> areas,
      List<Geometry> outlines,
      List<Geometry> territories,
      String inhabitantsWord,
      String noValueWord) {
    if (areas.isEmpty()) {
      throw new IllegalArgumentException("a map needs at least one commune");
    }
    this.title = title;
    this.legendTitle = legendTitle;
    this.sourceLines = List.copyOf(sourceLines);
    this.classes = classes;
    this.areas = List.copyOf(areas);
    this.outlines = List.copyOf(outlines);
    this.territories = List.copyOf(territories);
    this.inhabitantsWord = inhabitantsWord;
    this.noValueWord = noValueWord;
    java.util.Map<String, Frame> frames = new java.util.TreeMap<>();
    Frame main = new Frame(null);
    for (Area a : areas) {
      Frame f = a.inset() == null ? main : frames.computeIfAbsent(a.inset(), Frame::new);
      f.bounds.expandToInclude(a.shape().getEnvelopeInternal());
    }
    double insetsH = frames.isEmpty() ? 0 : INSET_H * ((frames.size() + 1) / 2) + 20;
    if (main.bounds.isNull()) {
      this.mapH = 0;
    } else {
      double w = Math.max(main.bounds.getWidth(), 1);
      double h = Math.max(main.bounds.getHeight(), 1);
      double sc = Math.min(MAP_W / w, MAP_H_MAX / h);
      this.mapH = h * sc;
      main.fit(MAP_X, MAP_Y, MAP_W, mapH);
    }
    this.main = main;
    this.insets = new ArrayList<>(frames.values());
    double insetTop =
        MAP_Y + 50 + 16 * (wrap(legendTitle, 36).size() - 1) + 26 * (classes.size() + 1);
    for (int k = 0; k < insets.size(); k++) {
      insets
          .get(k)
          .fit(
              LEGEND_X + (k % 2) * (INSET_W + 10),
              insetTop + (k / 2) * INSET_H + 14,
              INSET_W,
              INSET_H - 22);
    }
    this.communes = new long[classes.size() + 1];
    this.inhabitants = new double[classes.size() + 1];
    for (Area a : areas) {
      int k = a.classIndex() < 0 ? classes.size() : a.classIndex();
      communes[k]++;
      inhabitants[k] += a.inhabitants();
    }
    this.legendLines = wrap(legendTitle, 36);
    double legendBottom =
        MAP_Y + 40 + 16 * (legendLines.size() - 1) + 26 * (classes.size() + 1) + insetsH;
    double top = Math.max(MAP_Y + mapH, legendBottom) + 24;
    this.height = Math.ceil(top + 16 * this.sourceLines.size() + 8);
  }

  /** {@return the height of the drawing in layout units} */
  public double height() {
    return height;
  }

  /** {@return the number of communes in each class, then those without a value (a copy)} */
  public long[] communesByClass() {
    return communes.clone();
  }

  /** {@return the inhabitants of each class, then of the communes without a value (a copy)} */
  public double[] inhabitantsByClass() {
    return inhabitants.clone();
  }

  /**
   * Returns the layout position of a Lambert-93 point (multiply by w / {@value #WIDTH} for the
   * pixel of a PNG w pixels wide).
   *
   * @param x easting in metres
   * @param y northing in metres
   * @return {u, v} in layout units, v downwards
   */
  public double[] layout(double x, double y) {
    return new double[] {main.u(x), main.v(y)};
  }

  private Frame frame(Area a) {
    if (a.inset() == null) {
      return main;
    }
    for (Frame f : insets) {
      if (f.name.equals(a.inset())) {
        return f;
      }
    }
    throw new IllegalStateException("no inset " + a.inset());
  }

  // ----------------------------------------------------------------------------------- SVG

  /**
   * Writes the map as a standalone SVG 1.1 document: one {@code path} per commune with its code,
   * name and value in a {@code title} (a tooltip in browsers) and its class in {@code class}.
   *
   * @param out where to write, UTF-8 expected
   * @throws IOException when writing fails
   */
  public void writeSvg(Writer out) throws IOException {
    writeSvg(out, 0);
  }

  /**
   * Writes the map as {@link #writeSvg(Writer)} does, leaving out each vertex of a commune that
   * lies within {@code step} layout units of the last one kept (in both directions): France's
   * 35 000 communes take 24 MB of path data at the tenth of a unit, 6.7 MB with a step of 0.5
   * (half a pixel of a map 1 000 pixels wide, 0.1 mm on A4). Outlines and a ring's last vertex
   * are kept whole.
   *
   * @param out where to write, UTF-8 expected
   * @param step the smallest move between two vertices kept, in layout units, 0 to 5; 0 keeps
   *     every vertex that rounding to a tenth of a unit leaves distinct
   * @throws IOException when writing fails
   * @throws IllegalArgumentException when step is out of range
   */
  public void writeSvg(Writer out, double step) throws IOException {
    if (!(step >= 0 && step <= 5)) {
      throw new IllegalArgumentException("the step of the paths is 0 to 5 units, given " + step);
    }
    long stepTenths = Math.round(step * 10);
    StringBuilder b = new StringBuilder(1 << 16);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append(String.format(
        Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 %d %.0f\""
            + " width=\"%d\" height=\"%.0f\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n",
        WIDTH,
        height,
        WIDTH,
        height));
    b.append("<defs><pattern id=\"nodata\" patternUnits=\"userSpaceOnUse\" width=\"5\""
        + " height=\"5\"><rect width=\"5\" height=\"5\" fill=\"#ffffff\"/><path d=\"M0,5 L5,0\""
        + " stroke=\"#8a8a8a\" stroke-width=\"0.8\"/></pattern></defs>\n");
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    text(b, 10, 30, 20, "bold", title);
    boolean borders = areas.size() <= 3000 && territories.isEmpty();
    b.append("<g id=\"communes\"")
        .append(borders ? " stroke=\"#ffffff\" stroke-width=\"0.25\"" : "")
        .append(">\n");
    for (Area a : areas) {
      out.append(b);
      b.setLength(0);
      b.append("<path class=\"c")
          .append(a.classIndex() < 0 ? "x" : Integer.toString(a.classIndex()))
          .append("\" data-code=\"")
          .append(xml(a.code()))
          .append("\" fill=\"")
          .append(a.classIndex() < 0 ? "url(#nodata)" : classes.hex(a.classIndex()))
          .append("\" fill-rule=\"evenodd\" d=\"");
      path(b, a.shape(), frame(a), stepTenths);
      b.append("\"><title>").append(xml(a.code()));
      if (a.name() != null) {
        b.append(' ').append(xml(a.name()));
      }
      b.append(": ").append(xml(a.label())).append("</title></path>\n");
    }
    b.append("</g>\n");
    if (!territories.isEmpty()) {
      b.append("<g id=\"territories\" fill=\"none\" stroke=\"#505050\" stroke-width=\"0.4\">\n");
      for (Geometry g : territories) {
        b.append("<path d=\"");
        path(b, g, main, stepTenths);
        b.append("\"/>\n");
      }
      b.append("</g>\n");
    }
    if (!outlines.isEmpty()) {
      b.append("<g id=\"outlines\" fill=\"none\" stroke=\"#303030\" stroke-width=\"0.8\">\n");
      for (Geometry g : outlines) {
        b.append("<path d=\"");
        path(b, g, main, 0);
        b.append("\"/>\n");
      }
      b.append("</g>\n");
    }
    legendSvg(b);
    for (Frame f : insets) {
      b.append(String.format(
          Locale.ROOT,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\""
              + " stroke=\"#b0b0b0\" stroke-width=\"0.5\"/>\n",
          f.x - 2,
          f.y - 2,
          f.bounds.getWidth() * f.scale + 4,
          f.bounds.getHeight() * f.scale + 4));
      text(b, f.x, f.y - 5, 10, "normal", f.name);
    }
    double y = height - 16 * sourceLines.size() + 4;
    for (String line : sourceLines) {
      text(b, 10, y, 11, "normal", line);
      y += 16;
    }
    b.append("</svg>\n");
    out.append(b);
  }

  /** Splits a heading at spaces into lines of at most {@code width} characters. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private void legendSvg(StringBuilder b) {
    double y = MAP_Y + 10;
    for (String line : legendLines) {
      text(b, LEGEND_X, y, 13, "bold", line);
      y += 16;
    }
    y += 4;
    for (int k = 0; k <= classes.size(); k++) {
      if (k == classes.size() && communes[k] == 0) {
        break;
      }
      String fill = k == classes.size() ? "url(#nodata)" : classes.hex(k);
      b.append(String.format(
          Locale.ROOT,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"22\" height=\"16\" fill=\"%s\" stroke=\"#606060\""
              + " stroke-width=\"0.5\"/>\n",
          LEGEND_X,
          y,
          fill));
      text(b, LEGEND_X + 30, y + 8, 12, "bold", label(k));
      text(b, LEGEND_X + 30, y + 21, 10, "normal", counts(k));
      y += 26;
    }
  }

  private String label(int k) {
    return k == classes.size() ? noValueWord : classes.labels().get(k);
  }

  private String counts(int k) {
    if (inhabitantsWord.isEmpty()) {
      return group(communes[k]) + " communes";
    }
    return String.format(
        Locale.ROOT,
        "%s communes, %s %s",
        group(communes[k]),
        group(Math.round(inhabitants[k])),
        inhabitantsWord);
  }

  /** Writes 123456 as 123 456 (a thin space groups thousands, as French usage does). */
  static String group(long n) {
    String s = Long.toString(Math.abs(n));
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < s.length(); k++) {
      if (k > 0 && (s.length() - k) % 3 == 0) {
        b.append('\u202f');
      }
      b.append(s.charAt(k));
    }
    return (n < 0 ? "-" : "") + b;
  }

  private static void text(
      StringBuilder b, double x, double y, int size, String weight, String text) {
    b.append(String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" fill=\"#1a1a1a\">",
            x,
            y,
            size,
            weight))
        .append(xml(text))
        .append("</text>\n");
  }

  /**
   * Escapes text for XML and HTML (attributes included), dropping the control characters that
   * XML 1.0 does not allow.
   *
   * @param s the text, non-null
   * @return the escaped text
   */
  public static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private void path(StringBuilder b, Geometry g, Frame f, long stepTenths) {
    for (int p = 0; p < g.getNumGeometries(); p++) {
      Geometry part = g.getGeometryN(p);
      if (part instanceof Polygon poly) {
        ring(b, poly.getExteriorRing(), true, f, stepTenths);
        for (int h = 0; h < poly.getNumInteriorRing(); h++) {
          ring(b, poly.getInteriorRingN(h), true, f, stepTenths);
        }
      } else if (part instanceof LineString line) {
        ring(b, line, false, f, stepTenths);
      }
    }
  }

  private void ring(StringBuilder b, LineString ring, boolean close, Frame f, long stepTenths) {
    Coordinate[] c = ring.getCoordinates();
    long lastX = Long.MIN_VALUE;
    long lastY = Long.MIN_VALUE;
    for (int k = 0; k < c.length; k++) {
      long x = Math.round(f.u(c[k].x) * 10);
      long y = Math.round(f.v(c[k].y) * 10);
      if (x == lastX && y == lastY) {
        continue;
      }
      if (k > 0
          && k < c.length - 1
          && Math.abs(x - lastX) < stepTenths
          && Math.abs(y - lastY) < stepTenths) {
        continue;
      }
      b.append(k == 0 ? 'M' : 'L');
      tenth(b, x);
      b.append(',');
      tenth(b, y);
      lastX = x;
      lastY = y;
    }
    if (close) {
      b.append('Z');
    }
  }

  private static void tenth(StringBuilder b, long tenths) {
    if (tenths < 0) {
      b.append('-');
      tenths = -tenths;
    }
    b.append(tenths / 10);
    if (tenths % 10 != 0) {
      b.append('.').append(tenths % 10);
    }
  }

  // ----------------------------------------------------------------------------------- PNG

  /**
   * Draws the map as an image.
   *
   * @param widthPx the image width in pixels, 200 to 8000
   * @return an RGB image, white background
   * @throws IllegalArgumentException on a width out of range
   */
  public BufferedImage png(int widthPx) {
    if (widthPx < 200 || widthPx > 8000) {
      throw new IllegalArgumentException("a PNG map is 200 to 8000 pixels wide, given " + widthPx);
    }
    double s = widthPx / (double) WIDTH;
    int heightPx = (int) Math.ceil(height * s);
    BufferedImage img = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, widthPx, heightPx);
      g.scale(s, s);
      TexturePaint hatch = hatch(s);
      boolean borders = areas.size() <= 3000 && territories.isEmpty();
      BasicStroke border = new BasicStroke(0.25f);
      for (Area a : areas) {
        Path2D shape = shape(a.shape(), frame(a));
        if (a.classIndex() < 0) {
          g.setPaint(hatch);
        } else {
          g.setColor(classes.color(a.classIndex()));
        }
        g.fill(shape);
        if (borders) {
          g.setColor(Color.WHITE);
          g.setStroke(border);
          g.draw(shape);
        }
      }
      g.setColor(new Color(0x505050));
      g.setStroke(new BasicStroke(0.4f));
      for (Geometry t : territories) {
        g.draw(shape(t, main));
      }
      g.setColor(OUTLINE);
      g.setStroke(new BasicStroke(0.8f));
      for (Geometry o : outlines) {
        g.draw(shape(o, main));
      }
      legendPng(g, hatch);
      g.setStroke(new BasicStroke(0.5f));
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      for (Frame f : insets) {
        g.setColor(new Color(0xb0b0b0));
        g.draw(new Rectangle2D.Double(
            f.x - 2,
            f.y - 2,
            f.bounds.getWidth() * f.scale + 4,
            f.bounds.getHeight() * f.scale + 4));
        g.setColor(new Color(0x1a1a1a));
        g.drawString(f.name, (float) f.x, (float) (f.y - 5));
      }
      g.setColor(new Color(0x1a1a1a));
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
      g.drawString(title, 10f, 30f);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      float y = (float) (height - 16 * sourceLines.size() + 4);
      for (String line : sourceLines) {
        g.drawString(line, 10f, y);
        y += 16;
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /**
   * Writes the map as PNG.
   *
   * @param out where to write
   * @param widthPx the image width in pixels, 200 to 8000
   * @throws IOException when writing fails
   */
  public void writePng(OutputStream out, int widthPx) throws IOException {
    if (!ImageIO.write(png(widthPx), "png", out)) {
      throw new IOException("no PNG writer in this Java runtime");
    }
  }

  private void legendPng(Graphics2D g, TexturePaint hatch) {
    double y = MAP_Y + 10;
    g.setColor(new Color(0x1a1a1a));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    for (String line : legendLines) {
      g.drawString(line, (float) LEGEND_X, (float) y);
      y += 16;
    }
    y += 4;
    Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    for (int k = 0; k <= classes.size(); k++) {
      if (k == classes.size() && communes[k] == 0) {
        break;
      }
      Rectangle2D box = new Rectangle2D.Double(LEGEND_X, y, 22, 16);
      if (k == classes.size()) {
        g.setPaint(hatch);
      } else {
        g.setColor(classes.color(k));
      }
      g.fill(box);
      g.setColor(new Color(0x606060));
      g.setStroke(new BasicStroke(0.5f));
      g.draw(box);
      g.setColor(new Color(0x1a1a1a));
      g.setFont(bold);
      g.drawString(label(k), (float) (LEGEND_X + 30), (float) (y + 8));
      g.setFont(plain);
      g.drawString(counts(k), (float) (LEGEND_X + 30), (float) (y + 21));
      y += 26;
    }
  }

  private static TexturePaint hatch(double s) {
    int n = Math.max(4, (int) Math.round(5 * s));
    BufferedImage tile = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
    Graphics2D t = tile.createGraphics();
    t.setColor(Color.WHITE);
    t.fillRect(0, 0, n, n);
    t.setColor(NO_DATA_LINE);
    t.drawLine(0, n - 1, n - 1, 0);
    t.dispose();
    return new TexturePaint(tile, new Rectangle2D.Double(0, 0, 5, 5));
  }

  private Path2D shape(Geometry geom, Frame f) {
    Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
    List<LineString> rings = new ArrayList<>();
    for (int k = 0; k < geom.getNumGeometries(); k++) {
      Geometry part = geom.getGeometryN(k);
      if (part instanceof Polygon poly) {
        rings.add(poly.getExteriorRing());
        for (int h = 0; h < poly.getNumInteriorRing(); h++) {
          rings.add(poly.getInteriorRingN(h));
        }
      } else if (part instanceof LineString line) {
        rings.add(line);
      }
    }
    for (LineString r : rings) {
      Coordinate[] c = r.getCoordinates();
      for (int k = 0; k < c.length; k++) {
        if (k == 0) {
          p.moveTo(f.u(c[k].x), f.v(c[k].y));
        } else {
          p.lineTo(f.u(c[k].x), f.v(c[k].y));
        }
      }
      if (r.isClosed()) {
        p.closePath();
      }
    }
    return p;
  }
}
