package fr.apl.cli;

import fr.apl.commune.CodeHistory;
import fr.apl.geo.CommuneShapes;
import fr.apl.io.csv.CodeHistoryCsv;
import fr.apl.io.csv.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of the commands that draw communes (a picocli mixin of map and report): the
 * values, the polygons and how to read them, the code history, the outlines, the departments and
 * the language.
 */
final class GeoOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--values",
      required = true,
      paramLabel = "FILE",
      description = "Result table with a commune column (apl compute output: commune, apl,"
          + " apl_moins65, apl_SCENARIO…, residents or population; or any CSV).")
  Path values;

  @Option(
      names = "--geometry",
      required = true,
      paramLabel = "FILE",
      description = "Commune polygons: GeoJSON (.geojson or .geojson.gz, WGS84) or a GeoPackage"
          + " (.gpkg, one feature layer in EPSG:4326 or 2154), a code and a name property per"
          + " feature.")
  Path geometry;

  @Option(
      names = "--departments",
      paramLabel = "CODES",
      split = ",",
      description = "Only these departments (e.g. 43 or 43,15,63); default: every commune.")
  List<String> departments;

  @Option(
      names = "--cog-map",
      paramLabel = "FILE",
      description = "Code history ancien_code,code_actuel: polygons of merged communes are"
          + " dissolved into the current commune.")
  Path cogMap;

  @Option(
      names = "--outlines",
      paramLabel = "FILE",
      description = "Polygons drawn as outlines over the map (GeoJSON, e.g. the departments)."
          + " Default: the departments dissolved from the communes, up to 5 000 communes.")
  Path outlines;

  @Option(
      names = "--code-property",
      paramLabel = "NAME",
      defaultValue = "code",
      description = "Feature property holding the commune code (default: ${DEFAULT-VALUE}; IGN:"
          + " INSEE_COM).")
  String codeProperty;

  @Option(
      names = "--name-property",
      paramLabel = "NAME",
      defaultValue = "nom",
      description = "Feature property holding the commune name (default: ${DEFAULT-VALUE}).")
  String nameProperty;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      defaultValue = "fr",
      description = "fr or en: the words the command adds (default: ${DEFAULT-VALUE}).")
  String lang;

  /** Returns fr or en; anything else is a usage error. */
  String language() {
    return Options.choice(spec, "--lang", lang, "fr", "en");
  }

  /** Returns the departments asked for, upper case (2A, 2B), in order (empty: all). */
  Set<String> departmentSet() {
    Set<String> deps = new LinkedHashSet<>();
    if (departments != null) {
      for (String d : departments) {
        deps.add(d.trim().toUpperCase(java.util.Locale.ROOT));
      }
    }
    return deps;
  }

  /** Returns the code history of --cog-map, or none. */
  CodeHistory history() throws IOException {
    return cogMap == null
        ? CodeHistory.none()
        : CodeHistoryCsv.read(cogMap, ReadOptions.defaults());
  }

  /** Reads the polygons of --geometry. */
  CommuneShapes shapes() throws IOException {
    return CommuneShapes.read(geometry, codeProperty, nameProperty);
  }

  /** Adds the input files of these options to a command's list. */
  void addInputs(List<Path> inputs) {
    inputs.add(values);
    inputs.add(geometry);
    if (cogMap != null) {
      inputs.add(cogMap);
    }
    if (outlines != null) {
      inputs.add(outlines);
    }
  }
}
