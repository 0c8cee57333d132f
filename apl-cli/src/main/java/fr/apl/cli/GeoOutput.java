package fr.apl.cli;

import fr.apl.commune.CodeHistory;
import fr.apl.geo.CommuneShapes;
import fr.apl.geo.ResultTable;
import fr.apl.geo.write.FeatureTable;
import fr.apl.geo.write.GeoJsonWriter;
import fr.apl.geo.write.GeoPackageWriter;
import fr.apl.geo.write.ResultFeatures;
import fr.apl.geo.write.XlsxWriter;
import fr.apl.io.csv.CodeHistoryCsv;
import fr.apl.io.csv.ReadOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The formats of a result other than CSV, chosen by the output's extension: {@code .geojson}
 * (RFC 7946, WGS84), {@code .gpkg} (GeoPackage, Lambert-93, spatial index) and {@code .xlsx}.
 * The result is first written as the CSV {@code apl compute} writes, then read back as a table,
 * so that every format has the same columns and values.
 */
final class GeoOutput {

  /** The format of an output. */
  enum Format {
    CSV,
    GEOJSON,
    GPKG,
    XLSX
  }

  private GeoOutput() {}

  /** Returns the format of an output name, by extension ({@code -} is CSV). */
  static Format format(String output) {
    String o = output.toLowerCase(Locale.ROOT);
    if (o.endsWith(".geojson")) {
      return Format.GEOJSON;
    }
    if (o.endsWith(".gpkg")) {
      return Format.GPKG;
    }
    if (o.endsWith(".xlsx")) {
      return Format.XLSX;
    }
    return Format.CSV;
  }

  /** Returns true when the format needs polygons. */
  static boolean needsGeometry(Format f) {
    return f == Format.GEOJSON || f == Format.GPKG;
  }

  /**
   * Reads the polygons of a geo output ({@code code} and {@code nom} properties) and brings them
   * to the current geography with the code history, when one is given.
   *
   * @param geometry the polygons, or null
   * @param cogMap the code history ({@code ancien_code,code_actuel}), or null
   * @return the polygons, or null without {@code geometry}
   */
  static CommuneShapes shapes(Path geometry, Path cogMap) throws IOException {
    if (geometry == null) {
      return null;
    }
    CodeHistory history =
        cogMap == null ? CodeHistory.none() : CodeHistoryCsv.read(cogMap, ReadOptions.defaults());
    return CommuneShapes.read(geometry, "code", "nom").current(history);
  }

  /**
   * Builds the features of a result written as CSV text.
   *
   * @param csv the result as {@code apl compute} writes it
   * @param shapes the polygons, brought to the result's geography, or null
   * @param parameters the run's parameters, {name, value, source}
   */
  static FeatureTable features(String csv, CommuneShapes shapes, List<String[]> parameters)
      throws IOException {
    ResultTable table = ResultTable.parse("result", csv);
    String main = null;
    for (String c : table.header()) {
      if (main == null && (c.equals("apl") || c.startsWith("access_"))) {
        main = c;
      }
    }
    return ResultFeatures.of("apl", table, shapes, main, parameters);
  }

  /** Writes the features in a format other than CSV. */
  static void write(FeatureTable t, Format f, OutputStream out) throws IOException {
    switch (f) {
      case GEOJSON:
        GeoJsonWriter.write(t, out);
        break;
      case XLSX:
        XlsxWriter.write(t, out);
        break;
      case GPKG: {
        Path dir = Files.createTempDirectory("apl-gpkg");
        Path file = dir.resolve("apl.gpkg");
        try {
          GeoPackageWriter.write(t, file);
          Files.copy(file, out);
        } finally {
          Files.deleteIfExists(file);
          Files.deleteIfExists(dir);
        }
        break;
      }
      default:
        throw new IllegalArgumentException("not a geo format: " + f);
    }
  }

  /** Describes the join: how many rows have a polygon, and which have none. */
  static String coverage(FeatureTable t) {
    Map.Entry<long[], List<String>> c = ResultFeatures.coverage(t);
    long[] n = c.getKey();
    return n[1] == 0
        ? n[0] + " communes with their polygon"
        : n[0] + " communes with their polygon, " + n[1] + " without (geometry null): "
            + String.join(" ", c.getValue()) + (n[1] > c.getValue().size() ? " ..." : "");
  }
}
