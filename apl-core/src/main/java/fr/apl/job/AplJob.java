package fr.apl.job;

import fr.apl.commune.CodeHistory;
import fr.apl.core.Apl;
import fr.apl.core.AplResult;
import fr.apl.core.Catchments;
import fr.apl.core.Variant;
import fr.apl.demand.AgeWeights;
import fr.apl.demand.DemandWeights;
import fr.apl.demand.Population;
import fr.apl.engine.Kernel;
import fr.apl.internal.Parallel;
import fr.apl.io.TimesFile;
import fr.apl.io.csv.AgeWeightsCsv;
import fr.apl.io.csv.CodeHistoryCsv;
import fr.apl.io.csv.DoctorsCsv;
import fr.apl.io.csv.PopulationCsv;
import fr.apl.io.csv.ReadContext;
import fr.apl.io.csv.ScenariosCsv;
import fr.apl.io.csv.SupplyCsv;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.problem.Check;
import fr.apl.problem.Problems;
import fr.apl.supply.Doctor;
import fr.apl.supply.Supply;
import fr.apl.supply.SupplyRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Future;

/**
 * Runs APL from files: read every input once → bring it to the current commune geography →
 * check across files → prepare the catchments → compute every variant. The command line, an
 * embedder and any future engine build the same {@link AplRequest}; none of them re-implements
 * the run.
 *
 * <p>Every reader reports every problem of its file (see {@link fr.apl.problem.Problems}), so
 * {@link #validate} and {@link #run} list the same problems, worded the same; {@link #run}
 * computes only when there is no error. The travel times are read on the caller's thread (their
 * parse on the request's threads) while the population and supply are read on another; the
 * catchments are built while the scenarios and the checks across files run.
 *
 * <p>Stateless; each call reads the files again. Never prints, never exits: problems come back in
 * the {@link AplRun}, a file that cannot be read at all as an {@link IOException}, a request that
 * asks for what the inputs cannot give (an age cap without its column) as a {@link
 * RequestException}.
 */
public final class AplJob {

  private AplJob() {}

  /**
   * Reads and checks the inputs of a request, then computes when there is no error.
   *
   * @param request what to read and compute, non-null
   * @return the problems, and the result when there was no error
   * @throws IOException when an input exists but cannot be read
   * @throws RequestException when the request asks for what the inputs cannot give
   */
  public static AplRun run(AplRequest request) throws IOException {
    return new Runner(request, true).go();
  }

  /**
   * Reads and checks the inputs of a request, as {@link #run} does, without computing.
   *
   * @param request what to read, non-null; its method parameters are not used
   * @return every problem; no result
   * @throws IOException when an input exists but cannot be read
   */
  public static AplRun validate(AplRequest request) throws IOException {
    return new Runner(request, false).go();
  }

  /** One run: the request, its collector and what has been read. */
  private static final class Runner {
    private final AplRequest r;
    private final boolean compute;
    private final Problems out = new Problems();
    private final List<String> notes = new ArrayList<>();
    private ReadContext ctx;

    Runner(AplRequest request, boolean compute) {
      this.r = request;
      this.compute = compute;
    }

    /** What is read on the second thread: the population and the supply, with their problems. */
    private record Small(
        PopulationCsv.Table population,
        SupplyCsv.Columns supply,
        List<Doctor> doctors,
        Problems populationProblems,
        Problems supplyProblems) {}

