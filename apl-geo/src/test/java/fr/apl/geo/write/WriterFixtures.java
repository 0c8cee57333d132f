package fr.apl.geo.write;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The tables the writers' tests write, and the external tools they may call. */
final class WriterFixtures {

  static final double APL_01001 = 3.4567891234;
  static final double APL_75056 = 4.1234567890123;
  static final double POPULATION_01001 = 832.0;
  static final double POPULATION_2A004 = 72_456.0;
  static final double POPULATION_75056 = 2_133_111.0;

  /**
   * 01001: a polygon with a hole, its exterior given clockwise and its hole counter-clockwise
   * (both the wrong way for RFC 7946), one vertex with 10 decimals.
   */
  static final String WKT_01001 = "POLYGON((4.90 46.14, 4.90 46.17, 4.9512345678 46.17,"
      + " 4.95 46.14, 4.90 46.14), (4.92 46.15, 4.93 46.15, 4.93 46.16, 4.92 46.16, 4.92 46.15))";

  /** 2A004: two squares, the first counter-clockwise, the second clockwise. */
  static final String WKT_2A004 = "MULTIPOLYGON(((8.70 41.90, 8.75 41.90, 8.75 41.95, 8.70 41.95,"
      + " 8.70 41.90)), ((8.60 41.85, 8.60 41.87, 8.62 41.87, 8.62 41.85, 8.60 41.85)))";

  private WriterFixtures() {}

  /** An output stream that remembers being closed: the writers must leave the caller's open. */
  static final class CloseRecorder extends java.io.ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }

  static Geometry wkt(String text) {
    try {
      return new WKTReader().read(text);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Three communes: 01001 (polygon with a hole), 2A004 (multipolygon, APL NaN), 75056 (no
   * geometry, no class); columns apl, population (numbers) and class (text).
   */
  static FeatureTable small() {
    List<FeatureTable.Column> columns = List.of(
        new FeatureTable.Column("apl", FeatureTable.Kind.NUMBER),
        new FeatureTable.Column("population", FeatureTable.Kind.NUMBER),
        new FeatureTable.Column("class", FeatureTable.Kind.TEXT));
    List<FeatureTable.Row> rows = List.of(
        new FeatureTable.Row("01001", "L'Abergement-Clémenciat", wkt(WKT_01001), new Object[] {
          APL_01001, POPULATION_01001, "faible"
        }),
        new FeatureTable.Row("2A004", "Ajaccio, façade maritime", wkt(WKT_2A004), new Object[] {
          Double.NaN, POPULATION_2A004, "moyenne"
        }),
        new FeatureTable.Row(
            "75056", "Paris", null, new Object[] {APL_75056, POPULATION_75056, null}));
    List<String[]> parameters = List.of(
        new String[] {"maxMinutes", "20", "default"},
        new String[] {"decay", "0-10:1, 10-15:0.66, 15-20:0.33", "--decay"});
    List<Object[]> figures =
        List.of(new Object[] {"figure", "value"}, new Object[] {"communes", 3}, new Object[] {
          "mean APL", 3.79
        });
    return new FeatureTable("apl", columns, rows, parameters, figures);
  }

  /** Random squares across metropolitan France, 0.001 to 0.05 degrees wide. */
  static FeatureTable squares(int n, long seed) {
    Random random = new Random(seed);
    GeometryFactory f = new GeometryFactory();
    List<FeatureTable.Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double lon = -4.5 + 12.5 * random.nextDouble();
      double lat = 42.5 + 8.5 * random.nextDouble();
      double side = 0.001 + 0.049 * random.nextDouble();
      Geometry square = f.createPolygon(new Coordinate[] {
        new Coordinate(lon, lat),
        new Coordinate(lon + side, lat),
        new Coordinate(lon + side, lat + side),
        new Coordinate(lon, lat + side),
        new Coordinate(lon, lat)
      });
      double apl = random.nextInt(10) == 0 ? Double.NaN : 10 * random.nextDouble();
      rows.add(new FeatureTable.Row(
          String.format(java.util.Locale.ROOT, "%05d", i), "commune " + i, square, new Object[] {apl
          }));
    }
    return new FeatureTable(
        "squares",
        List.of(new FeatureTable.Column("apl", FeatureTable.Kind.NUMBER)),
        rows,
        List.of(),
        List.of());
  }

  /**
   * Returns ogrinfo's path; when it is not on the PATH, skips the test, or fails it when the
   * environment variable APL_REQUIRE_TOOLS is 1 (CI installs gdal-bin and sets it).
   */
  static Path ogrinfo() {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, "ogrinfo");
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    if ("1".equals(System.getenv("APL_REQUIRE_TOOLS"))) {
      fail("ogrinfo (GDAL) is not on the PATH and APL_REQUIRE_TOOLS=1");
    }
    Assumptions.assumeTrue(false, "ogrinfo (GDAL) is not on the PATH");
    throw new IllegalStateException("unreachable");
  }

  /** Runs {@code ogrinfo -so -al file} and returns what it printed (stdout and stderr). */
  static String runOgrinfo(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(ogrinfo().toString(), "-so", "-al", file.toString())
        .redirectErrorStream(true)
        .start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("ogrinfo did not finish in 60 s on " + file);
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      fail("ogrinfo exited with " + p.exitValue() + " on " + file + ":\n" + text);
    }
    return text;
  }
}
