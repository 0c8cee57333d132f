package fr.apl.geo;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Holds the classes of a choropleth: half-open numeric intervals {@code [b_k; b_k+1[} (DREES
 * writes {@code [0; 2.5[, [2.5; 4[, [4; +∞[}), or categories (zoning classes); and their colours.
 *
 * <p>Colours come from ColorBrewer's sequential "OrRd" scheme (Brewer and Harrower, Penn State,
 * Apache-2.0 licence), least served darkest: one hue whose lightness changes monotonically, so
 * the order survives colour blindness and greyscale printing. Categories in their given order
 * (least served first) take the same ramp.
 *
 * <p>Immutable and thread-safe.
 */
public final class MapClasses {

  /** OrRd, 7 classes, dark to light. */
  private static final int[] RAMP = {
    0x990000, 0xd7301f, 0xef6548, 0xfc8d59, 0xfdbb84, 0xfdd49e, 0xfef0d9
  };

  private final double[] breaks;
  private final List<String> categories;
  private final List<String> labels;

  private MapClasses(double[] breaks, List<String> categories, List<String> labels) {
    this.breaks = breaks;
    this.categories = categories;
    this.labels = List.copyOf(labels);
  }

  /** {@return the DREES classes of APL maps: [0; 2.5[, [2.5; 4[, [4; +∞[} */
  public static MapClasses drees() {
    return breaks(new double[] {2.5, 4});
  }

  /**
   * Returns classes cut at the given breaks: {@code ]-∞; b1[, [b1; b2[, …, [bn; +∞[} (the first
   * written {@code [0; b1[} when every value is &gt;= 0).
   *
   * @param cuts increasing finite numbers, 1 to 6 of them
   * @return the classes
   * @throws IllegalArgumentException when the breaks are not increasing or too many
   */
  public static MapClasses breaks(double[] cuts) {
    if (cuts.length < 1 || cuts.length > RAMP.length - 1) {
      throw new IllegalArgumentException(
          "give 1 to " + (RAMP.length - 1) + " breaks, given: " + cuts.length);
    }
    for (int k = 0; k < cuts.length; k++) {
      if (!Double.isFinite(cuts[k]) || (k > 0 && !(cuts[k] > cuts[k - 1]))) {
        throw new IllegalArgumentException(
            "breaks must be finite and increasing, given: " + Arrays.toString(cuts));
      }
    }
    List<String> labels = new ArrayList<>();
    for (int k = 0; k <= cuts.length; k++) {
      String lo = k == 0 ? (cuts[0] > 0 ? "0" : "-∞") : number(cuts[k - 1]);
      String hi = k == cuts.length ? "+∞" : number(cuts[k]);
      labels.add((k == 0 && cuts[0] <= 0 ? "]" : "[") + lo + "; " + hi + "[");
    }
    return new MapClasses(cuts.clone(), null, labels);
  }

  /**
   * Returns {@code n} classes with about the same weight each (population quantiles when the
   * weights are populations, equal counts of communes when they are all 1).
   *
   * @param n classes, 2 to 7
   * @param values the values, NaN ones left out
   * @param weights one weight &gt;= 0 per value
   * @return the classes, cut at the weighted quantiles (breaks rounded to 3 significant digits)
   * @throws IllegalArgumentException when n is out of range or the values do not give n distinct
   *     breaks
   */
  public static MapClasses quantiles(int n, double[] values, double[] weights) {
    if (n < 2 || n > RAMP.length) {
      throw new IllegalArgumentException("quantile classes: 2 to " + RAMP.length + ", given " + n);
    }
    Integer[] order = new Integer[values.length];
    double total = 0;
    int m = 0;
    for (int k = 0; k < values.length; k++) {
      if (!Double.isNaN(values[k])) {
        order[m++] = k;
        total += weights[k];
      }
    }
    Integer[] idx = Arrays.copyOf(order, m);
    Arrays.sort(idx, (a, b) -> Double.compare(values[a], values[b]));
    double[] cuts = new double[n - 1];
    double acc = 0;
    int c = 0;
    for (int k = 0; k < idx.length && c < n - 1; k++) {
      acc += weights[idx[k]];
      while (c < n - 1 && acc >= total * (c + 1) / n) {
        double next = k + 1 < idx.length ? values[idx[k + 1]] : values[idx[k]];
        cuts[c++] = round3((values[idx[k]] + next) / 2);
      }
    }
    for (int k = 1; k < cuts.length; k++) {
      if (!(cuts[k] > cuts[k - 1])) {
        throw new IllegalArgumentException("the values do not split into " + n
            + " classes of equal weight (repeated values): give fewer classes or breaks");
      }
    }
    return breaks(cuts);
  }

  /**
   * Returns categorical classes, least served first (the zoning classes).
   *
   * @param names the categories in order, 1 to 7
   * @return the classes
   * @throws IllegalArgumentException on no category or more than 7
   */
  public static MapClasses categories(List<String> names) {
    if (names.isEmpty() || names.size() > RAMP.length) {
      throw new IllegalArgumentException("1 to " + RAMP.length + " categories, given " + names);
    }
    return new MapClasses(null, List.copyOf(names), names);
  }

  private static double round3(double v) {
    if (v == 0) {
      return 0;
    }
    double scale = Math.pow(10, 2 - Math.floor(Math.log10(Math.abs(v))));
    return Math.round(v * scale) / scale;
  }

  /**
   * Writes a break as DREES does: 2.5, 4 (no trailing zeros).
   *
   * @param v the value
   * @return at most three decimals, trailing zeros dropped
   */
  public static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    String s = String.format(Locale.ROOT, "%.3f", v);
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  /** {@return the number of classes} */
  public int size() {
    return labels.size();
  }

  /** {@return true for categories (text values), false for numeric intervals} */
  public boolean categorical() {
    return categories != null;
  }

  /** {@return the labels, in class order; immutable} */
  public List<String> labels() {
    return labels;
  }

  /** {@return the breaks of numeric classes (a copy), or an empty array for categories} */
  public double[] cuts() {
    return breaks == null ? new double[0] : breaks.clone();
  }

  /**
   * Returns the class of a number: the first k with {@code v < b_k}, else the last.
   *
   * @param v a value; NaN has no class
   * @return the class index, or -1 for NaN (and for categories)
   */
  public int classOf(double v) {
    if (breaks == null || Double.isNaN(v)) {
      return -1;
    }
    for (int k = 0; k < breaks.length; k++) {
      if (v < breaks[k]) {
        return k;
      }
    }
    return breaks.length;
  }

  /**
   * Returns the class of a category.
   *
   * @param text a category name
   * @return its index, or -1 when it is none of them (or the classes are numeric)
   */
  public int classOf(String text) {
    return categories == null ? -1 : categories.indexOf(text);
  }

  /**
   * Returns the colour of a class, spread over the ramp (dark = first class).
   *
   * @param k the class, 0 to size - 1
   * @return an opaque colour
   */
  public Color color(int k) {
    int n = size();
    int at = n == 1 ? RAMP.length / 2 : (int) Math.round(k * (RAMP.length - 1) / (double) (n - 1));
    return new Color(RAMP[at]);
  }

  /**
   * Returns the colour of a class as {@code #rrggbb}.
   *
   * @param k the class
   * @return the hex colour
   */
  public String hex(int k) {
    return String.format(Locale.ROOT, "#%06x", color(k).getRGB() & 0xffffff);
  }
}
