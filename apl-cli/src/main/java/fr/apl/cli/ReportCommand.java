package fr.apl.cli;

import fr.apl.commune.CodeHistory;
import fr.apl.geo.CommuneShapes;
import fr.apl.geo.ResultTable;
import fr.apl.geo.report.Report;
import fr.apl.io.csv.InputException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Geometry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code apl report}: one self-contained HTML page of figures, maps and tables. */
@Command(
    name = "report",
    header = "Writes an HTML report of a result table: the ARS sentences, maps, distribution.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "One HTML file that opens from disk (no network, no script) and prints on A4:",
      "- the sentences of the ARS slides, \"N habitants dans M communes ont moins de",
      "  2,5 consultations par an ; K communes sous 1\", for the territory and each",
      "  department, and without the doctors aged 65 or more (--capped-column);",
      "- the map in the DREES classes [0; 2.5[, [2.5; 4[, [4; +inf[;",
      "- the distribution of APL weighted by inhabitants;",
      "- the 10 least and the 10 best served communes;",
      "- the zoning classes (--zoning);",
      "- each scenario column before and after, with the communes changing class;",
      "- the inputs with their size and sha256.",
      "Its figures are those of apl zoning --figures. The sentences go to stderr too."
    },
    footer = ExitCodes.HELP)
final class ReportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  GeoOptions geo;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "The report: .html (or - for stdout).")
  String output;

  @Option(
      names = "--column",
      paramLabel = "NAME",
      defaultValue = "apl",
      description =
          "APL column (default: ${DEFAULT-VALUE}); columns NAME_SCENARIO are its" + " scenarios.")
  String column;

  @Option(
      names = "--capped-column",
      paramLabel = "NAME",
      description = "Age-capped column of the foreseeable view (default: the column followed by"
          + " _moins65, e.g. apl_moins65, when present; 'none' for no such view).")
  String cappedColumn;

  @Option(
      names = "--zoning",
      paramLabel = "FILE",
      description = "The territory table (--output) or the commune table (--communes) of apl"
          + " zoning: its classes are counted (and mapped, for the commune table).")
  Path zoning;

  @Option(names = "--title", paramLabel = "TEXT", description = "Title of the report.")
  String title;

  @Option(
      names = "--estimates",
      description = "Say that the values come from estimated inputs (the travel times, supply and"
          + " doctors of data-samples); implied when --values lies in a data-samples folder.")
  boolean estimates;

  @Option(names = "--force", description = "Replace --output if it exists.")
  boolean force;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print errors only.")
  boolean quiet;

  /** Departments up to which their sentences are printed on stderr too. */
  static final int MAX_PRINTED = 15;

  private final PrintStream stdout;

  ReportCommand(PrintStream stdout) {
    this.stdout = stdout;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String ext = output.toLowerCase(Locale.ROOT);
    if (!output.equals("-") && !ext.endsWith(".html") && !ext.endsWith(".htm")) {
      throw new ParameterException(
          spec.commandLine(), "--output must end in .html (or be - for stdout), given: " + output);
    }
    String language = geo.language();
    List<Report.InputFile> files = new ArrayList<>();
    files.add(new Report.InputFile("--values", geo.values));
    files.add(new Report.InputFile("--geometry", geo.geometry));
    if (geo.cogMap != null) {
      files.add(new Report.InputFile("--cog-map", geo.cogMap));
    }
    if (geo.outlines != null) {
      files.add(new Report.InputFile("--outlines", geo.outlines));
    }
    if (zoning != null) {
      files.add(new Report.InputFile("--zoning", zoning));
    }
    List<Path> inputs = new ArrayList<>();
    for (Report.InputFile f : files) {
      inputs.add(f.file());
    }
    OutputTarget target = OutputTarget.of("--output", output, inputs, force);
    if (target.refusal() != null) {
      throw new ParameterException(spec.commandLine(), target.refusal());
    }
    try {
      target.check();
      ResultTable table = ResultTable.read(geo.values);
      if (table.column(column) < 0) {
        throw new ParameterException(
            spec.commandLine(),
            "--column: " + geo.values + " has no column " + column + " (the columns: "
                + String.join(", ", table.header()) + ")");
      }
      String capped = cappedColumn(table);
      Set<String> deps = geo.departmentSet();
      CodeHistory history = geo.history();
      CommuneShapes shapes = geo.shapes();
      Report report = Report.build(new Report.Request(
          table,
          shapes,
          history,
          geo.outlines == null ? null : outlineShapes(deps),
          column,
          capped,
          zoning,
          deps,
          language,
          title,
          estimates || inSamples(geo.values),
          files,
          new Main.Version().getVersion()[0]));
      target.write(report::writeHtml, stdout);
      target.commit();
      if (!quiet) {
        err.printf(
            Locale.ROOT,
            "apl report: %d communes of %d department%s, %d map%s, %d scenario%s in %s%n",
            report.figures().get(0).communes(),
            report.departments().size(),
            report.departments().size() == 1 ? "" : "s",
            report.maps(),
            report.maps() == 1 ? "" : "s",
            report.scenarioColumns().size(),
            report.scenarioColumns().size() == 1 ? "" : "s",
            target.file() == null ? "stdout" : output);
        // The departments' sentences when they are few (a region); France's 100 are in the
        // report.
        int shown = report.departments().size();
        for (Report.Sentence s : report.sentences()) {
          if (s.level().equals("department") && (shown == 1 || shown > MAX_PRINTED)) {
            continue;
          }
          err.println("  " + s.label() + (language.equals("fr") ? " : " : ": ") + s.text());
        }
        for (String note : report.notes()) {
          err.println("  " + note);
        }
      }
      return ExitCodes.OK;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    } catch (InputException | IOException e) {
      return Failures.exitCode(err, e, inputs);
    } finally {
      target.discard();
    }
  }

  /** The given capped column, the default one when present, or null. */
  private String cappedColumn(ResultTable table) {
    if (cappedColumn == null) {
      String byDefault = column + "_moins65";
      return table.column(byDefault) >= 0 ? table.header().get(table.column(byDefault)) : null;
    }
    if (cappedColumn.equalsIgnoreCase("none")) {
      return null;
    }
    if (table.column(cappedColumn) < 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--capped-column: " + geo.values + " has no column " + cappedColumn + " (the columns: "
              + String.join(", ", table.header()) + ")");
    }
    return cappedColumn;
  }

  /** The outlines: the departments reported when the file has their codes, else all of it. */
  private List<Geometry> outlineShapes(Set<String> deps) throws IOException {
    Map<String, CommuneShapes.Shape> byCode =
        CommuneShapes.read(geo.outlines, geo.codeProperty, null).byCode();
    boolean filter = !deps.isEmpty() && byCode.keySet().containsAll(deps);
    List<Geometry> out = new ArrayList<>();
    for (CommuneShapes.Shape s : byCode.values()) {
      if (!filter || deps.contains(s.code())) {
        out.add(s.geometry());
      }
    }
    return out;
  }

  /** True when a file lies in a folder named data-samples (the bundled, estimated inputs). */
  static boolean inSamples(Path file) {
    for (Path p = file.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (p.getFileName() != null && p.getFileName().toString().equals("data-samples")) {
        return true;
      }
    }
    return false;
  }
}