    AplRun go() throws IOException {
      long t0 = System.nanoTime();
      ReadContext base =
          new ReadContext(r.readOptions, r.inseeCodes, CodeHistory.none(), r.threads, out);
      CodeHistory history = CodeHistory.none();
      if (r.codeHistory != null) {
        history = exists(out, r.codeHistory) ? CodeHistoryCsv.read(r.codeHistory, base) : null;
        if (history == null || out.hasErrors()) {
          return refused(t0, t0);
        }
      }
      ctx = new ReadContext(r.readOptions, r.inseeCodes, history, r.threads, out);
      Future<Small> small = Parallel.submit(this::readSmall);
      Problems timesProblems = new Problems();
      TravelTimeMatrix matrix = null;
      if (r.times != null
          && (!(r.times instanceof TimesFile f) || exists(timesProblems, f.path()))) {
        matrix = r.times.read(ctx.withProblems(timesProblems));
        if (matrix != null) {
          CodeHistory.Remapped<TravelTimeMatrix> m = history.remap(matrix);
          note(r.times.name(), m, "pairs fell onto another one");
          matrix = m.value();
        }
      }
      long t1 = System.nanoTime();
      Future<Catchments> prepared = null;
      if (compute && matrix != null && !timesProblems.hasErrors()) {
        TravelTimeMatrix clean = matrix;
        prepared = Parallel.submit(() -> Apl.prepare(clean, r.decay, r.threads));
      }
      Small read = Parallel.await(small, "reading the inputs");
      out.addAll(read.populationProblems());
      out.addAll(read.supplyProblems());
      AgeWeights weights = r.ageWeights == null ? null : weights(r.ageWeights);
      DemandWeights demand = r.ageWeights == null
          ? r.demand
          : DemandWeights.of(weights == null ? AgeWeights.drees2023() : weights);
      Map<String, AgeWeights> compared = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, AplRequest.Weights> e : r.comparedWeights.entrySet()) {
        compared.put(e.getKey(), weights(e.getValue()));
      }
      out.addAll(timesProblems);

