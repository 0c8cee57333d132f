package fr.apl.cli;

import fr.apl.core.Apl;
import fr.apl.core.AplResult;
import fr.apl.core.Catchments;
import fr.apl.core.Diagnostics;
import fr.apl.core.Variant;
import fr.apl.core.VariantDiagnostics;
import fr.apl.decay.BandEdges;
import fr.apl.decay.DistanceDecay;
import fr.apl.demand.AgeWeights;
import fr.apl.demand.Population;
import fr.apl.demand.Rescaling;
import fr.apl.internal.Parallel;
import fr.apl.io.csv.AplCsv;
import fr.apl.io.csv.CsvDialect;
import fr.apl.io.csv.InputException;
import fr.apl.io.csv.ScenariosCsv;
import fr.apl.io.csv.SupplyCsv;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.supply.ActivityRules;
import fr.apl.supply.Doctor;
import fr.apl.supply.Supply;
import fr.apl.validate.InputValidator;
import fr.apl.validate.Validation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code apl compute}: APL of every commune of a population file. */
@Command(name = "compute",
    header = "Computes the APL of every commune (E2SFCA, DREES method).",
    mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Computes the APL of every commune of the population file (E2SFCA, DREES method):",
        "  D_j = sum_i w(t_ij) P_i,  R_j = S_j / D_j,  APL_i = sum_j w(t_ij) R_j",
        "Writes CSV 'commune,apl[,apl_moinsNN...],population[,residents],practices_in_reach'",
        "sorted by commune code; prints a summary and the diagnostics on stderr."},
    footer = ExitCodes.HELP)
