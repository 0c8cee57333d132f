package fr.apl.routing;

import fr.apl.matrix.TravelTimeMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Fits the crow-fly model to a given times table (Metric minutes of a region, say) by ordinary
 * least squares, and says how far the fit is from the table.
 *
 * <p>Only the ratio {@code detour / speed} shows in minutes, so detour and speed cannot be fitted
 * apart: the fit gives minutes per great-circle km, and the speed that goes with a chosen detour
 * ({@code speed = 60 · detour / (minutes per km)}). Two fits, both on every pair of the table
 * whose two codes have points, self pairs left out (their 0 minutes say nothing of speed):
 *
 * <ul>
 *   <li>the model of {@link CrowFly} itself, {@code minutes = k · d} (one factor, no intercept):
 *       what {@code --speed} should be for {@code --detour};
 *   <li>by distance class ({@code [0, 10)}, {@code [10, 20)}, {@code [20, 40)}, {@code [40, ∞)}
 *       km by default), {@code minutes = a + b · d} with its own intercept and slope: how much a
 *       single factor misses (short trips are slower: leaving, parking, town streets). A class
 *       with fewer than 3 pairs is not fitted (NaN).
 * </ul>
 *
 * <p>Errors are {@code |predicted − given|} minutes over the pairs used, summarised by their
 * median and 90th percentile, nearest-rank definition (the smallest error with at least 50 % or
 * 90 % of the errors at or below it). Stateless and thread-safe; O(pairs log pairs).
 */
public final class Calibration {

  /** The default class edges, in great-circle km. */
  private static final double[] DEFAULT_EDGES = {0, 10, 20, 40};

  private Calibration() {}

  /**
   * One distance class's affine fit.
   *
   * @param fromKm lower edge of the class, inclusive, km
   * @param toKm upper edge, exclusive, km (infinite for the last class)
   * @param pairs pairs of the table in the class
   * @param interceptMinutes {@code a}, minutes, NaN when fewer than 3 pairs
   * @param minutesPerKm {@code b}, minutes per great-circle km, NaN when fewer than 3 pairs
   * @param medianError median of |predicted − given| in the class, minutes (NaN when not fitted)
   * @param p90Error 90th percentile of |predicted − given| in the class, minutes
   */
  public record ClassFit(
      double fromKm,
      double toKm,
      int pairs,
      double interceptMinutes,
      double minutesPerKm,
      double medianError,
      double p90Error) {}

  /**
   * The result of a calibration.
   *
   * @param pairs pairs used (both codes located, not a self pair)
   * @param unlocated pairs of the table left out because a code has no point
   * @param minutesPerKm {@code k} of the single-factor fit {@code minutes = k · d}
   * @param detour the detour the speed below goes with (as given)
   * @param speedKmh the speed that, with {@code detour}, gives {@code k}: {@code 60 · detour / k}
   * @param medianError median |k · d − given|, minutes
   * @param p90Error 90th percentile of |k · d − given|, minutes
   * @param classes the affine fits by distance class, in order of distance
   * @param classMedianError median error of the by-class fits over all pairs, minutes
   * @param classP90Error 90th percentile of the by-class fits' error over all pairs, minutes
   */
  public record Result(
      int pairs,
      long unlocated,
      double minutesPerKm,
      double detour,
      double speedKmh,
      double medianError,
      double p90Error,
      List<ClassFit> classes,
      double classMedianError,
      double classP90Error) {
    /**
     * Copies the class list.
     *
     * @param pairs pairs used
     * @param unlocated pairs left out
     * @param minutesPerKm single-factor slope
     * @param detour the detour as given
     * @param speedKmh the speed for that detour
     * @param medianError median error of the single factor
     * @param p90Error 90th percentile error of the single factor
     * @param classes the class fits, non-null
     * @param classMedianError median error of the class fits
     * @param classP90Error 90th percentile error of the class fits
     */
    public Result {
      classes = List.copyOf(classes);
    }
  }

  /**
   * Fits with the default distance classes (0, 10, 20, 40 km and beyond).
   *
   * @param times the given times, non-null
   * @param points the points of the table's codes, non-null
   * @param detour the detour that the fitted speed is given for, in [1, 10]
   * @return the fits and their errors
   * @throws IllegalArgumentException when fewer than 2 pairs can be used, or on a bad argument
   */
  public static Result fit(TravelTimeMatrix times, Points points, double detour) {
    return fit(times, points, detour, DEFAULT_EDGES);
  }

