package fr.apl.routing;

import fr.apl.io.TravelTimeSource;
import fr.apl.io.csv.ReadContext;
import fr.apl.matrix.TravelTimeMatrix;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes crow-fly travel times between points: {@code minutes = 60 · d · detour / speed}, with
 * {@code d} the great-circle distance in km (haversine formula on a sphere of radius {@link
 * #EARTH_RADIUS_KM}, the IUGG mean radius R1), {@code detour} the ratio of road to great-circle
 * distance (default 1.3) and {@code speed} the mean road speed in km/h (default 60). The formula
 * is evaluated in that order, {@code ((60 · d) · detour) / speed}, in {@code double}.
 *
 * <p>Pairs are kept when {@code minutes ≤ maxMinutes} (default 30): the bound is inclusive. The
 * decays read their own cutoff with {@link fr.apl.decay.BandEdges}: under the default {@code
 * HALF_OPEN} a time equal to the last band edge weighs 0, under {@code CLOSED_UPPER} it weighs
 * the last band's weight; keeping the pair at exactly {@code maxMinutes} leaves that choice to the
 * decay, so that a table cut here at the decay's cutoff gives the same APL under both readings.
 *
 * <p>Without destinations, the pairs are those between the origins themselves, self pairs
 * included at 0 minutes (a point is at distance 0 from itself). With {@linkplain
 * Builder#destinations destinations} (supply points that are not communes, e.g. practice
 * addresses), the pairs are origins × destinations; a destination with the code of an origin is
 * still its own point, so that pair has the distance between the two points. The matrix holds the
 * codes of both.
 *
 * <p>Pairs are found with a grid index, not an all-pairs loop: the destinations are sorted into
 * cells of one search radius in latitude ({@code δ = radius / R} radians) by a fixed width in
 * longitude, and each origin looks at the rows within {@code δ} of its latitude and the columns
 * within {@code asin(sin δ / cos(|φ| + δ))} of its longitude (wider towards the poles, every
 * column when a pole is within reach, both sides of the antimeridian), then checks each candidate
 * with the exact formula. O(n log n + candidates); France's 34 952 located communes within 30
 * minutes (a 23 km radius, about 3.7 million pairs) take well under a second of computing on a
 * few cores.
 *
 * <p>Origins are processed in blocks on up to {@code threads} threads; the matrix does not depend
 * on the thread count (the same pairs, the same times, rows sorted by the matrix). Immutable and
 * thread-safe.
 */
public final class CrowFly implements TravelTimeSource {

  /** The mean Earth radius R1 of the IUGG (Moritz 2000), in km. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  /** The default ratio of road distance to great-circle distance. */
  public static final double DEFAULT_DETOUR = 1.3;

  /** The default mean speed, in km/h. */
  public static final double DEFAULT_SPEED_KMH = 60.0;

  /** The default bound on the minutes of a pair kept (inclusive). */
  public static final double DEFAULT_MAX_MINUTES = PointPairsBuilder.DEFAULT_MAX_MINUTES;

  /** Origins per block of work: small enough to balance threads, large enough to be cheap. */
  private static final int BLOCK = 256;

  private final String name;
  private final Points origins;
  private final Points destinations;
  private final double detour;
  private final double speedKmh;
  private final double maxMinutes;

  private CrowFly(Builder b) {
    this.name = b.name();
    this.origins = b.origins();
    this.destinations = b.destinations();
    this.detour = b.detour;
    this.speedKmh = b.speedKmh;
    this.maxMinutes = b.maxMinutes();
  }

  /**
   * Returns a builder over origins, with the defaults (detour 1.3, 60 km/h, 30 minutes, no
   * separate destinations).
   *
   * @param origins the origins (and destinations when none are given), non-null
   * @return a new builder, not thread-safe
   * @throws IllegalArgumentException when origins is null
   */
  public static Builder builder(Points origins) {
    if (origins == null) {
      throw new IllegalArgumentException("origins must not be null");
    }
    return new Builder(origins);
  }

  /** Builds a {@link CrowFly}; each setter checks its value at once. */
  public static final class Builder extends PointPairsBuilder<Builder> {
    private double detour = DEFAULT_DETOUR;
    private double speedKmh = DEFAULT_SPEED_KMH;

    private Builder(Points origins) {
      super(origins, "crow-fly");
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets the ratio of road distance to great-circle distance.
     *
     * @param value finite, in [1, 10]
     * @return this builder
     * @throws IllegalArgumentException otherwise
     */
    public Builder detour(double value) {
      if (!(value >= 1 && value <= 10)) {
        throw new IllegalArgumentException("detour must be in [1, 10], given: " + value);
      }
      this.detour = value;
      return this;
    }

    /**
     * Sets the mean speed.
     *
     * @param value km/h, in (0, 1000]
     * @return this builder
     * @throws IllegalArgumentException otherwise
     */
    public Builder speedKmh(double value) {
      if (!(value > 0 && value <= 1000)) {
        throw new IllegalArgumentException("speed must be in (0, 1000] km/h, given: " + value);
      }
      this.speedKmh = value;
      return this;
    }

    /** {@return the source} */
    public CrowFly build() {
      return new CrowFly(this);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** {@return the ratio of road to great-circle distance} */
  public double detour() {
    return detour;
  }

  /** {@return the mean speed in km/h} */
  public double speedKmh() {
    return speedKmh;
  }

  /** {@return the inclusive bound on the minutes of a pair kept} */
  public double maxMinutes() {
    return maxMinutes;
  }

  /** {@return the great-circle distance, in km, that {@link #maxMinutes()} reaches} */
  public double radiusKm() {
    return maxMinutes * speedKmh / (60.0 * detour);
  }

  /**
   * Returns the minutes of a great-circle distance under this model.
   *
   * @param km the great-circle distance in km, &gt;= 0
   * @return {@code 60 · km · detour / speed}
   */
  public double minutes(double km) {
    return 60.0 * km * detour / speedKmh;
  }

  /**
   * Returns the great-circle distance between two points by the haversine formula.
   *
   * @param lat1 latitude of the first point, degrees
   * @param lon1 longitude of the first point, degrees
   * @param lat2 latitude of the second point, degrees
   * @param lon2 longitude of the second point, degrees
   * @return the distance in km on a sphere of radius {@link #EARTH_RADIUS_KM}
   */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    return haversine(
        p1, Math.cos(p1), Math.toRadians(lon1), p2, Math.cos(p2), Math.toRadians(lon2));
  }

  private static double haversine(
      double p1, double cos1, double l1, double p2, double cos2, double l2) {
    double sp = Math.sin((p2 - p1) / 2);
    double sl = Math.sin((l2 - l1) / 2);
    double h = sp * sp + cos1 * cos2 * sl * sl;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }

  @Override
  public TravelTimeMatrix read(ReadContext ctx) {
    return compute(ctx.threads());
  }

  /**
   * Computes the times.
   *
   * @param threads threads to use, &gt;= 1; the result does not depend on it
   * @return the matrix, communes in code order
   * @throws IllegalArgumentException when threads is below 1, or the pairs exceed what a matrix
   *     holds (about 2 billion: lower the maximum minutes)
   */
  public TravelTimeMatrix compute(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, given: " + threads);
    }
    Points dest = destinations == null ? origins : destinations;
    PairTable table = PairTable.of(origins, destinations);
    int no = origins.size();
    int[] destCode = new int[dest.size()];
    Arrays.setAll(destCode, table::destinationCode);
    Grid grid = new Grid(dest, radiusKm() / EARTH_RADIUS_KM);
    double[] oLat = radians(origins.latitudes());
    double[] oLon = radians(origins.longitudes());
    int blocks = (no + BLOCK - 1) / BLOCK;
    PairTable.Block[] done = new PairTable.Block[blocks];
    AtomicInteger next = new AtomicInteger();
    Runnable work = () -> {
      int[] scratch = new int[8];
      for (int b; (b = next.getAndIncrement()) < blocks; ) {
        PairTable.Block out = new PairTable.Block();
        for (int i = b * BLOCK, end = Math.min(no, i + BLOCK); i < end; i++) {
          scratch = pairs(grid, i, oLat[i], oLon[i], destCode, out, scratch);
        }
        done[b] = out;
      }
    };
    PairTable.run(Math.min(threads, Math.max(1, blocks)), "apl-crow-fly", work);
    return table.matrix(done, threads);
  }

  /** Adds the pairs of one origin; returns the (maybe grown) scratch array of ranges. */
  private int[] pairs(
      Grid g,
      int origin,
      double lat,
      double lon,
      int[] destCode,
      PairTable.Block out,
      int[] scratch) {
    int[] ranges = g.candidates(lat, lon, scratch);
    double cosLat = Math.cos(lat);
    for (int r = 1; r < ranges[0]; r += 2) {
      for (int k = ranges[r]; k < ranges[r + 1]; k++) {
        int j = g.sorted[k];
        double km = haversine(lat, cosLat, lon, g.lat[j], g.cos[j], g.lon[j]);
        double t = 60.0 * km * detour / speedKmh;
        if (t <= maxMinutes) {
          out.add(origin, destCode[j], t);
        }
      }
    }
    return ranges;
  }

  private static double[] radians(double[] degrees) {
    for (int i = 0; i < degrees.length; i++) {
      degrees[i] = Math.toRadians(degrees[i]);
    }
    return degrees;
  }

  /**
   * The destinations sorted by grid cell: rows of {@code delta} radians of latitude, columns of a
   * fixed width of longitude, cells numbered row by row; one cell key per point, ascending.
   */
  static final class Grid {
    final double delta;
    final double width;
    final int columns;
    final double[] lat;
    final double[] lon;
    final double[] cos;
    final int[] sorted;
    final long[] key;

    Grid(Points points, double radiusRadians) {
      int n = points.size();
      // A hair wider than the radius, so that rounding in the cell arithmetic never loses a
      // point at exactly the radius; the exact formula then decides.
      this.delta = Math.min(Math.PI, radiusRadians * (1 + 1e-9) + 1e-12);
      lat = radians(points.latitudes());
      lon = radians(points.longitudes());
      cos = new double[n];
      double meanAbs = 0;
      for (int i = 0; i < n; i++) {
        cos[i] = Math.cos(lat[i]);
        meanAbs += Math.abs(lat[i]) / n;
      }
      // Cells about as wide as tall on the ground at the points' mean latitude: the width only
      // changes the speed, never the pairs.
      double w = delta / Math.max(Math.cos(meanAbs), 0.05);
      columns = (int) Math.max(1, Math.min(1 << 20, Math.ceil(2 * Math.PI / w)));
      width = 2 * Math.PI / columns;
      long[] keyed = new long[n];
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        keyed[i] = (long) row(lat[i]) * columns + column(lon[i]);
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> {
        int c = Long.compare(keyed[a], keyed[b]);
        return c != 0 ? c : Integer.compare(a, b);
      });
      sorted = new int[n];
      key = new long[n];
      for (int k = 0; k < n; k++) {
        sorted[k] = order[k];
        key[k] = keyed[order[k]];
      }
    }

    int row(double latRad) {
      return (int) Math.floor((latRad + Math.PI / 2) / delta);
    }

    int column(double lonRad) {
      int c = (int) Math.floor((lonRad + Math.PI) / width);
      return Math.max(0, Math.min(columns - 1, c));
    }

    /**
     * Returns the ranges of {@link #sorted} that may hold points within {@code delta} of a point:
     * {@code r[0]} is one past the last used slot, then pairs {@code [from, to)}.
     */
    int[] candidates(double latRad, double lonRad, int[] scratch) {
      int[] r = scratch;
      r[0] = 1;
      int rowFrom = row(Math.max(-Math.PI / 2, latRad - delta));
      int rowTo = row(Math.min(Math.PI / 2, latRad + delta));
      double far = Math.abs(latRad) + delta;
      // The widest longitude gap within delta of any latitude up to |lat| + delta; a pole
      // within reach opens every column.
      double reach = far >= Math.PI / 2 || Math.sin(delta) >= Math.cos(far)
          ? Math.PI
          : Math.asin(Math.sin(delta) / Math.cos(far)) * (1 + 1e-9) + 1e-12;
      for (int row = rowFrom; row <= rowTo; row++) {
        if (reach >= Math.PI) {
          r = range(r, row, 0, columns - 1);
          continue;
        }
        double a = lonRad - reach;
        double b = lonRad + reach;
        if (a < -Math.PI || b > Math.PI) {
          // Across the antimeridian: two column ranges, or every column when they would meet
          // (a column taken twice would give its pairs twice).
          int from = column(a < -Math.PI ? a + 2 * Math.PI : a);
          int to = column(b > Math.PI ? b - 2 * Math.PI : b);
          if (from <= to) {
            r = range(r, row, 0, columns - 1);
          } else {
            r = range(r, row, from, columns - 1);
            r = range(r, row, 0, to);
          }
        } else {
          r = range(r, row, column(a), column(b));
        }
      }
      return r;
    }

    private int[] range(int[] r, int row, int fromColumn, int toColumn) {
      if (fromColumn > toColumn) {
        return r;
      }
      long first = (long) row * columns + fromColumn;
      long last = (long) row * columns + toColumn;
      int from = lowerBound(first);
      int to = lowerBound(last + 1);
      if (from < to) {
        if (r[0] + 2 > r.length) {
          r = Arrays.copyOf(r, r.length * 2);
        }
        r[r[0]] = from;
        r[r[0] + 1] = to;
        r[0] += 2;
      }
      return r;
    }

    private int lowerBound(long k) {
      int lo = 0;
      int hi = key.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (key[mid] < k) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
