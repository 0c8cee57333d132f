package fr.apl.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Projects WGS84 longitude/latitude (EPSG:4326, as GeoJSON gives them) to Lambert-93 (EPSG:2154,
 * metres), the projection of French official maps, with proj4j and the EPSG:2154 proj string
 * alone. Notre-Dame de Paris (2.3499 E, 48.8530 N) comes to about x 652 297, y 6 861 636.
 *
 * <p>Thread-safe: each call uses its own transform (proj4j transforms keep state).
 */
public final class Lambert93 {

  /** The EPSG code of Lambert-93. */
  public static final int EPSG = 2154;

  /** The proj string of EPSG:2154 (RGF93 / Lambert-93). */
  public static final String PROJ = "+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44"
      + " +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs";

  private static final CoordinateReferenceSystem WGS84;
  private static final CoordinateReferenceSystem L93;

  static {
    CRSFactory f = new CRSFactory();
    WGS84 = f.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
    L93 = f.createFromParameters("EPSG:2154", PROJ);
  }

  private Lambert93() {}

  private static CoordinateTransform transform() {
    return new CoordinateTransformFactory().createTransform(WGS84, L93);
  }

  /**
   * Returns a copy of a Lambert-93 geometry brought back to WGS84 longitude/latitude.
   *
   * @param lambert93 a geometry in Lambert-93 metres
   * @return the same shape in degrees
   */
  public static Geometry unproject(Geometry lambert93) {
    return apply(lambert93, new CoordinateTransformFactory().createTransform(L93, WGS84));
  }

  /**
   * Returns a point projected.
   *
   * @param lon longitude in degrees (WGS84)
   * @param lat latitude in degrees (WGS84)
   * @return {x, y} in metres (Lambert-93)
   */
  public static double[] project(double lon, double lat) {
    ProjCoordinate out = new ProjCoordinate();
    transform().transform(new ProjCoordinate(lon, lat), out);
    return new double[] {out.x, out.y};
  }

  /**
   * Returns a copy of a geometry with every coordinate projected.
   *
   * @param wgs84 a geometry in longitude/latitude degrees
   * @return the same shape in Lambert-93 metres
   */
  public static Geometry project(Geometry wgs84) {
    return apply(wgs84, transform());
  }

  private static Geometry apply(Geometry source, CoordinateTransform t) {
    ProjCoordinate in = new ProjCoordinate();
    ProjCoordinate res = new ProjCoordinate();
    return each(source, (x, y, out) -> {
      in.x = x;
      in.y = y;
      t.transform(in, res);
      out[0] = res.x;
      out[1] = res.y;
    });
  }

  /**
   * Returns a copy of a geometry in a local equirectangular projection (metres, true scale at
   * the given latitude): for the insets of overseas departments, which Lambert-93 does not cover.
   * An approximation, named as one: fine for drawing a department, not for measuring.
   *
   * @param wgs84 a geometry in longitude/latitude degrees
   * @param latitude the latitude of true scale, in degrees
   * @return the shape in local metres
   */
  public static Geometry local(Geometry wgs84, double latitude) {
    double kx = 111_320 * Math.cos(Math.toRadians(latitude));
    double ky = 110_574;
    return each(wgs84, (x, y, out) -> {
      out[0] = x * kx;
      out[1] = y * ky;
    });
  }

  /** A change of one point's coordinates. */
  @FunctionalInterface
  private interface PointMap {
    void map(double x, double y, double[] out);
  }

  /** Returns a copy of a geometry with every point changed. */
  private static Geometry each(Geometry source, PointMap f) {
    Geometry g = source.copy();
    double[] out = new double[2];
    g.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        f.map(seq.getX(i), seq.getY(i), out);
        seq.setOrdinate(i, 0, out[0]);
        seq.setOrdinate(i, 1, out[1]);
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    g.geometryChanged();
    return g;
  }
}