  /**
   * Fits with the given distance classes.
   *
   * @param times the given times, non-null
   * @param points the points of the table's codes, non-null
   * @param detour the detour that the fitted speed is given for, in [1, 10]
   * @param edgesKm the lower edges of the classes in km, starting at 0, strictly increasing; the
   *     last class has no upper edge
   * @return the fits and their errors
   * @throws IllegalArgumentException when fewer than 2 pairs can be used, or on a bad argument
   */
  public static Result fit(TravelTimeMatrix times, Points points, double detour, double[] edgesKm) {
    if (times == null || points == null || edgesKm == null || edgesKm.length == 0) {
      throw new IllegalArgumentException("times, points and class edges must be given");
    }
    if (!(detour >= 1 && detour <= 10)) {
      throw new IllegalArgumentException("detour must be in [1, 10], given: " + detour);
    }
    if (edgesKm[0] != 0) {
      throw new IllegalArgumentException("the first class must start at 0 km");
    }
    for (int c = 1; c < edgesKm.length; c++) {
      if (!(edgesKm[c] > edgesKm[c - 1]) || Double.isInfinite(edgesKm[c])) {
        throw new IllegalArgumentException("class edges must increase strictly and be finite");
      }
    }
    Map<String, Integer> where = new HashMap<>(points.size() * 2);
    for (int i = 0; i < points.size(); i++) {
      where.put(points.code(i), i);
    }
    int n = times.communeCount();
    int[] point = new int[n];
    for (int i = 0; i < n; i++) {
      Integer p = where.get(times.code(i));
      point[i] = p == null ? -1 : p;
    }
    int[] rowStart = times.rowStart();
    int[] dest = times.destinations();
    double[] minutes = times.minutes();
    int pairs = 0;
    long unlocated = 0;
    double[] km = new double[dest.length];
    double[] given = new double[dest.length];
    for (int o = 0; o < n; o++) {
      for (int k = rowStart[o]; k < rowStart[o + 1]; k++) {
        int d = dest[k];
        if (d == o) {
          continue;
        }
        if (point[o] < 0 || point[d] < 0) {
          unlocated++;
          continue;
        }
        int a = point[o];
        int b = point[d];
        km[pairs] = CrowFly.distanceKm(
            points.latitude(a), points.longitude(a), points.latitude(b), points.longitude(b));
        given[pairs] = minutes[k];
        pairs++;
      }
    }
    if (pairs < 2) {
      throw new IllegalArgumentException(
          "only " + pairs + " pairs of the times table have points at both ends: cannot fit");
    }
    SimpleRegression single = new SimpleRegression(false);
    for (int i = 0; i < pairs; i++) {
      single.addData(km[i], given[i]);
    }
    double k = single.getSlope();
    double[] err = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      err[i] = Math.abs(k * km[i] - given[i]);
    }
    double[] singleErr = quantiles(err, pairs);

    int classes = edgesKm.length;
    SimpleRegression[] byClass = new SimpleRegression[classes];
    int[] classOf = new int[pairs];
    for (int c = 0; c < classes; c++) {
      byClass[c] = new SimpleRegression(true);
    }
    for (int i = 0; i < pairs; i++) {
      int c = classes - 1;
      while (c > 0 && km[i] < edgesKm[c]) {
        c--;
      }
      classOf[i] = c;
      byClass[c].addData(km[i], given[i]);
    }
    List<ClassFit> fits = new ArrayList<>();
    double[] all = new double[pairs];
    int fitted = 0;
    for (int c = 0; c < classes; c++) {
      long count = byClass[c].getN();
      boolean ok = count >= 3;
      double a = ok ? byClass[c].getIntercept() : Double.NaN;
      double b = ok ? byClass[c].getSlope() : Double.NaN;
      double[] e = new double[(int) count];
      int m = 0;
      for (int i = 0; i < pairs; i++) {
        if (classOf[i] == c && ok) {
          e[m] = Math.abs(a + b * km[i] - given[i]);
          all[fitted++] = e[m];
          m++;
        }
      }
      double[] q = ok ? quantiles(e, m) : new double[] {Double.NaN, Double.NaN};
      fits.add(new ClassFit(
          edgesKm[c],
          c + 1 < classes ? edgesKm[c + 1] : Double.POSITIVE_INFINITY,
          (int) count,
          a,
          b,
          q[0],
          q[1]));
    }
    double[] classErr = fitted > 0 ? quantiles(all, fitted) : new double[] {Double.NaN, Double.NaN};
    return new Result(
        pairs,
        unlocated,
        k,
        detour,
        60.0 * detour / k,
        singleErr[0],
        singleErr[1],
        fits,
        classErr[0],
        classErr[1]);
  }

  /** Returns the nearest-rank median and 90th percentile of the first {@code n} values. */
  static double[] quantiles(double[] values, int n) {
    double[] v = Arrays.copyOf(values, n);
    Arrays.sort(v);
    return new double[] {v[rank(0.5, n)], v[rank(0.9, n)]};
  }

  private static int rank(double q, int n) {
    return (int) Math.max(0, Math.ceil(q * n) - 1);
  }

  /**
   * Returns the error of a crow-fly model against a times table: the pairs of the table with
   * points at both ends (self pairs left out), their median and 90th percentile of
   * |model − given| minutes.
   *
   * @param times the given times, non-null
   * @param points the points of the table's codes, non-null
   * @param model the model (its detour and speed; its bound is not applied), non-null
   * @return {@code {pairs, median, p90}}; NaN errors when no pair is usable
   */
  public static double[] error(TravelTimeMatrix times, Points points, CrowFly model) {
    Map<String, Integer> where = new HashMap<>(points.size() * 2);
    for (int i = 0; i < points.size(); i++) {
      where.put(points.code(i), i);
    }
    int[] rowStart = times.rowStart();
    int[] dest = times.destinations();
    double[] minutes = times.minutes();
    double[] err = new double[dest.length];
    int m = 0;
    for (int o = 0; o < times.communeCount(); o++) {
      Integer a = where.get(times.code(o));
      for (int k = rowStart[o]; k < rowStart[o + 1]; k++) {
        Integer b = where.get(times.code(dest[k]));
        if (a == null || b == null || dest[k] == o) {
          continue;
        }
        double km = CrowFly.distanceKm(
            points.latitude(a), points.longitude(a), points.latitude(b), points.longitude(b));
        err[m++] = Math.abs(model.minutes(km) - minutes[k]);
      }
    }
    if (m == 0) {
      return new double[] {0, Double.NaN, Double.NaN};
    }
    double[] q = quantiles(err, m);
    return new double[] {m, q[0], q[1]};
  }
}