final class ComputeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--times", required = true, paramLabel = "FILE",
      description = "Travel times: origin,destination,minutes or INSEE Metric COM1,COM2,KM,HC,HP"
          + " (.csv or .csv.gz, ',' or ';'), or a matrix file from apl matrix convert.")
  Path times;

  @ArgGroup(exclusive = true, multiplicity = "1")
  SupplySource supplySource;

  static final class SupplySource {
    @Option(names = "--supply", required = true, paramLabel = "FILE",
        description = "Supply per practice commune: commune,consultations[,consultations_moins65].")
    Path supply;

    @Option(names = "--doctors", required = true, paramLabel = "FILE",
        description = "Doctors, one row per practice: doctor_id,commune,acts,age,mode,"
            + "new_installation; counted with the DREES bounds.")
    Path doctors;
  }

  @Option(names = "--population", required = true, paramLabel = "FILE",
      description = "Population per commune: commune,population (standardised) or INSEE age bands"
          + " p_0_4 ... p_85_89, p_90p (or p_90_94, p_95p).")
  Path population;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-",
      description = "Where to write the APL table; '-' for stdout (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--age-caps", paramLabel = "AGES", split = ",",
      description = "Also compute APL without doctors aged AGE or more, one column apl_moinsAGE"
          + " each (e.g. 65,62,60). Default: 65 when the doctors have ages or the supply has"
          + " consultations_moins65; 'none' for no capped variant.")
  List<String> ageCaps;

  @Option(names = "--scenarios", paramLabel = "FILE",
      description = "Scenarios computed in the same run on the same catchments, one column"
          + " apl_SCENARIO each: scenario,commune then consultations (the commune's new supply)"
          + " or delta (added to it; negative for a retirement), and/or population (its new"
          + " standardised population) or population_delta. An empty cell changes nothing.")
  Path scenarios;

  @Option(names = "--compare-age-weights", paramLabel = "YEAR|FILE", split = ",",
      description = "Also compute APL (all doctors) with the age-band population standardised"
          + " with other weights, one column each: apl_weights2022, or apl_weights_NAME for a"
          + " file NAME.csv. Needs an age-band population.")
  List<String> compareAgeWeights;

  @Option(names = "--decay", paramLabel = "BANDS", defaultValue = "10:1,15:2/3,20:1/3",
      description = "Distance bands MINUTES:WEIGHT, weights as decimals or fractions"
          + " (default: ${DEFAULT-VALUE}, the DREES GP bands).")
  String decay;

  @Option(names = "--band-edges", paramLabel = "EDGES", defaultValue = "half-open",
      description = "half-open (t < 10 weighs 1, t = 10 is in the next band) or closed-upper"
          + " (t <= 10 weighs 1) (default: ${DEFAULT-VALUE}).")
  String bandEdges;

  @Option(names = "--time-column", paramLabel = "NAME",
      description = "Minutes column of the times file (default: minutes, or HC = off-peak for"
          + " the Metric layout; HP for peak).")
  String timeColumn;

  @Option(names = "--age-weights", paramLabel = "YEAR|FILE", defaultValue = "2023",
      description = "Age-band weights for an age-band population: 2022, 2023 (DREES) or a CSV"
          + " band,weight of 19 rows (default: ${DEFAULT-VALUE}).")
  String ageWeights;

  @Option(names = "--rescale", paramLabel = "HOW", defaultValue = "total",
      description = "Rescaling of an age-band population: total (sums to the file's residents,"
          + " as DREES does for all of France), none, or a factor such as 0.9987 (the national"
          + " one, for a partial territory) (default: ${DEFAULT-VALUE}).")
  String rescale;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads that read the times table (gunzip takes one of them when there"
          + " are two or more), prepare the catchments, compute and format the output (default:"
          + " the machine's processors). The checks of the small files run on threads of their"
          + " own besides. The output does not depend on it.")
  Integer threads;

  @Mixin
  CommonOptions common;

  @Mixin
  InputOptions input;

  private final PrintStream stdout;
  /** The times table read while picocli started, or null. */
  private final EarlyTimes early;

  ComputeCommand(PrintStream stdout, EarlyTimes early) {
    this.stdout = stdout;
    this.early = early;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    // Options first: a usage error must not wait for a 2.8-million-row file to be read.
    DistanceDecay bands = Options.decay(spec, decay, bandEdges);
    int threadCount;
    try {
      threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
      if (threadCount < 1) {
        throw new IllegalArgumentException("--threads must be >= 1, given: " + threadCount);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    CsvDialect dialect = Options.dialect(spec, common.outputDialect);
    OutputTarget target = OutputTarget.of("--output", output, inputs(), common.force);
    if (target.refusal() != null) {
      throw new ParameterException(spec.commandLine(), target.refusal());
    }
    try {
      // The small files are validated, then read, on their own thread while the fast reader
      // reads the times table, once. The streaming validation of the times (a second read) runs
      // only when the reader fails or a quick check of the matrix finds what only that
      // validation reports, so a clean France run does not read 47 MB twice; bad data always
      // gets the full listing.
      Path ageWeightsFile = Options.ageWeightsFile(ageWeights);
      boolean timesExist = Files.exists(times);
      input.readOptions();
      input.codeHistory();
      Map<String, String> compared = comparedColumns();
      FutureTask<SmallInputs> small = new FutureTask<>(() -> readSmallInputs(
          timesExist ? null : times, ageWeightsFile, bands, compared));
      Thread reader = new Thread(small, "apl-small-inputs");
      reader.setDaemon(true);
      reader.start();
      long t0 = System.nanoTime();
      TravelTimeMatrix matrix = null;
      InputException readFailure = null;
      if (timesExist) {
        try {
          matrix = input.times(times, timeColumn,
              Progress.on(err, times.toString(), common.quiet), threadCount, early);
        } catch (InputException e) {
          readFailure = e;
        }
      }
      long t1 = System.nanoTime();
      SmallInputs read = Parallel.await(small, "validating the inputs");
      Integer refused = InputCheck.refuse(err, read.validation().hasErrors()
          ? InputCheck.validate(input, times, timeColumn, population, supplySource.supply,
              supplySource.doctors, ageWeightsFile, bands)
          : read.validation());
      if (refused != null) {
        return refused;
      }
      Population pop = read.population();
      java.util.concurrent.Future<Catchments> prepared = null;
      boolean fullCheck = matrix == null;
      if (!fullCheck && pop != null) {
        // The catchments are built while the quick check runs, which seldom asks for more.
        TravelTimeMatrix clean = matrix;
        prepared = Parallel.submit(() -> Apl.prepare(clean, bands, threadCount));
        fullCheck = InputValidator.needsFullCheck(matrix,
            new java.util.HashSet<>(List.of(pop.standardised().codes())), input.inseeCodes(),
            input.codeHistory());
      }
      if (fullCheck) {
        Integer full = InputCheck.refuse(err, InputCheck.validate(input, times, timeColumn,
            population, supplySource.supply, supplySource.doctors, ageWeightsFile, bands));
        if (full != null) {
          return full;
        }
        if (readFailure != null) {
          throw readFailure;
        }
      }
      read.rethrow();
      List<Variant> scenarios = read.scenarios();
      long t2 = System.nanoTime();
      input.report(err, common.quiet);
      Catchments catchments = prepared != null
          ? Parallel.await(prepared, "preparing the catchments")
          : Apl.prepare(matrix, bands, threadCount);
      AplResult result = catchments.compute(pop, scenarios, threadCount);
      long t3 = System.nanoTime();
      target.write(w -> AplCsv.write(result, w, dialect, threadCount), stdout);
      target.commit();
      long t4 = System.nanoTime();
      report(err, bands, result, new long[] {t0, t1, t2, t3, t4});
      return ExitCodes.OK;
    } catch (InputException | Failures.DataProblem | IOException e) {
      return Failures.exitCode(err, e, inputs());
    }
  }

  /**
   * The small inputs, validated and then read: population and variants are null when the
   * validation found errors or reading them failed; a failure (a bad scenario file, a
   * --compare-age-weights file…) is kept to be thrown after the times table was checked, so that
   * bad times still get their full listing first.
   */
  private record SmallInputs(Validation validation, Population population,
      List<Variant> scenarios, Exception failure) {

    /** Throws the failure kept, as it was thrown. */
    void rethrow() throws IOException {
      if (failure instanceof IOException io) {
        throw io;
      }
      if (failure instanceof RuntimeException r) {
        throw r;
      }
    }
  }

  /**
   * Validates the small inputs (and the times, when given) and, when they have no error, reads
   * the population and every supply variant, --scenarios included.
   */
  private SmallInputs readSmallInputs(Path timesToValidate, Path ageWeightsFile,
      DistanceDecay bands, Map<String, String> comparedColumns) throws IOException {
    Validation v = InputCheck.validate(input, timesToValidate, timeColumn, population,
        supplySource.supply, supplySource.doctors, ageWeightsFile, bands);
    if (v.hasErrors()) {
      return new SmallInputs(v, null, null, null);
    }
    try {
      return readValidated(v, comparedColumns);
    } catch (IOException | InputException | Failures.DataProblem | ParameterException e) {
      return new SmallInputs(v, null, null, e);
    }
  }

  /** Reads the population and every variant once the small inputs passed validation. */
  private SmallInputs readValidated(Validation v, Map<String, String> comparedColumns)
      throws IOException {
    Map<String, AgeWeights> compared = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, String> e : comparedColumns.entrySet()) {
      compared.put(e.getKey(), Options.ageWeights(e.getValue()));
    }
    Population pop;
    List<Variant> variants;
    if (compared.isEmpty()) {
      pop = input.population(population, weights(), rescaling());
      variants = supplyScenarios();
    } else {
      List<AgeWeights> sets = new ArrayList<>();
      sets.add(weights());
      sets.addAll(compared.values());
      List<Population> pops = input.populations(population, sets, rescaling());
      pop = pops.get(0);
      variants = supplyScenarios();
      int k = 1;
      for (String column : compared.keySet()) {
        add(variants, Variant.of(column, variants.get(0).supply(), pops.get(k++)),
            "--compare-age-weights");
      }
    }
    if (this.scenarios != null) {
      for (Variant s : ScenariosCsv.read(this.scenarios, variants.get(0).supply(), pop,
          input.readOptions())) {
        add(variants, Variant.of("apl_" + s.name(), s.supply(), s.population()),
            this.scenarios.toString() + ": scenario " + s.name());
      }
    }
    return new SmallInputs(v, pop, variants, null);
  }

  /** Adds a variant, refusing a column name another variant already has. */
  private static void add(List<Variant> variants, Variant variant, String from) {
    for (Variant known : variants) {
      if (known.name().equals(variant.name())) {
        throw new Failures.DataProblem(from + " gives the column " + variant.name()
            + ", which another variant already has");
      }
    }
    variants.add(variant);
  }

  /**
   * Returns the sets of weights of --compare-age-weights (a year or a file, as given) by output
   * column, in the order given; empty without the option. Names only, no file read: a usage
   * error comes before any input is read.
   */
  private Map<String, String> comparedColumns() {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (compareAgeWeights == null) {
      return out;
    }
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
      if (out.put(column, w) != null) {
        throw new ParameterException(spec.commandLine(), "--compare-age-weights gives the column "
            + column + " twice");
      }
    }
    return out;
  }

  private List<Path> inputs() {
    List<Path> in = new ArrayList<>();
    in.add(times);
    in.add(population);
    in.add(supplySource.supply != null ? supplySource.supply : supplySource.doctors);
    if (input.cogMap != null) {
      in.add(input.cogMap);
    }
    if (Options.ageWeightsFile(ageWeights) != null) {
      in.add(Options.ageWeightsFile(ageWeights));
    }
    if (scenarios != null) {
      in.add(scenarios);
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

  private AgeWeights weights() throws IOException {
    return Options.ageWeights(ageWeights);
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
      throw new ParameterException(spec.commandLine(),
          "--rescale must be total, none or a factor > 0, given: " + rescale);
    }
    if (!(f > 0) || Double.isInfinite(f)) {
      throw new ParameterException(spec.commandLine(),
          "--rescale factor must be finite and > 0, given: " + rescale);
    }
    return Rescaling.factor(f);
  }

  /** Returns the supply variants: all doctors first, then one per age cap, in the order given. */
  private List<Variant> supplyScenarios() throws IOException {
    List<Integer> caps = requestedCaps();
    List<Variant> out = new ArrayList<>();
    if (supplySource.supply != null) {
      SupplyCsv.Columns columns = input.supply(supplySource.supply);
      out.add(Variant.of("apl", columns.all()));
      SortedMap<Integer, Supply> capped = columns.underAge();
      for (int cap : caps == null ? new ArrayList<>(capped.keySet()) : caps) {
        Supply s = capped.get(cap);
        if (s == null) {
          throw new ParameterException(spec.commandLine(), "--age-caps " + cap + ": "
              + supplySource.supply + " has no consultations_moins" + cap + " column"
              + (capped.isEmpty() ? "" : " (it has: " + capped.keySet() + ")")
              + "; give --doctors to compute any age cap");
        }
        out.add(Variant.of("apl_moins" + cap, s));
      }
      return out;
    }
    List<Doctor> doctors = input.doctors(supplySource.doctors);
    ActivityRules rules = ActivityRules.dreesGeneralPractitioners();
    out.add(Variant.of("apl", rules.supply(doctors)));
    boolean agesKnown = true;
    for (Doctor d : doctors) {
      agesKnown &= d.age() != Doctor.UNKNOWN_AGE;
    }
    if (caps == null) {
      caps = agesKnown ? List.of(65) : List.of();
    }
    for (int cap : caps) {
      try {
        out.add(Variant.of("apl_moins" + cap, rules.supply(doctors, cap)));
      } catch (IllegalArgumentException e) {
        throw new Failures.DataProblem(supplySource.doctors + ": " + e.getMessage());
      }
    }
    return out;
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
        throw new ParameterException(spec.commandLine(),
            "--age-caps takes whole ages such as 65,62,60 or 'none', given: " + a);
      }
      if (cap < 1 || cap > 120) {
        throw new ParameterException(spec.commandLine(),
            "--age-caps ages must be from 1 to 120, given: " + cap);
      }
      if (seen.add(cap)) {
        caps.add(cap);
      }
    }
    return caps;
  }

  private void report(PrintWriter err, DistanceDecay bands,
      AplResult result, long[] t) {
    Diagnostics d = result.diagnostics();
    if (!common.quiet) {
      err.printf(Locale.ROOT, "apl compute: %d communes, %d travel-time pairs, %d in reach with"
          + " bands %s (%s)%n", d.communes(), d.pairs(), d.pairsInReach(), decay.trim(),
          bands.edges() == BandEdges.HALF_OPEN ? "half-open" : "closed-upper");
      err.printf(Locale.ROOT, "  population: %s; total %.3f%n",
          result.population().provenance(), result.population().standardised().sum());
      for (VariantDiagnostics v : d.variants()) {
        Population own = result.population(v.name());
        err.printf(Locale.ROOT, "  %-12s mean %.4f (weighted by %s);"
            + " conservation %s (relative error %.1e); %d communes with no supply in reach"
            + " (population %.0f)%n", v.name(), result.weightedMean(v.name()),
            own == result.population() ? "standardised population"
                : String.format(Locale.ROOT, "its own population: %s; total %.3f",
                    own.provenance(), own.standardised().sum()),
            v.conservationRelativeError() < 1e-9 ? "ok" : "FAILED",
            v.conservationRelativeError(), v.communesWithoutSupply(),
            v.populationWithoutSupply());
      }
      VariantDiagnostics first = d.variants().get(0);
      err.printf(Locale.ROOT, "  diagnostics: %d practice communes no one reaches (%s);"
          + " %d population communes not in the times; %d supply communes not in the times;"
          + " %d supply communes not in the population; %d times communes not in the population;"
          + " %d self pairs assumed at 0 min; %d repeated pairs%n",
          first.unreachedSupplyCommunes().size(), first.name(), d.populationNotInTimes().size(),
          d.supplyNotInTimes().size(), d.supplyNotInPopulation().size(),
          d.timesNotInPopulation(), d.selfPairsAdded(), d.duplicatePairs());
      err.printf(Locale.ROOT, "  time: read times %.2f s, other inputs and checks %.2f s,"
          + " compute %.2f s,"
          + " write %.2f s%n", (t[1] - t[0]) / 1e9, (t[2] - t[1]) / 1e9, (t[3] - t[2]) / 1e9,
          (t[4] - t[3]) / 1e9);
    }
    for (VariantDiagnostics v : d.variants()) {
      if (!v.unreachedSupplyCommunes().isEmpty()) {
        Options.warn(err, v.name() + ": supply that no population reaches, left out ("
            + String.format(Locale.ROOT, "%.1f", v.unreachedSupply()) + " consultations)",
            v.unreachedSupplyCommunes());
      }
      if (v.conservationRelativeError() >= 1e-9) {
        err.printf(Locale.ROOT, "apl: warning: %s: conservation check failed: sum P*APL = %.6f,"
            + " reached supply = %.6f%n", v.name(), v.weightedAplSum(), v.reachedSupply());
      }
    }
    if (!d.populationNotInTimes().isEmpty()) {
      Options.warn(err, "population communes absent from " + times
          + " (they reach only themselves, at 0 minutes)", d.populationNotInTimes());
    }
    if (!d.supplyNotInTimes().isEmpty()) {
      Options.warn(err, "supply communes absent from " + times, d.supplyNotInTimes());
    }
    if (!d.supplyNotInPopulation().isEmpty()) {
      Options.warn(err, "supply communes absent from " + population + " (population 0)",
          d.supplyNotInPopulation());
    }
    if (d.duplicatePairs() > 0) {
      err.printf(Locale.ROOT, "apl: warning: %d repeated pairs with the same time in %s, kept"
          + " once%n", d.duplicatePairs(), times);
    }
  }

}
