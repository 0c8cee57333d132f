package fr.apl.cli;

import fr.apl.commune.CodeHistory;
import fr.apl.geo.CommuneShapes;
import fr.apl.geo.MapClasses;
import fr.apl.geo.ResultTable;
import fr.apl.geo.map.CommuneMap;
import fr.apl.io.csv.InputException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code apl map}: a choropleth of a result column, SVG or PNG. */
@Command(
    name = "map",
    header = "Draws a map of a result column (SVG or PNG), in Lambert-93.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Joins a column of a result table (apl compute, a zoning's communes) to commune polygons",
      "and draws it in classes: the DREES classes [0; 2.5[, [2.5; 4[, [4; +inf[ by default.",
      "The legend counts communes and inhabitants per class; communes without a value are",
      "hatched; department outlines are drawn when there are several. The format follows the",
      "extension of --output: .svg or .png."
    },
    footer = ExitCodes.HELP)
final class MapCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  GeoOptions geo;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "The map: .svg or .png.")
  String output;

  @Option(
      names = "--column",
      paramLabel = "NAME",
      defaultValue = "apl",
      description = "Column drawn (default: ${DEFAULT-VALUE}); a capped or scenario column, or a"
          + " zoning class column (class, final_class: drawn as categories).")
  String column;

  @Option(
      names = "--minus",
      paramLabel = "NAME",
      description = "Draw --column minus this column (a scenario against apl, say); the"
          + " classes then need --breaks.")
  String minus;

  @Option(
      names = "--breaks",
      paramLabel = "CUTS|quantiles:N|equal:N",
      description = "Classes: increasing cuts such as 2.5,4 (the default, DREES), quantiles:N"
          + " (N classes of equal population) or equal:N (N classes of equal commune counts).")
  String breaks;

  @Option(
      names = "--categories",
      paramLabel = "A,B,...",
      split = ",",
      description = "Draw the column as categories in this order, least served first (default"
          + " for class columns: the zoning's classes).")
  List<String> categories;

  @Option(
      names = "--communes",
      paramLabel = "FILE",
      description = "Only the communes of this table (a commune column: a list, or INSEE's"
          + " table d'appartenance with --where for a region).")
  Path communes;

  @Option(
      names = "--where",
      paramLabel = "COLUMN=VALUE",
      description = "With --communes: only its rows whose COLUMN is VALUE (e.g. REG=84).")
  String where;

  @Option(
      names = "--weight",
      paramLabel = "NAME",
      description = "Inhabitants column for the legend counts and for cities drawn whole"
          + " (default: residents, else population, when present).")
  String weight;

  @Option(names = "--title", paramLabel = "TEXT", description = "Title of the map.")
  String title;

  @Option(
      names = "--source",
      paramLabel = "TEXT",
      description = "A line added under the map (repeatable): method, parameters, data year,"
          + " which inputs are estimates. The files drawn and the classes are always named.")
  List<String> source;

  @Option(
      names = "--width",
      paramLabel = "PX",
      defaultValue = "1600",
      description = "Width of a PNG in pixels, 200 to 8000 (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--force", description = "Replace --output if it exists.")
  boolean force;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print errors only.")
  boolean quiet;

  private final PrintStream stdout;

  MapCommand(PrintStream stdout) {
    this.stdout = stdout;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String ext = output.toLowerCase(Locale.ROOT);
    boolean png = ext.endsWith(".png");
    if (!png && !ext.endsWith(".svg")) {
      throw new ParameterException(
          spec.commandLine(), "--output must end in .svg or .png, given: " + output);
    }
    String language = geo.language();
    if (width < 200 || width > 8000) {
      throw new ParameterException(
          spec.commandLine(), "--width must be from 200 to 8000 pixels, given: " + width);
    }
    List<Path> inputs = new ArrayList<>();
    geo.addInputs(inputs);
    if (communes != null) {
      inputs.add(communes);
    }
    if (where != null && (communes == null || !where.contains("="))) {
      throw new ParameterException(
          spec.commandLine(), "--where takes COLUMN=VALUE and needs --communes, given: " + where);
    }
    OutputTarget target = OutputTarget.of("--output", output, inputs, force);
    if (target.refusal() != null) {
      throw new ParameterException(spec.commandLine(), target.refusal());
    }
    try {
      ResultTable table = ResultTable.read(geo.values);
      boolean categorical =
          categories != null || column.toLowerCase(Locale.ROOT).endsWith("class");
      MapClasses classes = categorical ? null : classes(table);
      CodeHistory history = geo.history();
      CommuneShapes shapes = geo.shapes();
      String w = weightColumn(table);
      Set<String> deps = geo.departmentSet();
      boolean fr = language.equals("fr");
      String shown = minus == null ? column : column + " - " + minus;
      CommuneMap.Result map = CommuneMap.build(
          shapes,
          new CommuneMap.Request(
              table,
              column,
              minus,
              categorical,
              categorical ? categoryOrder(table) : null,
              classes,
              w,
              deps,
              kept(),
              geo.outlines == null ? null : outlineShapes(),
              history,
              title != null
                  ? title
                  : (fr ? "Accessibilité potentielle localisée : " : "Local potential access: ")
                      + shown,
              legendTitle(shown, fr),
              sourceLines(fr),
              language));
      if (png) {
        target.writeBytes(out -> map.map().writePng(out, width), stdout);
      } else {
        target.write(wr -> map.map().writeSvg(wr), stdout);
      }
      target.commit();
      if (!quiet) {
        err.printf(
            Locale.ROOT,
            "apl map: %d communes drawn in %s%n",
            map.drawn(),
            target.file() == null ? "stdout" : output);
        long[] counts = map.map().communesByClass();
        double[] people = map.map().inhabitantsByClass();
        for (int k = 0; k < map.classes().size(); k++) {
          err.printf(
              Locale.ROOT,
              "  %-14s %6d communes  %12.0f %s%n",
              map.classes().labels().get(k),
              counts[k],
              people[k],
              w == null ? "" : w);
        }
        for (String note : map.notes()) {
          err.println("  " + note);
        }
      }
      return ExitCodes.OK;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    } catch (InputException | IOException e) {
      return Failures.exitCode(err, e, inputs);
    }
  }

  /** The communes of --communes (rows matching --where), or null for all. */
  private Set<String> kept() throws IOException {
    if (communes == null) {
      return null;
    }
    ResultTable t = ResultTable.read(communes);
    if (where == null) {
      return new java.util.TreeSet<>(t.codes());
    }
    String col = where.substring(0, where.indexOf('=')).trim();
    String value = where.substring(where.indexOf('=') + 1).trim();
    Set<String> out = new java.util.TreeSet<>();
    for (var e : t.text(col).entrySet()) {
      if (e.getValue().equals(value)) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  private List<org.locationtech.jts.geom.Geometry> outlineShapes() throws IOException {
    List<org.locationtech.jts.geom.Geometry> out = new ArrayList<>();
    for (var s :
        CommuneShapes.read(geo.outlines, geo.codeProperty, null).byCode().values()) {
      out.add(s.geometry());
    }
    return out;
  }

  private MapClasses classes(ResultTable table) {
    if (breaks == null) {
      if (minus != null) {
        throw new ParameterException(
            spec.commandLine(), "--minus draws a difference: give its classes with --breaks");
      }
      return MapClasses.drees();
    }
    String b = breaks.trim().toLowerCase(Locale.ROOT);
    try {
      if (b.startsWith("quantiles:") || b.startsWith("equal:")) {
        int n = Integer.parseInt(b.substring(b.indexOf(':') + 1));
        var nums = CommuneMap.drawn(table, column, minus);
        String wc = weightColumn(table);
        var ws = b.startsWith("equal:") || wc == null ? null : table.numbers(wc);
        double[] v = new double[nums.size()];
        double[] weights = new double[nums.size()];
        int k = 0;
        for (var e : nums.entrySet()) {
          v[k] = e.getValue();
          weights[k] = ws == null ? 1 : Math.max(0, ws.get(e.getKey()));
          k++;
        }
        return MapClasses.quantiles(n, v, weights);
      }
      return MapClasses.breaks(Options.numbers(spec, "--breaks", breaks));
    } catch (NumberFormatException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--breaks takes cuts such as 2.5,4, quantiles:N or equal:N, given: " + breaks);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--breaks: " + e.getMessage());
    }
  }

  /** The zoning classes in their order when the column holds them, else as given. */
  private List<String> categoryOrder(ResultTable table) {
    if (categories != null) {
      return categories;
    }
    Set<String> present = new LinkedHashSet<>(table.text(column).values());
    for (List<String> order : List.of(
        List.of("zip", "zac", "vivier", "hors_zonage"),
        List.of("tres_sous_dotee", "sous_dotee", "intermediaire", "tres_dotee", "sur_dotee"))) {
      if (order.containsAll(present.stream().filter(s -> !s.isEmpty()).toList())) {
        return order.stream().filter(present::contains).toList();
      }
    }
    return null;
  }

  private String weightColumn(ResultTable table) {
    if (weight != null) {
      if (table.column(weight) < 0) {
        throw new ParameterException(
            spec.commandLine(), "--weight: " + geo.values + " has no column " + weight);
      }
      return weight;
    }
    return table.column("residents") >= 0
        ? "residents"
        : table.column("population") >= 0 ? "population" : null;
  }

  private String legendTitle(String shown, boolean fr) {
    if (categories != null || column.toLowerCase(Locale.ROOT).endsWith("class")) {
      return fr ? "Classe de zonage (" + shown + ")" : "Zoning class (" + shown + ")";
    }
    if (shown.equals("apl") || shown.startsWith("apl_")) {
      return fr
          ? "APL (consultations par an et par habitant)"
          : "APL (consultations per year per inhabitant)";
    }
    return shown;
  }

  private List<String> sourceLines(boolean fr) {
    List<String> lines = new ArrayList<>(
        List.of(
            (fr ? "Valeurs : " : "Values: ")
                + geo.values.getFileName()
                + (fr ? " ; polygones : " : "; polygons: ")
                + geo.geometry.getFileName()
                + (fr ? " (Lambert-93, EPSG:2154)" : " (Lambert-93, EPSG:2154)"),
            fr
                ? "Classes APL de la DREES : [0; 2,5[, [2,5; 4[, [4; +∞[ consultations par an et par habitant standardisé"
                : "DREES APL classes: [0; 2.5[, [2.5; 4[, [4; +inf[ consultations per year per standardised inhabitant"));
    if (breaks != null || minus != null || column.toLowerCase(Locale.ROOT).endsWith("class")) {
      lines.remove(1);
    }
    if (source != null) {
      lines.addAll(source);
    }
    return lines;
  }
}