      List<Variant> variants = new ArrayList<>();
      Population population = null;
      if (read.population() != null) {
        try {
          population = remap(
              read.population().population(demand, r.rescaling),
              read.population().file());
        } catch (IllegalArgumentException e) {
          String file = read.population().file();
          String why = e.getMessage();
          out.add(
              Check.MISSING_COLUMN,
              file,
              1,
              null,
              why.startsWith(file + ": ") ? why.substring(file.length() + 2) : why,
              "the profession " + r.profession.name() + " weighs the demand by sex");
        }
      }
      Supply all = supplyVariants(read, variants);
      boolean weightsRead = r.ageWeights == null || weights != null;
      if (population != null && all != null && weightsRead) {
        comparedVariants(read.population(), compared, all, variants);
        scenarios(all, population, variants);
      }
      if (matrix != null) {
        CrossChecks.decayBeyondTimes(out, r.times.name(), matrix, r.decay);
      }
      if (population != null
          && read.population() != null
          && !(population.standardised().sum() > 0)) {
        out.add(
            Check.NO_POPULATION,
            read.population().file(),
            0,
            null,
            "the population totals"
                + " 0" + (read.population().byAgeBand() ? " once standardised" : "") + ": every APL"
                + " would be 0",
            "check the population column (and the age weights)");
      }
      if (matrix != null) {
        CrossChecks.selfOutOfReach(out, r.times.name(), matrix, r.decay);
      }
      if (population != null && matrix != null) {
        CrossChecks.population(
            out,
            read.population().file(),
            r.times.name(),
            population.standardised(),
            matrix,
            ctx::isInvalidCode);
        // A computation counts the supply no one reaches in its result; a validation, or a run
        // that stops on errors, lists it with the other problems.
        if ((!compute || out.hasErrors()) && all != null) {
          CrossChecks.unreachedSupply(
              out,
              supplyName(),
              all.consultationsPerYear(),
              population.standardised(),
              matrix,
              r.decay,
              ctx::isInvalidCode);
        }
      }
      long t2 = System.nanoTime();
      if (!compute || out.hasErrors() || matrix == null || population == null || all == null) {
        if (prepared != null) {
          prepared.cancel(true);
        }
        return refused(t0, t1, t2, matrix);
      }
      Catchments catchments = Parallel.await(prepared, "preparing the catchments");
      MemoryException.check(variants.size(), population.standardised().size(), matrix);
      // The sums run on the request's engine; the pairs are put on it for this run only.
      AplResult result;
      try (Kernel kernel = r.engine.kernel(catchments, r.threads)) {
        result = Apl.compute(kernel, population, scaled(variants), r.method);
      }
      long t3 = System.nanoTime();
      if (!CrossChecks.finite(
          out, result, r.method.conservesSupply(), read.population().file(), supplyName())) {
        return new AplRun(
            out.build(),
            null,
            notes,
            new AplRun.Timings((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9),
            matrix);
      }
      return new AplRun(
          out.build(),
          result,
          notes,
          new AplRun.Timings((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9),
          matrix);
    }

    /**
     * Returns the variants with their supply times the profession's output scale (the variants
     * themselves when it is 1): every method is linear in the supply, so the access comes out in
     * the profession's unit (per 100 000 inhabitants…).
     */
    private List<Variant> scaled(List<Variant> variants) {
      double scale = r.profession.scale();
      if (scale == 1) {
        return variants;
      }
      List<Variant> s = new ArrayList<>(variants.size());
      for (Variant v : variants) {
        s.add(Variant.of(
            v.name(), Supply.of(v.supply().consultationsPerYear().scaled(scale)), v.population()));
      }
      return s;
    }

    private AplRun refused(long t0, long t1) {
      return refused(t0, t1, System.nanoTime(), null);
    }

    private AplRun refused(long t0, long t1, long t2, TravelTimeMatrix matrix) {
      return new AplRun(
          out.build(),
          null,
          notes,
          new AplRun.Timings((t1 - t0) / 1e9, (t2 - t1) / 1e9, 0),
          matrix);
    }

    /** Reads the population and the supply (or doctors), each reporting to its collector. */
    private Small readSmall() throws IOException {
      Problems popOut = new Problems();
      Problems supplyOut = new Problems();
      PopulationCsv.Table pop = null;
      if (r.population != null && exists(popOut, r.population)) {
        pop = PopulationCsv.read(r.population, ctx.withProblems(popOut));
      }
      SupplyCsv.Columns supply = null;
      List<Doctor> doctors = null;
      ReadContext supplyCtx = ctx.withProblems(supplyOut);
      if (r.supply != null && exists(supplyOut, r.supply)) {
        supply = SupplyCsv.read(r.supply, supplyCtx);
      } else if (r.doctors != null && exists(supplyOut, r.doctors)) {
        doctors = DoctorsCsv.read(r.doctors, supplyCtx, r.profession.activity());
      }
      return new Small(pop, supply, doctors, popOut, supplyOut);
    }

    /** Returns the weights (a file read and checked), or null when the file has an error. */
    private AgeWeights weights(AplRequest.Weights w) throws IOException {
      if (w.weights() != null) {
        return w.weights();
      }
      if (!exists(out, w.file())) {
        return null;
      }
      return AgeWeightsCsv.read(w.file(), ctx);
    }

    /**
     * Adds the supply variants (all doctors first, then one per age cap, in order) and returns
     * the supply of all doctors, or null when there is none to compute with.
     */
    private Supply supplyVariants(Small read, List<Variant> variants) {
      List<Integer> caps = r.ageCaps;
      if (read.supply() != null) {
        Supply all = remap(read.supply().all(), r.supply);
        variants.add(Variant.of(column("apl"), all));
        SortedMap<Integer, Supply> capped = read.supply().underAge();
        for (int cap : caps == null ? new ArrayList<>(capped.keySet()) : caps) {
          Supply s = capped.get(cap);
          if (s == null) {
            throw new RequestException("age cap " + cap + ": " + r.supply + " has no"
                + " consultations_moins" + cap + " column"
                + (capped.isEmpty() ? "" : " (it has: " + capped.keySet() + ")")
                + "; give doctors to compute any age cap");
          }
          variants.add(
              Variant.of(column("apl_moins" + cap), ctx.history().remap(s).value()));
        }
        return all;
      }
      if (read.doctors() == null) {
        return null;
      }
      CodeHistory.Remapped<List<Doctor>> remapped = ctx.history().remapDoctors(read.doctors());
      note(r.doctors.toString(), remapped, "practices merged into another");
      List<Doctor> doctors = remapped.value();
      SupplyRule rules = r.supplyRule;
      Supply all = supplyOf(
          () -> rules.supply(doctors),
          "give every practitioner's age: the profession " + r.profession.name()
              + " leaves liberal practitioners out from an age");
      if (all == null) {
        return null;
      }
      variants.add(Variant.of(column("apl"), all));
      boolean agesKnown = true;
      for (Doctor d : doctors) {
        agesKnown &= d.age() != Doctor.UNKNOWN_AGE;
      }
      List<Integer> byDefault = agesKnown ? r.profession.ageCaps() : List.of();
      for (int cap : caps == null ? byDefault : caps) {
        Supply capped = supplyOf(
            () -> rules.supply(doctors, cap), "give every doctor's age, or leave out the age cap");
        if (capped != null) {
          variants.add(Variant.of(column("apl_moins" + cap), capped));
        }
      }
      return all;
    }

    /**
     * Returns the supply a rule gives, or null when the rule refuses the practitioners (an age
     * unknown where one is needed): reported as an error of the practitioners' file.
     */
    private Supply supplyOf(java.util.function.Supplier<Supply> rule, String hint) {
      try {
        return rule.get();
      } catch (IllegalArgumentException e) {
        out.add(Check.INVALID_VALUE, r.doctors.toString(), 0, null, e.getMessage(), hint);
        return null;
      }
    }

    /** Adds one variant per set of compared weights (the population must be by age band). */
    private void comparedVariants(
        PopulationCsv.Table table,
        Map<String, AgeWeights> compared,
        Supply all,
        List<Variant> variants) {
      if (compared.isEmpty()) {
        return;
      }
      if (!table.byAgeBand()) {
        out.add(
            Check.INVALID_VALUE,
            table.file(),
            1,
            null,
            "the population is given"
                + " standardised, not by age band: it cannot be standardised with other age"
                + " weights",
            "give the population by INSEE age band to compare age weights");
        return;
      }
      for (Map.Entry<String, AgeWeights> e : compared.entrySet()) {
        if (e.getValue() != null) {
          Population p = ctx.history()
              .remap(table.bands().standardise(e.getValue(), r.rescaling))
              .value();
          add(
              variants,
              Variant.of(column(e.getKey()), all, p),
              table.file(),
              "the compared age weights");
        }
      }
    }

    /** Reads the scenarios, each one more variant on the base supply and population. */
    private void scenarios(Supply all, Population population, List<Variant> variants)
        throws IOException {
      if (r.scenarios == null || !exists(out, r.scenarios)) {
        return;
      }
      List<Variant> read = ScenariosCsv.read(r.scenarios, all, population, ctx);
      if (read == null) {
        return;
      }
      for (Variant s : read) {
        add(
            variants,
            Variant.of(column("apl_" + s.name()), s.supply(), s.population()),
            r.scenarios.toString(),
            "scenario " + s.name());
      }
    }

    /**
     * Returns the column of a variant: its name under E2SFCA ({@code apl}, {@code apl_moins65}…);
     * under another method, the leading {@code apl} replaced by {@code access_} and the method's
     * name ({@code access_3sfca}, {@code access_3sfca_moins65}…), so that no other method's
     * figures pass for APL.
     */
    private String column(String name) {
      String method = r.method.name();
      if (method.equals("e2sfca") || !name.startsWith("apl")) {
        return name;
      }
      return "access_" + method + name.substring(3);
    }

    /** Adds a variant, reporting a column name that another variant already has. */
    private void add(List<Variant> variants, Variant variant, String file, String from) {
      for (Variant known : variants) {
        if (known.name().equals(variant.name())) {
          out.add(
              Check.INVALID_VALUE,
              file,
              0,
              null,
              from + " gives the column " + variant.name() + ", which another variant already has",
              "rename it");
          return;
        }
      }
      variants.add(variant);
    }

    private Population remap(Population p, String file) {
      CodeHistory.Remapped<Population> m = ctx.history().remap(p);
      note(file, m, "communes summed into another");
      return m.value();
    }

    private Supply remap(Supply s, Path file) {
      CodeHistory.Remapped<Supply> m = ctx.history().remap(s);
      note(file.toString(), m, "communes summed into another");
      return m.value();
    }

    private String supplyName() {
      return (r.supply != null ? r.supply : r.doctors).toString();
    }

    private void note(String file, CodeHistory.Remapped<?> m, String merged) {
      if (!m.remapped().isEmpty()) {
        notes.add(String.format(
            Locale.ROOT,
            "code history: %s: %d old codes brought to the" + " current geography (%s); %d %s",
            file,
            m.remapped().size(),
            m.examples(5),
            m.merged(),
            merged));
      }
    }

    /** Reports an input that is missing, a folder, or unreadable; returns true when it is fine. */
    private static boolean exists(Problems problems, Path file) {
      problems.file(file.toString());
      String why = Files.isDirectory(file)
          ? "is a folder, not a file"
          : !Files.exists(file)
              ? "no such file"
              : !Files.isReadable(file) ? "cannot be read" : null;
      if (why == null) {
        return true;
      }
      problems.add(Check.FILE_NOT_FOUND, file.toString(), 0, null, why, "check the path");
      return false;
    }
  }
}
