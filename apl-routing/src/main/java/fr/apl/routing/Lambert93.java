package fr.apl.routing;

/**
 * Converts between Lambert-93 (EPSG:2154) and WGS84 longitude and latitude in degrees: the
 * Lambert conformal conic projection with two standard parallels on the GRS80 ellipsoid, after
 * Snyder, <i>Map Projections: A Working Manual</i> (USGS 1987), equations 15-1 to 15-11 and 7-9.
 *
 * <p>EPSG:2154 parameters: latitude of origin 46.5° N, central meridian 3° E, standard parallels
 * 49° N and 44° N, false easting 700 000 m, false northing 6 600 000 m. RGF93 and WGS84 differ by
 * a few centimetres, far below the metre the points files give; they are taken as one datum.
 *
 * <p>The inverse iterates the latitude to 1e-14 radians (a few nanometres), usually in 5 steps.
 * Stateless and thread-safe.
 */
public final class Lambert93 {

  /** GRS80 semi-major axis, in metres. */
  static final double A = 6378137.0;

  /** GRS80 flattening. */
  static final double F = 1 / 298.257222101;

  private static final double E = Math.sqrt(2 * F - F * F);
  private static final double LON0 = Math.toRadians(3.0);
  private static final double X0 = 700000.0;
  private static final double Y0 = 6600000.0;
  private static final double N;
  private static final double AF;
  private static final double RHO0;

  static {
    double phi1 = Math.toRadians(49.0);
    double phi2 = Math.toRadians(44.0);
    double m1 = m(phi1);
    double m2 = m(phi2);
    double t1 = t(phi1);
    double t2 = t(phi2);
    N = (Math.log(m1) - Math.log(m2)) / (Math.log(t1) - Math.log(t2));
    AF = A * m1 / (N * Math.pow(t1, N));
    RHO0 = AF * Math.pow(t(Math.toRadians(46.5)), N);
  }

  private Lambert93() {}

  private static double m(double phi) {
    double s = Math.sin(phi);
    return Math.cos(phi) / Math.sqrt(1 - E * E * s * s);
  }

  private static double t(double phi) {
    double s = Math.sin(phi);
    return Math.tan(Math.PI / 4 - phi / 2) / Math.pow((1 - E * s) / (1 + E * s), E / 2);
  }

  /**
   * Returns the WGS84 longitude and latitude of a Lambert-93 point.
   *
   * @param x easting in metres (finite)
   * @param y northing in metres (finite)
   * @return {@code {longitude, latitude}} in degrees
   */
  public static double[] toWgs84(double x, double y) {
    double dx = x - X0;
    double dy = RHO0 - (y - Y0);
    double rho = Math.hypot(dx, dy);
    double theta = Math.atan2(dx, dy);
    double t = Math.pow(rho / AF, 1 / N);
    double lon = theta / N + LON0;
    double phi = Math.PI / 2 - 2 * Math.atan(t);
    for (int i = 0; i < 50; i++) {
      double s = Math.sin(phi);
      double next = Math.PI / 2 - 2 * Math.atan(t * Math.pow((1 - E * s) / (1 + E * s), E / 2));
      if (Math.abs(next - phi) < 1e-14) {
        phi = next;
        break;
      }
      phi = next;
    }
    return new double[] {Math.toDegrees(lon), Math.toDegrees(phi)};
  }

  /**
   * Returns the Lambert-93 coordinates of a WGS84 point (the forward projection).
   *
   * @param lon longitude in degrees
   * @param lat latitude in degrees, strictly between -90 and 90
   * @return {@code {x, y}} in metres
   */
  public static double[] fromWgs84(double lon, double lat) {
    double rho = AF * Math.pow(t(Math.toRadians(lat)), N);
    double theta = N * (Math.toRadians(lon) - LON0);
    return new double[] {X0 + rho * Math.sin(theta), Y0 + RHO0 - rho * Math.cos(theta)};
  }
}
