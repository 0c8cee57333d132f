package fr.apl.job;

import fr.apl.core.AccessMethod;
import fr.apl.decay.Decay;
import fr.apl.demand.AgeWeights;
import fr.apl.demand.DemandWeights;
import fr.apl.demand.Rescaling;
import fr.apl.engine.Engine;
import fr.apl.io.TravelTimeSource;
import fr.apl.io.csv.ReadContext;
import fr.apl.io.csv.ReadOptions;
import fr.apl.profession.Profession;
import fr.apl.supply.SupplyRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Says what one APL run reads and computes: the inputs, how to read them, the method's
 * parameters, the variants and the threads. Built with {@link #builder()}; immutable and
 * thread-safe once built. The same request drives {@link AplJob#validate} (every problem of the
 * inputs) and {@link AplJob#run} (the same, then the computation when there is no error).
 *
 * <p>Every input is optional for a validation; a run needs times, a population and a supply
 * (supply per commune, or doctors).
 */
public final class AplRequest {

  /**
   * Names a set of age-band weights: built in ({@code weights}) or read from a file ({@code
   * file}); exactly one is non-null.
   *
   * @param weights weights given in code, or null
   * @param file a weights file ({@code band,weight}, 19 rows), or null
   */
  public record Weights(AgeWeights weights, Path file) {

    /**
     * Checks that exactly one is given.
     *
     * @param weights weights given in code, or null
     * @param file a weights file, or null
     * @throws IllegalArgumentException when both or neither are given
     */
    public Weights {
      if ((weights == null) == (file == null)) {
        throw new IllegalArgumentException("give weights or a weights file");
      }
    }

    /**
     * Returns built-in weights.
     *
     * @param weights the weights, non-null
     * @return the named weights, with no file
     */
    public static Weights of(AgeWeights weights) {
      return new Weights(weights, null);
    }

    /**
     * Returns weights read from a file; the file is read by the run, not here.
     *
     * @param file a weights file ({@code band,weight}, 19 rows), non-null
     * @return the named file, with no weights
     */
    public static Weights file(Path file) {
      return new Weights(null, file);
    }
  }

  final TravelTimeSource times;
  final Path population;
  final Path supply;
  final Path doctors;
  final Path scenarios;
  final Path codeHistory;
  final ReadOptions readOptions;
  final boolean inseeCodes;
  final Weights ageWeights;
  final DemandWeights demand;
  final Map<String, Weights> comparedWeights;
  final Rescaling rescaling;
  final Decay decay;
  final AccessMethod method;
  final SupplyRule supplyRule;
  final List<Integer> ageCaps;
  final int threads;
  final Engine engine;
  final Profession profession;
  final List<String> overridden;

  private AplRequest(Builder b) {
    Profession p = b.profession;
    List<String> over = new ArrayList<>();
    this.times = b.times;
    this.population = b.population;
    this.supply = b.supply;
    this.doctors = b.doctors;
    this.scenarios = b.scenarios;
    this.codeHistory = b.codeHistory;
    this.readOptions = b.readOptions;
    this.inseeCodes = b.inseeCodes;
    this.ageWeights = b.ageWeights;
    this.demand = b.ageWeights == null ? p.demand() : null;
    this.comparedWeights = Collections.unmodifiableMap(new LinkedHashMap<>(b.compared));
    this.rescaling = b.rescaling != null ? b.rescaling : p.rescaling();
    this.decay = b.decay != null ? b.decay : p.decay();
    this.method = b.method;
    this.supplyRule = b.supplyRule != null ? b.supplyRule : p.supply();
    this.ageCaps = b.ageCaps == null ? null : List.copyOf(b.ageCaps);
    this.threads = b.threads;
    this.engine = b.engine;
    this.profession = p;
    if (b.decay != null) {
      over.add("decay");
    }
    if (b.supplyRule != null) {
      over.add("supply");
    }
    if (b.ageWeights != null) {
      over.add("demand.weights");
    }
    if (b.rescaling != null) {
      over.add("demand.rescaling");
    }
    this.overridden = List.copyOf(over);
  }

  /**
   * Returns a builder: no input, default read options, INSEE codes, the general practitioners'
   * profession (DREES 2023 age weights rescaled to the file's total, DREES GP bands and bounds,
   * cap 65 when the doctors have ages), E2SFCA, the machine's processors.
   *
   * @return a new builder, not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the distance decay of the run, non-null} */
  public Decay decay() {
    return decay;
  }

  /** {@return the profession of the run (general practitioners unless set), non-null} */
  public Profession profession() {
    return profession;
  }

  /**
   * Returns the parts of the profession that the request sets otherwise: {@code decay}, {@code
   * supply}, {@code demand.weights}, {@code demand.rescaling}, in that order. A run with any of
   * them is not the profession's figure.
   *
   * @return the names, immutable; empty when the profession is used as it is
   */
  public List<String> overridden() {
    return overridden;
  }

  /** {@return the travel-time source, or null when the request has none} */
  public TravelTimeSource times() {
    return times;
  }

  /** {@return the population file, or null when the request has none} */
  public Path population() {
    return population;
  }

  /** {@return the supply file (per practice commune), or null when the request has none} */
  public Path supply() {
    return supply;
  }

  /** {@return the doctors file, or null when the request has none} */
  public Path doctors() {
    return doctors;
  }

  /** {@return the engine the sums run on: {@link Engine#local()} unless another was set} */
  public Engine engine() {
    return engine;
  }

  /** {@return the threads of the run, from 1 to {@link ReadContext#MAX_THREADS}} */
  public int threads() {
    return threads;
  }

  /**
   * Returns every input file of the request (not the travel-time source), in a fixed order.
   *
   * @return a new mutable list: population, supply, doctors, scenarios, code history, age weights,
   *     then the compared weights in the order added; absent files are left out
   */
  public List<Path> inputFiles() {
    List<Path> in = new ArrayList<>();
    for (Path p : new Path[] {
      population,
      supply,
      doctors,
      scenarios,
      codeHistory,
      ageWeights == null ? null : ageWeights.file()
    }) {
      if (p != null) {
        in.add(p);
      }
    }
    for (Weights w : comparedWeights.values()) {
      if (w.file() != null) {
        in.add(w.file());
      }
    }
    return in;
  }

  /** Collects a request. Not thread-safe. */
  public static final class Builder {
    private TravelTimeSource times;
    private Path population;
    private Path supply;
    private Path doctors;
    private Path scenarios;
    private Path codeHistory;
    private ReadOptions readOptions = ReadOptions.defaults();
    private boolean inseeCodes = true;
    private Profession profession = Profession.generalPractitioner();
    private Weights ageWeights;
    private final Map<String, Weights> compared = new LinkedHashMap<>();
    private Rescaling rescaling;
    private Decay decay;
    private AccessMethod method = AccessMethod.e2sfca();
    private SupplyRule supplyRule;
    private List<Integer> ageCaps;
    private Engine engine = Engine.local();
    private int threads =
        Math.min(ReadContext.MAX_THREADS, Runtime.getRuntime().availableProcessors());

    private Builder() {}

    /**
     * Sets the profession: its decay, supply rule, activity column, default age caps, demand
     * weights, rescaling and output scale, each of which the other setters can override ({@link
     * AplRequest#overridden()} says which were).
     *
     * @param value the profession, non-null (general practitioners by default)
     * @return this builder
     * @throws IllegalArgumentException when {@code value} is null
     */
    public Builder profession(Profession value) {
      if (value == null) {
        throw new IllegalArgumentException("profession must not be null");
      }
      this.profession = value;
      return this;
    }

    /**
     * Sets the travel times (a {@link fr.apl.io.TimesFile} for a file), or null.
     *
     * @param source where the times come from, or null for none
     * @return this builder
     */
    public Builder times(TravelTimeSource source) {
      this.times = source;
      return this;
    }

    /**
     * Sets the population file: standardised, or residents by INSEE age band.
     *
     * @param file the population CSV, or null for none
     * @return this builder
     */
    public Builder population(Path file) {
      this.population = file;
      return this;
    }

    /**
     * Sets the supply per practice commune ({@code commune,consultations[,..._moinsNN]}).
     *
     * @param file the supply CSV, or null for none
     * @return this builder
     */
    public Builder supply(Path file) {
      this.supply = file;
      return this;
    }

    /**
     * Sets the doctors file (one row per doctor and practice), counted with the supply rule.
     *
     * @param file the doctors CSV, or null for none
     * @return this builder
     */
    public Builder doctors(Path file) {
      this.doctors = file;
      return this;
    }

    /**
     * Sets a scenarios file: each scenario is one more variant of the run.
     *
     * @param file the scenarios CSV, or null for none
     * @return this builder
     */
    public Builder scenarios(Path file) {
      this.scenarios = file;
      return this;
    }

    /**
     * Sets a commune code history ({@code ancien_code,code_actuel}) applied to every input.
     *
     * @param file the code history CSV, or null to keep codes as given
     * @return this builder
     */
    public Builder codeHistory(Path file) {
      this.codeHistory = file;
      return this;
    }

    /**
     * Sets the encoding and column names of the CSV inputs.
     *
     * @param options the read options, non-null
     * @return this builder
     * @throws IllegalArgumentException when {@code options} is null
     */
    public Builder readOptions(ReadOptions options) {
      if (options == null) {
        throw new IllegalArgumentException("read options must not be null");
      }
      this.readOptions = options;
      return this;
    }

    /**
     * Says whether ids must be INSEE commune codes (true, the default) or any text.
     *
     * @param required true to reject ids that are not five-character INSEE codes
     * @return this builder
     */
    public Builder inseeCodes(boolean required) {
      this.inseeCodes = required;
      return this;
    }

    /**
     * Sets the age weights (both sexes) that standardise a population given by age band, in place
     * of the profession's demand weights.
     *
     * @param weights the weights or their file, non-null
     * @return this builder
     * @throws IllegalArgumentException when {@code weights} is null
     */
    public Builder ageWeights(Weights weights) {
      if (weights == null) {
        throw new IllegalArgumentException("age weights must not be null");
      }
      this.ageWeights = weights;
      return this;
    }

    /**
     * Adds a variant of all doctors on the population standardised with other weights, named
     * {@code column} (needs a population by age band).
     *
     * @param column the variant's output column, unique among the compared weights
     * @param weights the weights or their file, non-null
     * @return this builder
     * @throws IllegalArgumentException when {@code weights} is null or {@code column} is given
     *     twice
     */
    public Builder compareAgeWeights(String column, Weights weights) {
      if (weights == null || compared.put(column, weights) != null) {
        throw new IllegalArgumentException(
            "the compared weights " + column + " are null or given twice");
      }
      return this;
    }

    /**
     * Sets how a population by age band is rescaled, in place of the profession's rescaling.
     *
     * @param how the rescaling, non-null
     * @return this builder
     * @throws IllegalArgumentException when {@code how} is null
     */
    public Builder rescaling(Rescaling how) {
      if (how == null) {
        throw new IllegalArgumentException("rescaling must not be null");
      }
      this.rescaling = how;
      return this;
    }

    /**
     * Sets the distance decay, in place of the profession's (DREES GP bands by default).
     *
     * @param distanceDecay the weight of a pair by its minutes, non-null
     * @return this builder
     * @throws IllegalArgumentException when {@code distanceDecay} is null
     */
    public Builder decay(Decay distanceDecay) {
      if (distanceDecay == null) {
        throw new IllegalArgumentException("decay must not be null");
      }
      this.decay = distanceDecay;
      return this;
    }

    /**
     * Sets the access method (E2SFCA, the DREES APL, by default). Under any other method the
     * columns are named {@code access_NAME} instead of {@code apl}, with the same suffixes ({@code
     * access_3sfca_moins65}, {@code access_3sfca_SCENARIO}, {@code access_3sfca_weights2022}):
     * the leading {@code apl} of every variant name is replaced by {@code access_} and the
     * method's {@link AccessMethod#name()}.
     *
     * @param accessMethod the method, non-null
     * @return this builder
     * @throws IllegalArgumentException when {@code accessMethod} is null
     */
    public Builder method(AccessMethod accessMethod) {
      if (accessMethod == null) {
        throw new IllegalArgumentException("method must not be null");
      }
      this.method = accessMethod;
      return this;
    }

    /**
     * Sets the engine the two steps run on, in place of the local one ({@link Engine#local()});
     * the figures do not depend on it (see {@link Engine}). Reading, checks across files and the
     * diagnostics stay in this process.
     *
     * @param where the engine, non-null
     * @return this builder
     * @throws IllegalArgumentException when {@code where} is null
     */
    public Builder engine(Engine where) {
      if (where == null) {
        throw new IllegalArgumentException("engine must not be null");
      }
      this.engine = where;
      return this;
    }

    /**
     * Sets the rule that turns doctors' activity into supply, in place of the profession's (the
     * DREES GP bounds by default); used with a doctors file.
     *
     * @param rule the supply rule, non-null
     * @return this builder
     * @throws IllegalArgumentException when {@code rule} is null
     */
    public Builder supplyRule(SupplyRule rule) {
      if (rule == null) {
        throw new IllegalArgumentException("supply rule must not be null");
      }
      this.supplyRule = rule;
      return this;
    }

    /**
     * Sets the age caps, one variant {@code apl_moinsNN} each, in order; an empty list for none;
     * null (the default) for the profession's caps (65) when doctors have ages, or the supply's
     * {@code consultations_moinsNN} columns.
     *
     * @param caps ages in years, each from 1 to 120; kept as given (copied at build), or null
     * @return this builder
     * @throws IllegalArgumentException when a cap is outside 1 to 120
     */
    public Builder ageCaps(List<Integer> caps) {
      if (caps != null) {
        for (int cap : caps) {
          if (cap < 1 || cap > 120) {
            throw new IllegalArgumentException("age caps must be from 1 to 120, given: " + cap);
          }
        }
      }
      this.ageCaps = caps;
      return this;
    }

    /**
     * Sets the threads, from 1 to {@link ReadContext#MAX_THREADS}; results do not depend on it.
     *
     * @param count the number of threads
     * @return this builder
     * @throws IllegalArgumentException when {@code count} is out of range
     */
    public Builder threads(int count) {
      if (count < 1 || count > ReadContext.MAX_THREADS) {
        throw new IllegalArgumentException(
            "threads must be from 1 to " + ReadContext.MAX_THREADS + ", given: " + count);
      }
      this.threads = count;
      return this;
    }

    /** {@return a new immutable request; the builder can go on being used} */
    public AplRequest build() {
      return new AplRequest(this);
    }
  }
}
