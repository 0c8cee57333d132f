package fr.apl.cli;

import fr.apl.io.binary.MatrixFile;
import fr.apl.io.csv.CsvDialect;
import fr.apl.io.csv.InputException;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.routing.Calibration;
import fr.apl.routing.CrowFly;
import fr.apl.routing.Points;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code apl times}: travel times from coordinates. */
@Command(
    name = "times",
    header = "Computes travel times from the coordinates of communes (crow-fly).",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Writes a times table origin,destination,minutes from points: minutes =",
      "60 * d * detour / speed, d the great-circle distance in km (haversine,",
      "R = 6371.0088 km); pairs up to --max-minutes (inclusive), self pairs at 0.",
      "The output's extension chooses the format: .csv, .csv.gz, or .aplm (the binary",
      "matrix of apl matrix convert); '-' writes the CSV to stdout. apl compute reads",
      "any of them with --times, or takes --points itself."
    },
    footer = ExitCodes.HELP)
final class TimesCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(
      names = "--points",
      required = true,
      paramLabel = "FILE",
      description = "Points of the communes: code,lat,lon (WGS84; columns code_commune, commune"
          + " or code; lat or latitude; lon, lng or longitude) or code,x,y with --crs 2154"
          + " (x or x_l93, y or y_l93). A row with both coordinates empty is left out, with a"
          + " warning.")
  Path points;

  @Option(
      names = "--crs",
      paramLabel = "EPSG",
      defaultValue = "4326",
      description = "4326 (WGS84 degrees) or 2154 (Lambert-93 metres). Default: ${DEFAULT-VALUE}.")
  String crs;

  @Option(
      names = "--destinations",
      paramLabel = "FILE",
      description = "Supply points that are not communes (practice addresses), in the layout of"
          + " --points: the pairs are then points x destinations.")
  Path destinations;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      defaultValue = "crow-fly",
      description = "crow-fly (the road model on OpenStreetMap is not built yet)."
          + " Default: ${DEFAULT-VALUE}.")
  String model;

  @Option(
      names = "--detour",
      paramLabel = "R",
      defaultValue = "1.3",
      description = "Road km per great-circle km, 1 to 10. Default: ${DEFAULT-VALUE}.")
  double detour;

  @Option(
      names = "--speed",
      paramLabel = "KMH",
      defaultValue = "60",
      description = "Mean speed in km/h. Default: ${DEFAULT-VALUE}.")
  double speed;

  @Option(
      names = "--max-minutes",
      paramLabel = "M",
      defaultValue = "30",
      description = "Pairs kept up to M minutes, inclusive. Default: ${DEFAULT-VALUE}.")
  double maxMinutes;

  @Option(
      names = "--calibrate",
      paramLabel = "TIMES",
      description = "A times table (CSV or matrix file) to fit the model to: prints minutes per"
          + " km, the speed for --detour and the error, overall and by distance class (0-10,"
          + " 10-20, 20-40, 40+ km), on stderr. --output is then optional.")
  Path calibrate;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads, 1 to " + Options.MAX_THREADS + " (default: the machine's"
          + " processors); the output does not depend on it.")
  Integer threads;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "The times to write: .csv, .csv.gz or .aplm ('-': CSV on stdout), through a"
          + " temporary file moved into place at the end.")
  String output;

  @Option(names = "--force", description = "Replace the output file if it exists.")
  boolean force;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print no summary (warnings and errors still go to stderr).")
  boolean quiet;

  private final PrintStream stdout;

  TimesCommand(PrintStream stdout) {
    this.stdout = stdout;
  }

  /** The output formats, by the output's extension. */
  private enum Format {
    CSV,
    CSV_GZ,
    MATRIX
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    int threadCount = Options.threads(spec, "--threads", threads);
    String m = model.trim().toLowerCase(Locale.ROOT);
    if (!m.equals("crow-fly")) {
      throw new ParameterException(
          spec.commandLine(),
          "--model " + model + ": the road model (OpenStreetMap) is not built yet; only"
              + " crow-fly is available");
    }
    Points.Crs system = Options.choice(spec, "--crs", crs, "4326", "2154").equals("4326")
        ? Points.Crs.WGS84
        : Points.Crs.LAMBERT93;
    if (output == null && calibrate == null) {
      throw new ParameterException(spec.commandLine(), "give --output (or --calibrate TIMES)");
    }
    checkModel(spec, null, detour, speed, maxMinutes);
    List<Path> inputs = new ArrayList<>();
    inputs.add(points);
    if (destinations != null) {
      inputs.add(destinations);
    }
    if (calibrate != null) {
      inputs.add(calibrate);
    }
    OutputTarget target =
        output == null ? null : OutputTarget.of("--output", output, inputs, force);
    if (target != null && target.refusal() != null) {
      throw new ParameterException(spec.commandLine(), target.refusal());
    }
    Format format = format(output);
    if (target != null && target.isStdout() && format == Format.MATRIX) {
      throw new ParameterException(spec.commandLine(), "--output - writes CSV only");
    }
    try {
      if (target != null) {
        target.check();
      }
      long t0 = System.nanoTime();
      Points origins = Points.read(points, system);
      Points dest = destinations == null ? null : Points.read(destinations, system);
      warn(err, origins);
      warn(err, dest);
      CrowFly crowFly = checkModel(spec, origins, detour, speed, maxMinutes)
          .destinations(dest)
          .name(points.toString())
          .build();
      if (calibrate != null) {
        calibrate(err, origins, crowFly);
      }
      if (target == null) {
        return ExitCodes.OK;
      }
      TravelTimeMatrix matrix = crowFly.compute(threadCount);
      long t1 = System.nanoTime();
      if (format == Format.MATRIX) {
        target.writeBytes(out -> MatrixFile.write(matrix, out), stdout);
      } else if (format == Format.CSV_GZ && !target.isStdout()) {
        target.writeBytes(
            out -> {
              GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
              Writer w =
                  new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16);
              writeCsv(matrix, w);
              w.flush();
              gz.finish();
            },
            stdout);
      } else {
        target.write(w -> writeCsv(matrix, w), stdout);
      }
      target.commit();
      if (!quiet) {
        err.printf(
            Locale.ROOT,
            "apl times: %d points%s, %d pairs within %s minutes (crow-fly, detour %s, %s km/h)"
                + " -> %s in %.2f s (times %.2f s)%n",
            origins.size(),
            dest == null ? "" : " x " + dest.size() + " destinations",
            matrix.pairCount(),
            CsvDialect.STANDARD.number(maxMinutes),
            CsvDialect.STANDARD.number(detour),
            CsvDialect.STANDARD.number(speed),
            output,
            (System.nanoTime() - t0) / 1e9,
            (t1 - t0) / 1e9);
      }
      return ExitCodes.OK;
    } catch (InputException | IOException e) {
      return Failures.exitCode(err, e, inputs);
    } finally {
      if (target != null) {
        target.discard();
      }
    }
  }

  /**
   * Returns a crow-fly builder over the points with the options' parameters (a dummy point when
   * {@code points} is null, to check the options before reading anything); a value out of range
   * is a usage error naming its option.
   */
  static CrowFly.Builder checkModel(
      CommandSpec spec, Points points, double detour, double speed, double maxMinutes) {
    CrowFly.Builder b = CrowFly.builder(
        points != null ? points : Points.of(new String[] {"x"}, new double[1], new double[1]));
    try {
      b.detour(detour);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--detour: " + e.getMessage());
    }
    try {
      b.speedKmh(speed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--speed: " + e.getMessage());
    }
    try {
      b.maxMinutes(maxMinutes);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--max-minutes: " + e.getMessage());
    }
    return b;
  }

  /** Prints the rows a points file left out. */
  static void warn(PrintWriter err, Points p) {
    if (p != null) {
      for (String w : p.warnings()) {
        err.println("apl: warning: " + w);
      }
    }
  }

  private void calibrate(PrintWriter err, Points origins, CrowFly crowFly) throws IOException {
    TravelTimeMatrix given = MatrixFile.readAny(calibrate, null);
    Calibration.Result r;
    try {
      r = Calibration.fit(given, origins, detour);
    } catch (IllegalArgumentException e) {
      throw new InputException(calibrate.toString(), 0, e.getMessage());
    }
    double[] now = Calibration.error(given, origins, crowFly);
    err.printf(
        Locale.ROOT,
        "apl times --calibrate %s: %d pairs with points at both ends (%d left out, self pairs"
            + " not counted)%n",
        calibrate,
        r.pairs(),
        r.unlocated());
    err.printf(
        Locale.ROOT,
        "  as given (detour %s, %s km/h): |error| median %.2f min, 90th percentile %.2f min%n",
        CsvDialect.STANDARD.number(detour),
        CsvDialect.STANDARD.number(speed),
        now[1],
        now[2]);
    err.printf(
        Locale.ROOT,
        "  fitted: %.4f min per km = --detour %s --speed %.2f: |error| median %.2f min, 90th"
            + " percentile %.2f min%n",
        r.minutesPerKm(),
        CsvDialect.STANDARD.number(detour),
        r.speedKmh(),
        r.medianError(),
        r.p90Error());
    err.printf(
        Locale.ROOT,
        "  by distance class, minutes = a + b * km: |error| median %.2f min, 90th percentile"
            + " %.2f min%n",
        r.classMedianError(),
        r.classP90Error());
    for (Calibration.ClassFit c : r.classes()) {
      err.printf(
          Locale.ROOT,
          "    %s-%s km: %d pairs, a %.2f min, b %.4f min/km, |error| median %.2f, p90 %.2f%n",
          CsvDialect.STANDARD.number(c.fromKm()),
          Double.isInfinite(c.toKm()) ? "" : CsvDialect.STANDARD.number(c.toKm()),
          c.pairs(),
          c.interceptMinutes(),
          c.minutesPerKm(),
          c.medianError(),
          c.p90Error());
    }
  }

  private static Format format(String output) {
    if (output == null) {
      return Format.CSV;
    }
    String o = output.toLowerCase(Locale.ROOT);
    if (o.endsWith(".aplm")) {
      return Format.MATRIX;
    }
    return o.endsWith(".gz") ? Format.CSV_GZ : Format.CSV;
  }

  /**
   * Writes {@code origin,destination,minutes}, rows by origin then destination in code order,
   * minutes in the shortest decimal that reads back as the same double.
   */
  static void writeCsv(TravelTimeMatrix matrix, Writer w) throws IOException {
    w.write("origin,destination,minutes\n");
    int[] rowStart = matrix.rowStart();
    int[] dest = matrix.destinations();
    double[] minutes = matrix.minutes();
    String[] codes = matrix.codes();
    StringBuilder line = new StringBuilder(64);
    for (int i = 0; i < codes.length; i++) {
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        line.setLength(0);
        line.append(codes[i])
            .append(',')
            .append(codes[dest[k]])
            .append(',')
            .append(CsvDialect.STANDARD.number(minutes[k]))
            .append('\n');
        w.append(line);
      }
    }
  }
}
