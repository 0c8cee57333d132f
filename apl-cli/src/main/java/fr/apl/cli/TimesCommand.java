package fr.apl.cli;

import fr.apl.io.binary.MatrixFile;
import fr.apl.io.csv.CsvDialect;
import fr.apl.io.csv.InputException;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.problem.Problem;
import fr.apl.problem.Problems;
import fr.apl.problem.Validation;
import fr.apl.roads.RoadNetwork;
import fr.apl.roads.RoadTimes;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code apl times}: travel times from coordinates. */
@Command(
    name = "times",
    header = "Computes travel times from the coordinates of communes (crow-fly or roads).",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Writes a times table origin,destination,minutes from points. Crow-fly (the",
      "default): minutes = 60 * d * detour / speed, d the great-circle distance in km",
      "(haversine, R = 6371.0088 km). With --osm FILE: car times on the extract's",
      "roads, speeds after INSEE's Metric, each point snapped to its nearest road.",
      "Pairs up to --max-minutes (inclusive), self pairs at 0.",
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
      description =
          "crow-fly or roads (roads needs --osm). Default: roads with --osm, else" + " crow-fly.")
  String model;

  @Mixin
  RoadOptions roads;

  @Option(
      names = "--snaps",
      paramLabel = "FILE",
      description = "With --osm: writes each point's distance to its road, CSV"
          + " point,role,lat,lon,snap_metres,routed.")
  Path snaps;

  @Option(
      names = "--detour",
      paramLabel = "R",
      defaultValue = "1.3",
      description = "Crow-fly: road km per great-circle km, 1 to 10. Default: ${DEFAULT-VALUE}.")
  double detour;

  @Option(
      names = "--speed",
      paramLabel = "KMH",
      defaultValue = "60",
      description = "Crow-fly: mean speed in km/h. Default: ${DEFAULT-VALUE}.")
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
          + " 10-20, 20-40, 40+ km), on stderr. With --osm: the gap between the road times and"
          + " the table instead (median, 90th percentile). --output is then optional.")
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
    String m = model == null
        ? (roads.osm == null ? "crow-fly" : "roads")
        : Options.choice(spec, "--model", model, "crow-fly", "roads");
    if (m.equals("roads") && roads.osm == null) {
      throw new ParameterException(spec.commandLine(), "--model roads needs --osm FILE");
    }
    if (m.equals("crow-fly") && roads.osm != null) {
      throw new ParameterException(
          spec.commandLine(), "--model crow-fly and --osm contradict each other: leave one out");
    }
    roads.check();
    roads.refuseCrowFly("--detour", "--speed");
    if (snaps != null && roads.osm == null) {
      throw new ParameterException(spec.commandLine(), "--snaps needs --osm FILE");
    }
    if (snaps != null
        && output != null
        && (snaps.toString().equals(output)
            || snaps
                .toAbsolutePath()
                .normalize()
                .equals(Path.of(output).toAbsolutePath().normalize()))) {
      throw new ParameterException(
          spec.commandLine(), "--snaps and --output name the same file: give two");
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
    if (roads.osm != null) {
      inputs.add(roads.osm);
    }
    OutputTarget snapTarget = null;
    if (snaps != null) {
      snapTarget = OutputTarget.of("--snaps", snaps.toString(), inputs, force);
      if (snapTarget.refusal() != null) {
        throw new ParameterException(spec.commandLine(), snapTarget.refusal());
      }
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
      if (roads.osm != null) {
        return roadTimes(err, origins, dest, target, snapTarget, format, threadCount, t0);
      }
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
      writeMatrix(target, format, matrix);
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
      if (snapTarget != null) {
        snapTarget.discard();
      }
    }
  }

  /** Writes the matrix in the output's format (not committed). */
  private void writeMatrix(OutputTarget target, Format format, TravelTimeMatrix matrix)
      throws IOException {
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
  }

  /** The road model: opens the graph, computes, reports the points not routed, writes. */
  private int roadTimes(
      PrintWriter err,
      Points origins,
      Points dest,
      OutputTarget target,
      OutputTarget snapTarget,
      Format format,
      int threadCount,
      long t0)
      throws IOException {
    // The table to compare with is read first: a mistake in it must not wait for the routing.
    TravelTimeMatrix given = calibrate == null ? null : MatrixFile.readAny(calibrate, null);
    try (RoadNetwork network = roads.open(err, threadCount, quiet)) {
      Problems problems = new Problems();
      RoadTimes.Result r = roads
          .times(network, origins, maxMinutes, err, quiet)
          .destinations(dest)
          .name(points.toString())
          .build()
          .compute(threadCount, problems);
      long t1 = System.nanoTime();
      Validation v = problems.build();
      for (Problem p : v.problems()) {
        err.println(InputCheck.format(p));
      }
      if (v.notListed() > 0) {
        err.println("(" + v.notListed() + " more points not listed)");
      }
      if (given != null) {
        compare(err, given, r.matrix());
      }
      if (snapTarget != null) {
        snapTarget.check();
        snapTarget.write(w -> writeSnaps(w, origins, dest, r), stdout);
        snapTarget.commit();
      }
      if (target != null) {
        target.check();
        writeMatrix(target, format, r.matrix());
        target.commit();
      }
      if (!quiet) {
        double[] snapped = Arrays.stream(r.originSnapMetres())
            .filter(m -> m <= roads.maxSnap)
            .sorted()
            .toArray();
        err.printf(
            Locale.ROOT,
            "apl times: %d points%s, %d routed (their snap to the road: median %.0f m, max %.0f m), %d pairs"
                + " within %s minutes by road%s in %.2f s (routing %.2f s, %d road nodes"
                + " settled)%n",
            origins.size(),
            dest == null ? "" : " x " + dest.size() + " destinations",
            r.routedOrigins(),
            snapped.length == 0 ? Double.NaN : snapped[snapped.length / 2],
            snapped.length == 0 ? Double.NaN : snapped[snapped.length - 1],
            r.matrix().pairCount(),
            CsvDialect.STANDARD.number(maxMinutes),
            output == null ? "" : " -> " + output,
            (System.nanoTime() - t0) / 1e9,
            (t1 - t0) / 1e9,
            r.settledNodes());
      }
      return ExitCodes.OK;
    }
  }

  /** Writes each point's snap: {@code point,role,lat,lon,snap_metres,routed}. */
  private void writeSnaps(Writer w, Points origins, Points dest, RoadTimes.Result r)
      throws IOException {
    w.write("point,role,lat,lon,snap_metres,routed\n");
    snapRows(w, origins, dest == null ? "point" : "origin", r.originSnapMetres());
    if (dest != null) {
      snapRows(w, dest, "destination", r.destinationSnapMetres());
    }
  }

  private void snapRows(Writer w, Points p, String role, double[] metres) throws IOException {
    for (int i = 0; i < p.size(); i++) {
      boolean found = Double.isFinite(metres[i]);
      w.write(quote(p.code(i)) + "," + role + ","
          + CsvDialect.STANDARD.number(p.latitude(i)) + ","
          + CsvDialect.STANDARD.number(p.longitude(i)) + ","
          + (found ? String.format(Locale.ROOT, "%.1f", metres[i]) : "") + ","
          + (found && metres[i] <= roads.maxSnap ? "yes" : "no") + "\n");
    }
  }

  private static String quote(String field) {
    if (field.indexOf(',') < 0
        && field.indexOf('"') < 0
        && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  /**
   * Compares road times with a given table on the pairs both hold (self pairs left out): the
   * median and 90th percentile of the gap, in minutes, on stderr.
   */
  private void compare(PrintWriter err, TravelTimeMatrix given, TravelTimeMatrix road) {
    // The given table's codes as road indices, then each road row matched in one pass over the
    // given row: linear in the pairs of both.
    Map<String, Integer> roadIndex = new HashMap<>();
    String[] rc = road.codes();
    for (int i = 0; i < rc.length; i++) {
      roadIndex.put(rc[i], i);
    }
    String[] gc = given.codes();
    int[] asRoad = new int[gc.length];
    for (int i = 0; i < gc.length; i++) {
      asRoad[i] = roadIndex.getOrDefault(gc[i], -1);
    }
    // givenAt[d] holds the given row's time to d while givenRow[d] names that row: no clearing.
    double[] givenAt = new double[rc.length];
    int[] givenRow = new int[rc.length];
    Arrays.fill(givenRow, -1);
    double[] gaps = new double[road.pairCount()];
    double[] signed = new double[road.pairCount()];
    int n = 0;
    for (int gi = 0; gi < gc.length; gi++) {
      int i = asRoad[gi];
      if (i < 0) {
        continue;
      }
      for (int q = given.rowStart()[gi]; q < given.rowStart()[gi + 1]; q++) {
        int d = asRoad[given.destinations()[q]];
        if (d >= 0) {
          givenAt[d] = given.minutes()[q];
          givenRow[d] = gi;
        }
      }
      for (int k = road.rowStart()[i]; k < road.rowStart()[i + 1]; k++) {
        int d = road.destinations()[k];
        if (d != i && givenRow[d] == gi) {
          signed[n] = road.minutes()[k] - givenAt[d];
          gaps[n] = Math.abs(signed[n]);
          n++;
        }
      }
    }
    if (n == 0) {
      throw new InputException(
          calibrate.toString(),
          0,
          "has no pair in common with the road"
              + " times (self pairs left out): are the codes the same?");
    }
    double[] g = Arrays.copyOf(gaps, n);
    double[] s = Arrays.copyOf(signed, n);
    Arrays.sort(g);
    Arrays.sort(s);
    err.printf(
        Locale.ROOT,
        "apl times --calibrate %s: %d pairs in both (self pairs left out); road minus given:"
            + " median %.2f min; |gap| median %.2f min, 90th percentile %.2f min%n",
        calibrate,
        n,
        s[n / 2],
        g[n / 2],
        g[(int) Math.min(n - 1, Math.ceil(0.9 * n) - 1)]);
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
