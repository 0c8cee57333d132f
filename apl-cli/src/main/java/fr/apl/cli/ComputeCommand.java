package fr.apl.cli;

import fr.apl.core.AplResult;
import fr.apl.core.Diagnostics;
import fr.apl.core.VariantDiagnostics;
import fr.apl.decay.Decay;
import fr.apl.demand.Population;
import fr.apl.demand.Rescaling;
import fr.apl.engine.Engine;
import fr.apl.engine.EngineNotFoundException;
import fr.apl.io.TimesFile;
import fr.apl.io.csv.AplCsv;
import fr.apl.io.csv.CsvDialect;
import fr.apl.io.csv.InputException;
import fr.apl.job.AplJob;
import fr.apl.job.AplRequest;
import fr.apl.job.AplRun;
import fr.apl.job.MemoryException;
import fr.apl.job.RequestException;
import fr.apl.profession.Parameter;
import fr.apl.profession.Profession;
import fr.apl.roads.RoadNetwork;
import fr.apl.routing.Points;
import fr.apl.supply.Activity;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code apl compute}: APL of every commune of a population file. */
@Command(
    name = "compute",
    header = "Computes the APL of every commune (E2SFCA, DREES method).",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Computes the APL of every commune of the population file (E2SFCA, DREES method):",
      "  D_j = sum_i w(t_ij) P_i,  R_j = S_j / D_j,  APL_i = sum_j w(t_ij) R_j",
      "Writes CSV 'commune,apl[,apl_moinsNN...],population[,residents],practices_in_reach'",
      "sorted by commune code; prints a summary and the diagnostics on stderr.",
      "With --method other than e2sfca, each column apl... is access_NAME... instead:",
      "access_3sfca, access_3sfca_moins65, access_3sfca_SCENARIO, access_3sfca_weights2022."
    },
    footer = ExitCodes.HELP)
