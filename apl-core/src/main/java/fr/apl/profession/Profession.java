package fr.apl.profession;

import fr.apl.decay.BandEdges;
import fr.apl.decay.Decay;
import fr.apl.decay.Decays;
import fr.apl.demand.AgeWeights;
import fr.apl.demand.DemandWeights;
import fr.apl.demand.Rescaling;
import fr.apl.supply.Activity;
import fr.apl.supply.ActivityRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Holds what APL needs to know of one health profession (DREES structure, APL-METHOD §5): the
 * decay, how activity becomes supply, the age caps of the capped variants, the demand's age (and
 * sex) weights, the output unit and scale, and the zoning classes; and for every one of these
 * parameters, where its value comes from or the word "assumed".
 *
 * <p>The general practitioners' profile ({@link #generalPractitioner()}) is the DREES APL, every
 * parameter from the DREES "Paramètres" sheet. DREES publishes APL for nurses,
 * physiotherapists, midwives and dentists with the same structure but not all their parameters:
 * a profile whose parameter is assumed gives a figure of the DREES kind, not the DREES figure
 * ({@link #assumed()} lists what is assumed; the command line prints it).
 *
 * <p>The supply is computed in the profile's activity unit, divided by {@link
 * ActivityRules#perUnit()}, then multiplied by {@link #scale()} before the computation, so that
 * every method's access (linear in the supply) comes out in {@link #unit()}: 100 000 gives full-
 * time equivalents per 100 000 inhabitants.
 *
 * @param name the profile's name, lower case letters, digits and hyphens, e.g. {@code nurse}
 * @param label a human name, e.g. {@code Infirmiers libéraux}
 * @param decaySpec the decay as {@link Decays#parse} reads it, e.g. {@code 10:1,15:2/3,20:1/3}
 * @param maxMinutes the cutoff of a continuous decay in minutes, or null (bands)
 * @param bandEdges whether a time on an edge belongs below it
 * @param activity what the practitioners' file measures (acts or full-time equivalents)
 * @param supply the bounds that turn activity into supply
 * @param ageCaps the ages of the capped variants computed by default (empty for none)
 * @param demand the age-band weights of the demand, one set or one per sex
 * @param rescaling how the weighted population is rescaled
 * @param unit what the access figure measures, e.g. {@code consultations per year per
 *     standardised inhabitant}
 * @param scale the factor of the supply before the computation (1, or 100 000 for "per 100 000")
 * @param zoning the zoning classes of the profession
 * @param parameters every parameter with its source, one for each of {@link #PARAMETERS}
 */
public record Profession(
    String name,
    String label,
    String decaySpec,
    Double maxMinutes,
    BandEdges bandEdges,
    Activity activity,
    ActivityRules supply,
    List<Integer> ageCaps,
    DemandWeights demand,
    Rescaling rescaling,
    String unit,
    double scale,
    ZoningClasses zoning,
    List<Parameter> parameters) {

  /** The names of the parameters every profile states, each with its source. */
  public static final List<String> PARAMETERS = List.of(
      "decay",
      "max_minutes",
      "band_edges",
      "activity",
      "supply.zero_at_or_below",
      "supply.floor_up_to",
      "supply.floor_value",
      "supply.ceiling",
      "supply.new_installation",
      "supply.salaried",
      "supply.per_unit",
      "supply.liberal_age_limit",
      "age_caps",
      "demand.weights",
      "demand.rescaling",
      "output.unit",
      "output.scale",
      "zoning");

  private static final String DREES_SHEET =
      "DREES, APL aux médecins généralistes 2022-2023, sheet \"Paramètres\"";

  /**
   * Validates the profile.
   *
   * @param name lower case letters, digits and hyphens, 1 to 64 characters
   * @param label non-blank
   * @param decaySpec a decay {@link Decays#parse} accepts with {@code maxMinutes} and {@code
   *     bandEdges}
   * @param maxMinutes the cutoff, or null
   * @param bandEdges non-null
   * @param activity non-null
   * @param supply non-null
   * @param ageCaps ages from 1 to 120, distinct; copied
   * @param demand non-null
   * @param rescaling non-null
   * @param unit non-blank
   * @param scale finite and &gt; 0
   * @param zoning non-null
   * @param parameters exactly one for each name of {@link #PARAMETERS}; copied
   * @throws IllegalArgumentException on any value out of range, naming it
   */
  public Profession {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException("a profession's name is 1 to 64 lower case letters,"
          + " digits and hyphens, given: " + name);
    }
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("profession " + name + " needs a label");
    }
    if (bandEdges == null || activity == null || supply == null || demand == null) {
      throw new IllegalArgumentException("profession " + name + " needs band edges, an activity,"
          + " a supply rule and demand weights");
    }
    if (rescaling == null || zoning == null) {
      throw new IllegalArgumentException("profession " + name + " needs a rescaling and zoning");
    }
    Decays.parse(decaySpec, maxMinutes, bandEdges);
    ageCaps = List.copyOf(ageCaps);
    Set<Integer> seen = new HashSet<>();
    for (int cap : ageCaps) {
      if (cap < 1 || cap > 120 || !seen.add(cap)) {
        throw new IllegalArgumentException(
            "age caps are distinct ages from 1 to 120, given: " + ageCaps);
      }
    }
    if (unit == null || unit.isBlank()) {
      throw new IllegalArgumentException("profession " + name + " needs an output unit");
    }
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException(
          "the output scale must be finite and > 0, given: " + scale);
    }
    parameters = List.copyOf(parameters);
    Set<String> named = new HashSet<>();
    for (Parameter p : parameters) {
      if (!PARAMETERS.contains(p.name()) || !named.add(p.name())) {
        throw new IllegalArgumentException("parameter " + p.name() + " of profession " + name
            + (named.contains(p.name()) ? " is given twice" : " is not a profile parameter"));
      }
    }
    if (named.size() != PARAMETERS.size()) {
      List<String> missing = new ArrayList<>(PARAMETERS);
      missing.removeAll(named);
      throw new IllegalArgumentException("profession " + name + " gives no source for " + missing);
    }
  }

  /** {@return the decay of the profile, parsed from its spec, cutoff and edges} */
  public Decay decay() {
    return Decays.parse(decaySpec, maxMinutes, bandEdges);
  }

  /** {@return the parameters whose value no public source gives, in profile order} */
  public List<Parameter> assumed() {
    List<Parameter> a = new ArrayList<>();
    for (Parameter p : parameters) {
      if (p.assumed()) {
        a.add(p);
      }
    }
    return a;
  }

  /**
   * Returns the parameter of a name.
   *
   * @param parameterName one of {@link #PARAMETERS}
   * @return the parameter with its value and source
   * @throws IllegalArgumentException for a name that is not a profile parameter
   */
  public Parameter parameter(String parameterName) {
    for (Parameter p : parameters) {
      if (p.name().equals(parameterName)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no parameter " + parameterName);
  }

  /**
   * Returns the DREES APL to general practitioners: bands 10:1, 15:2/3, 20:1/3 (half-open), the
   * DREES activity bounds (250, 3 600, 3 600, 6 000, 5 400; centres de santé unbounded), cap 65,
   * the DREES 2023 age weights rescaled to the total population, consultations per year per
   * standardised inhabitant, the 2017 national zoning thresholds 2.5 and 4. No parameter is
   * assumed.
   *
   * @return the general practitioners' profile
   */
  public static Profession generalPractitioner() {
    String bounds = DREES_SHEET + " (activity bounds)";
    return new Profession(
        "general-practitioner",
        "Médecins généralistes (DREES APL)",
        "10:1,15:2/3,20:1/3",
        null,
        BandEdges.HALF_OPEN,
        Activity.ACTS,
        ActivityRules.dreesGeneralPractitioners(),
        List.of(65),
        DemandWeights.of(AgeWeights.drees2023()),
        Rescaling.toTotal(),
        "consultations per year per standardised inhabitant",
        1,
        new ZoningClasses("national", List.of(2.5, 4.0)),
        List.of(
            new Parameter("decay", "10:1,15:2/3,20:1/3", DREES_SHEET + " (distance decay)"),
            new Parameter("max_minutes", "none", "bands end at their last edge"),
            new Parameter(
                "band_edges",
                "half-open",
                DREES_SHEET + ": \"moins de 10, entre 10 et 15\", read half-open"),
            new Parameter(
                "activity", "acts", DREES_SHEET + " (consultations, visits, teleconsultations)"),
            new Parameter("supply.zero_at_or_below", "250", bounds),
            new Parameter("supply.floor_up_to", "3600", bounds),
            new Parameter("supply.floor_value", "3600", bounds),
            new Parameter("supply.ceiling", "6000", bounds),
            new Parameter("supply.new_installation", "5400", bounds),
            new Parameter("supply.salaried", "unbounded", bounds),
            new Parameter("supply.per_unit", "1", "DREES: APL in consultations"),
            new Parameter("supply.liberal_age_limit", "none", DREES_SHEET),
            new Parameter("age_caps", "[65]", "DREES publishes APL without GPs of 65 or more"),
            new Parameter("demand.weights", "drees-2023", DREES_SHEET + " (age weights 2023)"),
            new Parameter(
                "demand.rescaling",
                "total",
                "DREES: the standardised population sums to the total population"),
            new Parameter(
                "output.unit", "consultations per year per standardised inhabitant", "DREES"),
            new Parameter("output.scale", "1", "DREES"),
            new Parameter(
                "zoning",
                "{\"rule\":\"national\",\"values\":[2.5,4]}",
                "arrêté du 13 novembre 2017")));
  }
}
