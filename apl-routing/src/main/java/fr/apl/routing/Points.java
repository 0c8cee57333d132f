package fr.apl.routing;

import fr.apl.io.csv.CsvReader;
import fr.apl.io.csv.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds named points in WGS84 degrees: communes (their centroids) or supply points (practice
 * addresses), each with its code kept as text (leading zeros, 2A/2B).
 *
 * <p>A points file is a CSV (plain or gzip, {@code ,} {@code ;} or tab, UTF-8 or Windows-1252,
 * as {@link CsvReader} reads) with a header and one point per row:
 *
 * <ul>
 *   <li>the code in a column {@code code_commune}, {@code commune} or {@code code} (the first
 *       found, in that order: the shared coordinates file has both {@code code_commune} and a
 *       {@code commune} name column, and the code is the first);
 *   <li>{@link Crs#WGS84}: latitude in {@code lat} or {@code latitude}, longitude in {@code lon},
 *       {@code lng} or {@code longitude}, in degrees, latitude in [-90, 90], longitude in [-180,
 *       180];
 *   <li>{@link Crs#LAMBERT93}: {@code x} or {@code x_l93}, {@code y} or {@code y_l93}, in metres,
 *       within the box of metropolitan France and Corsica with a margin (x in [0, 1 500 000], y in
 *       [5 900 000, 7 300 000]); converted to WGS84 by {@link Lambert93}.
 * </ul>
 *
 * <p>Other columns are ignored. Every bad row is an error naming the file, the line and the value
 * (an empty or repeated code, a coordinate that is not a number or out of range, only one of the
 * two coordinates given); all of them are collected and thrown together ({@link
 * InputException#others()}). A row whose two coordinates are both empty is a point without a
 * location (the shared coordinates file has two, 85165 and 85212, {@code source = missing}): it is
 * skipped, and a warning naming its file, line and code is kept in {@link #warnings()}, since such
 * a commune can only be left out of the times (with no pair, not even its self pair, it reaches no
 * one; the caller decides whether to stop).
 *
 * <p>Immutable and thread-safe; accessors return copies.
 */
public final class Points {

  /** The coordinate reference system of a points file. */
  public enum Crs {
    /** WGS84 longitude and latitude in degrees (EPSG:4326). */
    WGS84,
    /** Lambert-93 easting and northing in metres (EPSG:2154). */
    LAMBERT93
  }

  private final String[] codes;
  private final double[] lat;
  private final double[] lon;
  private final List<String> warnings;

  private Points(String[] codes, double[] lat, double[] lon, List<String> warnings) {
    this.codes = codes;
    this.lat = lat;
    this.lon = lon;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Returns points given in memory; the arrays are copied.
   *
   * @param codes the codes, non-null, non-empty, unique
   * @param lat latitudes in degrees, [-90, 90], as many as codes
   * @param lon longitudes in degrees, [-180, 180], as many as codes
   * @return the points
   * @throws IllegalArgumentException on a null, a length mismatch, an empty or repeated code or a
   *     coordinate out of range
   */
  public static Points of(String[] codes, double[] lat, double[] lon) {
    if (codes == null || lat == null || lon == null) {
      throw new IllegalArgumentException("codes and coordinates must not be null");
    }
    if (lat.length != codes.length || lon.length != codes.length) {
      throw new IllegalArgumentException("codes, lat and lon must have the same length");
    }
    Map<String, Integer> seen = new HashMap<>(codes.length * 2);
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] == null || codes[i].isEmpty()) {
        throw new IllegalArgumentException("code " + i + " is null or empty");
      }
      if (seen.put(codes[i], i) != null) {
        throw new IllegalArgumentException("code given twice: " + codes[i]);
      }
      String bad = checkLatLon(lat[i], lon[i]);
      if (bad != null) {
        throw new IllegalArgumentException(bad + " (" + codes[i] + ")");
      }
    }
    return new Points(codes.clone(), lat.clone(), lon.clone(), List.of());
  }

  /**
   * Reads a points file (layout in the class comment).
   *
   * @param file the file, CSV plain or gzip, non-null
   * @param crs the coordinates' reference system, non-null
   * @return the points, in file order, those without coordinates left out (see {@link
   *     #warnings()})
   * @throws IOException when the file cannot be read ({@link java.nio.file.NoSuchFileException}
   *     when it does not exist)
   * @throws InputException on a missing column or bad rows: the first, carrying the others
   */
  public static Points read(Path file, Crs crs) throws IOException {
    List<String> codes = new ArrayList<>();
    List<double[]> coords = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<InputException> errors = new ArrayList<>();
    Map<String, Long> firstLine = new HashMap<>();
    try (CsvReader csv = CsvReader.open(file)) {
      int code = csv.requireColumn("commune code", "code_commune", "commune", "code");
      boolean wgs = crs == Crs.WGS84;
      int a = wgs
          ? csv.requireColumn("latitude", "lat", "latitude")
          : csv.requireColumn("x (Lambert-93)", "x", "x_l93");
      int b = wgs
          ? csv.requireColumn("longitude", "lon", "lng", "longitude")
          : csv.requireColumn("y (Lambert-93)", "y", "y_l93");
      String nameA = wgs ? "latitude" : "x";
      String nameB = wgs ? "longitude" : "y";
      while (true) {
        List<String> f;
        try {
          f = csv.next();
        } catch (InputException e) {
          errors.add(e);
          continue;
        }
        if (f == null) {
          break;
        }
        try {
          String c = f.get(code).trim();
          if (c.isEmpty()) {
            throw csv.error("commune code is empty");
          }
          if (c.indexOf(',') >= 0
              || c.indexOf('"') >= 0
              || c.indexOf(';') >= 0
              || c.indexOf('\n') >= 0
              || c.indexOf('\r') >= 0) {
            // It would break the times table written from it, whose fields are not quoted.
            throw csv.error("code " + c + " holds a comma, a semicolon, a quote or a line break:"
                + " give codes without them");
          }
          Long first = firstLine.putIfAbsent(c, csv.line());
          if (first != null) {
            throw csv.error("commune " + c + " is given twice (first at line " + first + ")");
          }
          String ta = f.get(a).trim();
          String tb = f.get(b).trim();
          if (ta.isEmpty() && tb.isEmpty()) {
            warnings.add(file + ":" + csv.line() + ": commune " + c
                + " has no coordinates: left out of the times");
            continue;
          }
          if (ta.isEmpty() || tb.isEmpty()) {
            throw csv.error("commune " + c + " has its " + (ta.isEmpty() ? nameA : nameB)
                + " empty: give both coordinates, or neither to leave it out");
          }
          double va = csv.number(f, a, nameA + " of " + c);
          double vb = csv.number(f, b, nameB + " of " + c);
          double[] ll;
          if (wgs) {
            String bad = checkLatLon(va, vb);
            if (bad != null) {
              throw csv.error(bad + " (" + c + ")");
            }
            ll = new double[] {va, vb};
          } else {
            if (!(va >= 0 && va <= 1_500_000)) {
              throw csv.error("x (Lambert-93) must be in [0, 1500000] metres, given: " + f.get(a)
                  + " (" + c + ")");
            }
            if (!(vb >= 5_900_000 && vb <= 7_300_000)) {
              throw csv.error("y (Lambert-93) must be in [5900000, 7300000] metres, given: "
                  + f.get(b) + " (" + c + ")");
            }
            double[] lonLat = Lambert93.toWgs84(va, vb);
            ll = new double[] {lonLat[1], lonLat[0]};
          }
          codes.add(c);
          coords.add(ll);
        } catch (InputException e) {
          errors.add(e);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw InputException.of(errors);
    }
    int n = codes.size();
    double[] lat = new double[n];
    double[] lon = new double[n];
    for (int i = 0; i < n; i++) {
      lat[i] = coords.get(i)[0];
      lon[i] = coords.get(i)[1];
    }
    return new Points(codes.toArray(new String[0]), lat, lon, warnings);
  }

  private static String checkLatLon(double lat, double lon) {
    if (!(lat >= -90 && lat <= 90)) {
      return "latitude must be in [-90, 90] degrees, given: " + lat;
    }
    if (!(lon >= -180 && lon <= 180)) {
      return "longitude must be in [-180, 180] degrees, given: " + lon;
    }
    return null;
  }

  /** {@return the number of points} */
  public int size() {
    return codes.length;
  }

  /**
   * Returns the code of a point.
   *
   * @param i the point's index, [0, size)
   * @return its code
   */
  public String code(int i) {
    return codes[i];
  }

  /**
   * Returns the latitude of a point.
   *
   * @param i the point's index, [0, size)
   * @return its latitude in degrees
   */
  public double latitude(int i) {
    return lat[i];
  }

  /**
   * Returns the longitude of a point.
   *
   * @param i the point's index, [0, size)
   * @return its longitude in degrees
   */
  public double longitude(int i) {
    return lon[i];
  }

  /** {@return a copy of the codes, in the order of the points} */
  public String[] codes() {
    return codes.clone();
  }

  /** {@return a copy of the latitudes in degrees} */
  public double[] latitudes() {
    return lat.clone();
  }

  /** {@return a copy of the longitudes in degrees} */
  public double[] longitudes() {
    return lon.clone();
  }

  /**
   * {@return the rows left out, one line each ({@code file:line: commune C has no coordinates:
   * left out of the times}); empty for points given in memory}
   */
  public List<String> warnings() {
    return warnings;
  }
}