final class ComputeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  TimesSource timesSource;

  /** The travel times: a table, or points to compute crow-fly times from. */
  static final class TimesSource {
    @Option(
        names = "--times",
        required = true,
        paramLabel = "FILE",
        description = "Travel times: origin,destination,minutes or INSEE Metric COM1,COM2,KM,HC,HP"
            + " (.csv or .csv.gz, ',' or ';'), or a matrix file from apl matrix convert.")
    Path times;

    @Option(
        names = "--points",
        required = true,
        paramLabel = "FILE",
        description = "Instead of --times: points of the communes (code,lat,lon, or code,x,y with"
            + " --crs 2154, as apl times reads them); times computed in memory, crow-fly with"
            + " --detour and --speed or by road with --osm, pairs up to --max-minutes when"
            + " given, else 30 minutes.")
    Path points;
  }

  @Option(
      names = "--crs",
      paramLabel = "EPSG",
      defaultValue = "4326",
      description = "With --points: 4326 (WGS84 degrees) or 2154 (Lambert-93 metres)."
          + " Default: ${DEFAULT-VALUE}.")
  String crs;

  @Option(
      names = "--detour",
      paramLabel = "R",
      defaultValue = "1.3",
      description = "With --points: road km per great-circle km. Default: ${DEFAULT-VALUE}.")
  double detour;

  @Option(
      names = "--speed",
      paramLabel = "KMH",
      defaultValue = "60",
      description = "With --points: mean speed in km/h. Default: ${DEFAULT-VALUE}.")
  double speed;

  @Mixin
  RoadOptions roads;

  /** The --times or --points file, for messages and the input list. */
  private Path times;

  @ArgGroup(exclusive = true, multiplicity = "1")
  SupplySource supplySource;

  static final class SupplySource {
    @Option(
        names = "--supply",
        required = true,
        paramLabel = "FILE",
        description = "Supply per practice commune: commune,consultations[,consultations_moins65].")
    Path supply;

    @Option(
        names = "--doctors",
        required = true,
        paramLabel = "FILE",
        description = "Doctors, one row per practice: doctor_id,commune,acts,age,mode,"
            + "new_installation; counted with the DREES bounds.")
    Path doctors;
  }

  @Option(
      names = "--population",
      required = true,
      paramLabel = "FILE",
      description = "Population per commune: commune,population (standardised) or INSEE age bands"
          + " p_0_4 ... p_85_89, p_90p (or p_90_94, p_95p).")
  Path population;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      defaultValue = "-",
      description = "Where to write the APL table; '-' for stdout (default: ${DEFAULT-VALUE})."
          + " The format follows the extension: .geojson (RFC 7946, needs --geometry), .gpkg"
          + " (GeoPackage, Lambert-93, needs --geometry), .xlsx (a spreadsheet: codes as text,"
          + " names with --geometry, the DREES class, sheets of figures and parameters), CSV"
          + " otherwise.")
  String output;

  @Option(
      names = "--geometry",
      paramLabel = "FILE",
      description =
          "Commune polygons (GeoJSON or GeoPackage, properties code and nom) for a .geojson,"
              + " .gpkg or .xlsx output; merged communes' polygons are dissolved with --cog-map.")
  Path geometry;

  @Option(
      names = "--age-caps",
      paramLabel = "AGES",
      split = ",",
      description = "Also compute APL without doctors aged AGE or more, one column apl_moinsAGE"
          + " each (e.g. 65,62,60). Default: 65 when the doctors have ages or the supply has"
          + " consultations_moins65; 'none' for no capped variant.")
  List<String> ageCaps;

  @Option(
      names = "--scenarios",
      paramLabel = "FILE",
      description = "Scenarios computed in the same run on the same catchments, one column"
          + " apl_SCENARIO each: scenario,commune then consultations (the commune's new supply)"
          + " or delta (added to it; negative for a retirement), and/or population (its new"
          + " standardised population) or population_delta. An empty cell changes nothing.")
  Path scenarios;

  @Option(
      names = "--compare-age-weights",
      paramLabel = "YEAR|FILE",
      split = ",",
      description = "Also compute APL (all doctors) with the age-band population standardised"
          + " with other weights, one column each: apl_weights2022, or apl_weights_NAME for a"
          + " file NAME.csv. Needs an age-band population.")
  List<String> compareAgeWeights;

  @Option(
      names = "--rescale",
      paramLabel = "HOW",
      description = "Rescaling of an age-band population: total (sums to the file's residents,"
          + " as DREES does for all of France), none, or a factor such as 0.9987 (the national"
          + " one, for a partial territory) (default: the profession's; total for general"
          + " practitioners).")
  String rescale;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads that read the times table (gunzip takes one of them when there"
          + " are two or more), prepare the catchments, compute and format the output (default:"
          + " the machine's processors). The checks of the small files run on threads of their"
          + " own besides. The output does not depend on it.")
  Integer threads;

  @Option(
      names = "--engine",
      paramLabel = "NAME",
      description = "Where the two steps run: local (this process, the default) or spark (Spark's"
          + " local mode on this machine, or the master that -Dspark.master names; needs"
          + " apl-spark built, see the README's Spark engine). Reading and checks stay here; the"
          + " output does not depend on it.")
  String engine;

  @Mixin
  MethodOptions method;

  @Mixin
  CommonOptions common;

  @Mixin
  InputOptions input;

  private final PrintStream stdout;

  ComputeCommand(PrintStream stdout) {
    this.stdout = stdout;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    times = timesSource.times != null ? timesSource.times : timesSource.points;
    // Options first: a usage error must not wait for a 2.8-million-row file to be read.
    int threadCount = Options.threads(spec, "--threads", threads);
    CsvDialect dialect = Options.dialect(spec, common.outputDialect);
    GeoOutput.Format format = GeoOutput.format(output);
    if (GeoOutput.needsGeometry(format) && geometry == null) {
      throw new ParameterException(
          spec.commandLine(), "--output " + output + " needs --geometry POLYGONS (GeoJSON)");
    }
    OutputTarget target = OutputTarget.of("--output", output, inputs(), common.force);
    if (target.refusal() != null) {
      throw new ParameterException(spec.commandLine(), target.refusal());
    }
    Points.Crs system = Options.choice(spec, "--crs", crs, "4326", "2154").equals("4326")
        ? Points.Crs.WGS84
        : Points.Crs.LAMBERT93;
    double crowFlyMinutes = method.maxMinutes != null ? method.maxMinutes : 30;
    if (timesSource.points != null) {
      TimesCommand.checkModel(spec, null, detour, speed, crowFlyMinutes);
    } else if (roads.osm != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--osm needs --points FILE (with --times," + " the table gives the times)");
    }
    roads.check();
    roads.refuseCrowFly("--detour", "--speed");
    Engine where;
    try {
      where = engine == null ? Engine.local() : Engine.named(engine);
    } catch (EngineNotFoundException e) {
      err.println("apl: --engine " + engine + ": " + e.getMessage()
          + (engine.trim().equalsIgnoreCase("spark")
              ? "; build it with: mvn -B -pl apl-spark -am package -DskipTests (README, Spark"
                  + " engine)"
              : ""));
      return ExitCodes.UNAVAILABLE;
    }
    AplRequest.Builder request = AplRequest.builder()
        .engine(where)
        .population(population)
        .supply(supplySource.supply)
        .doctors(supplySource.doctors)
        .scenarios(scenarios)
        .ageCaps(requestedCaps())
        .threads(threadCount);
    if (rescale != null) {
      request.rescaling(rescaling());
    }
    input.apply(request, method.timeColumn);
    comparedWeights(request);
    RoadNetwork network = null;
    try {
      if (timesSource.points != null && roads.osm != null) {
        // Road times through the source seam: no intermediate file.
        Points points = Points.read(timesSource.points, system);
        TimesCommand.warn(err, points);
        network = roads.open(err, threadCount, common.quiet);
        request.times(roads
            .times(network, points, crowFlyMinutes, err, common.quiet)
            .name(times.toString())
            .build());
      } else if (timesSource.points != null) {
        // Crow-fly times through the source seam: no intermediate file.
        Points points = Points.read(timesSource.points, system);
        TimesCommand.warn(err, points);
        request.times(TimesCommand.checkModel(spec, points, detour, speed, crowFlyMinutes)
            .name(times.toString())
            .build());
      } else {
        request.times(TimesFile.of(times, Progress.on(err, times.toString(), common.quiet)));
      }
      method.apply(request);
      AplRequest built = request.build();
      AplRun run;
      try {
        run = AplJob.run(built);
      } catch (RequestException e) {
        throw new ParameterException(spec.commandLine(), InputCheck.flags(e.getMessage()), e);
      } catch (MemoryException e) {
        err.println("apl: " + e.getMessage() + " (APL_JAVA_OPTS=-Xmx"
            + Math.max(2, 2 * (e.neededBytes() >> 30) + 2) + "g)");
        return ExitCodes.IO;
      }
      Integer refused = InputCheck.refuse(err, run.validation());
      if (refused != null) {
        return refused;
      }
      if (!common.quiet) {
        for (String note : run.notes()) {
          err.println("  " + note.replace("code history: ", "cog-map: "));
        }
      }
      AplResult result = run.result();
      long t3 = System.nanoTime();
      if (format == GeoOutput.Format.CSV) {
        target.write(w -> AplCsv.write(result, w, dialect, threadCount), stdout);
      } else {
        java.io.StringWriter csv = new java.io.StringWriter();
        AplCsv.write(result, csv, CsvDialect.STANDARD, threadCount);
        fr.apl.geo.write.FeatureTable table = GeoOutput.features(
            csv.toString(), GeoOutput.shapes(geometry, input.cogMap), parameters(built));
        target.writeBytes(out -> GeoOutput.write(table, format, out), stdout);
        if (!common.quiet && geometry != null) {
          err.println("  " + output + ": " + GeoOutput.coverage(table));
        }
      }
      target.commit();
      report(err, built, result, run.timings(), (System.nanoTime() - t3) / 1e9);
      return ExitCodes.OK;
    } catch (InputException | IOException e) {
      return Failures.exitCode(err, e, inputs());
    } finally {
      if (network != null) {
        network.close();
      }
    }
  }

  /**
   * Prints the profession: its name, unit, what the request overrides, and the parameters it
   * assumes (then the figure is not the published one).
   */
  private static void describe(PrintWriter err, AplRequest request) {
    Profession p = request.profession();
    err.printf(Locale.ROOT, "  profession: %s (%s); %s%n", p.name(), p.label(), p.unit());
    if (!request.overridden().isEmpty()) {
      err.printf(
          Locale.ROOT,
          "  profession: set by the options instead of the profile: %s%n",
          String.join(", ", request.overridden()));
    }
    List<String> assumed = new ArrayList<>();
    for (Parameter q : p.assumed()) {
      assumed.add(q.name());
    }
    if (assumed.isEmpty() && request.overridden().isEmpty()) {
      err.printf(Locale.ROOT, "  profession: every parameter from its source%n");
    } else {
      err.printf(
          Locale.ROOT,
          "  profession: NOT the DREES figure: %s%n",
          assumed.isEmpty()
              ? "options override the profile"
              : "assumed " + String.join(", ", assumed) + " ('apl profession " + p.name()
                  + "' gives each value and why)");
    }
  }

  /** Names the supply unit: consultations for acts as they are, else full-time equivalents. */
  private static String supplyUnit(Profession p) {
    return p.activity() == Activity.ACTS && p.supply().perUnit() == 1
        ? "consultations"
        : "full-time equivalents";
  }

  /** Adds the weights of --compare-age-weights, one column each, in the order given. */
  private void comparedWeights(AplRequest.Builder request) {
    if (compareAgeWeights == null) {
      return;
    }
    java.util.Set<String> columns = new java.util.HashSet<>();
    for (String given : compareAgeWeights) {
      String w = given.trim();
      Path file = Options.ageWeightsFile(w);
      String column;
      if (file == null) {
        column = "apl_weights" + w;
      } else {
        String stem = file.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
        column = "apl_weights_" + stem.replaceAll("[^A-Za-z0-9_-]", "_");
      }
      if (!columns.add(column)) {
        throw new ParameterException(
            spec.commandLine(), "--compare-age-weights gives the column " + column + " twice");
      }
      request.compareAgeWeights(column, MethodOptions.weights(w));
    }
  }

  /** The run's parameters for the parameters sheet or table: {name, value, source}. */
  private List<String[]> parameters(AplRequest request) {
    List<String[]> p = new ArrayList<>();
    Profession prof = request.profession();
    p.add(new String[] {"profession", prof.name(), prof.label()});
    p.add(new String[] {"method", method.accessMethod().name(), "--method"});
    p.add(new String[] {
      "decay",
      request.decay().describe(),
      request.overridden().contains("decay")
          ? "--decay"
          : prof.parameter("decay").source()
    });
    for (Parameter q : prof.parameters()) {
      if (!q.name().equals("decay")) {
        p.add(new String[] {q.name(), q.value(), q.source()});
      }
    }
    for (Path f : inputs()) {
      p.add(new String[] {"input", f.toString(), ""});
    }
    return p;
  }

  private List<Path> inputs() {
    List<Path> in = new ArrayList<>();
    in.add(times);
    in.add(population);
    in.add(supplySource.supply != null ? supplySource.supply : supplySource.doctors);
    if (input.cogMap != null) {
      in.add(input.cogMap);
    }
    if (Options.ageWeightsFile(method.ageWeights) != null) {
      in.add(Options.ageWeightsFile(method.ageWeights));
    }
    if (scenarios != null) {
      in.add(scenarios);
    }
    if (roads.osm != null) {
      in.add(roads.osm);
    }
    if (geometry != null) {
      in.add(geometry);
    }
    if (compareAgeWeights != null) {
      for (String w : compareAgeWeights) {
        Path file = Options.ageWeightsFile(w);
        if (file != null) {
          in.add(file);
        }
      }
    }
    return in;
  }

  private Rescaling rescaling() {
    String r = rescale.trim().toLowerCase(Locale.ROOT);
    if (r.equals("total")) {
      return Rescaling.toTotal();
    }
    if (r.equals("none")) {
      return Rescaling.none();
    }
    double f;
    try {
      f = Double.parseDouble(r);
    } catch (NumberFormatException e) {
      throw new ParameterException(
          spec.commandLine(), "--rescale must be total, none or a factor > 0, given: " + rescale);
    }
    if (!(f > 0) || Double.isInfinite(f)) {
      throw new ParameterException(
          spec.commandLine(), "--rescale factor must be finite and > 0, given: " + rescale);
    }
    return Rescaling.factor(f);
  }

  /** Returns the caps asked for, an empty list for 'none', or null for the default. */
  private List<Integer> requestedCaps() {
    if (ageCaps == null) {
      return null;
    }
    if (ageCaps.size() == 1 && ageCaps.get(0).trim().equalsIgnoreCase("none")) {
      return List.of();
    }
    TreeSet<Integer> seen = new TreeSet<>();
    List<Integer> caps = new ArrayList<>();
    for (String a : ageCaps) {
      int cap;
      try {
        cap = Integer.parseInt(a.trim());
      } catch (NumberFormatException e) {
        throw new ParameterException(
            spec.commandLine(),
            "--age-caps takes whole ages such as 65,62,60 or 'none', given: " + a);
      }
      if (cap < 1 || cap > 120) {
        throw new ParameterException(
            spec.commandLine(), "--age-caps ages must be from 1 to 120, given: " + cap);
      }
      if (seen.add(cap)) {
        caps.add(cap);
      }
    }
    return caps;
  }

  private void report(
      PrintWriter err,
      AplRequest request,
      AplResult result,
      AplRun.Timings t,
      double writeSeconds) {
    Decay decay = request.decay();
    Profession profession = request.profession();
    Diagnostics d = result.diagnostics();
    boolean conserves = method.accessMethod().conservesSupply();
    if (!common.quiet) {
      err.printf(
          Locale.ROOT,
          "apl compute: %d communes, %d travel-time pairs, %d in reach with %s%n",
          d.communes(),
          d.pairs(),
          d.pairsInReach(),
          decay.describe());
      if (method.professionGiven()) {
        describe(err, request);
      }
      if (!method.accessMethod().name().equals("e2sfca")) {
        err.printf(
            Locale.ROOT,
            "  method: %s (%s)%n",
            method.accessMethod().name(),
            conserves ? "conserves supply" : "does not conserve supply: conservation not checked");
      }
      err.printf(
          Locale.ROOT,
          "  population: %s; total %.3f%n",
          result.population().provenance(),
          result.population().standardised().sum());
      for (VariantDiagnostics v : d.variants()) {
        Population own = result.population(v.name());
        err.printf(
            Locale.ROOT,
            "  %-12s mean %.4f (weighted by %s);"
                + " conservation %s; %d communes with no supply in reach"
                + " (population %.0f)%n",
            v.name(),
            result.weightedMean(v.name()),
            own == result.population()
                ? "standardised population"
                : String.format(
                    Locale.ROOT,
                    "its own population: %s; total %.3f",
                    own.provenance(),
                    own.standardised().sum()),
            !conserves
                ? "not applicable"
                : String.format(
                    Locale.ROOT,
                    "%s (relative error %.1e)",
                    v.conservationRelativeError() < 1e-9 ? "ok" : "FAILED",
                    v.conservationRelativeError()),
            v.communesWithoutSupply(),
            v.populationWithoutSupply());
      }
      VariantDiagnostics first = d.variants().get(0);
      err.printf(
          Locale.ROOT,
          "  diagnostics: %d practice communes no one reaches (%s);"
              + " %d population communes not in the times; %d supply communes not in the times;"
              + " %d supply communes not in the population; %d times communes not in the population;"
              + " %d self pairs assumed at 0 min; %d repeated pairs%n",
          first.unreachedSupplyCommunes().size(),
          first.name(),
          d.populationNotInTimes().size(),
          d.supplyNotInTimes().size(),
          d.supplyNotInPopulation().size(),
          d.timesNotInPopulation(),
          d.selfPairsAdded(),
          d.duplicatePairs());
      err.printf(
          Locale.ROOT,
          "  time: read times %.2f s, other inputs and checks %.2f s,"
              + " compute %.2f s,"
              + " write %.2f s%n",
          t.readTimes(),
          t.otherInputs(),
          t.compute(),
          writeSeconds);
    }
    for (VariantDiagnostics v : d.variants()) {
      if (!v.unreachedSupplyCommunes().isEmpty()) {
        Options.warn(
            err,
            v.name() + ": supply that no population reaches, left out ("
                + String.format(Locale.ROOT, "%.1f", v.unreachedSupply() / profession.scale())
                + " " + supplyUnit(profession) + ")",
            v.unreachedSupplyCommunes());
      }
      if (conserves && v.conservationRelativeError() >= 1e-9) {
        err.printf(
            Locale.ROOT,
            "apl: warning: %s: conservation check failed: sum P*APL = %.6f,"
                + " reached supply = %.6f%n",
            v.name(),
            v.weightedAplSum(),
            v.reachedSupply());
      }
    }
    if (!d.populationNotInTimes().isEmpty()) {
      Options.warn(
          err,
          "population communes absent from " + times
              + " (they reach only themselves, at 0 minutes)",
          d.populationNotInTimes());
    }
    if (!d.supplyNotInTimes().isEmpty()) {
      Options.warn(err, "supply communes absent from " + times, d.supplyNotInTimes());
    }
    if (!d.supplyNotInPopulation().isEmpty()) {
      Options.warn(
          err,
          "supply communes absent from " + population + " (population 0)",
          d.supplyNotInPopulation());
    }
    if (d.duplicatePairs() > 0) {
      err.printf(
          Locale.ROOT,
          "apl: warning: %d repeated pairs with the same time in %s, kept" + " once%n",
          d.duplicatePairs(),
          times);
    }
  }
}
