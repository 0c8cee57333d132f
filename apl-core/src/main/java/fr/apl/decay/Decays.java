package fr.apl.decay;

import java.util.Locale;

/**
 * Reads a decay from a spec, as the command line writes it: bands {@code 10:1,15:2/3,20:1/3} (the
 * DREES GP decay, see {@link DistanceDecay#parse}), or a continuous decay {@code NAME:PARAMETERS}
 * with times in minutes:
 *
 * <ul>
 *   <li>{@code gaussian:SIGMA}, {@link GaussianDecay};
 *   <li>{@code kd2sfca:T0}, {@link KernelDensityDecay};
 *   <li>{@code exponential:BETA}, {@link ExponentialDecay};
 *   <li>{@code power:BETA[:MIN]}, {@link PowerDecay}, MIN 1 minute by default;
 *   <li>{@code linear:T}, {@link LinearDecay};
 *   <li>{@code logistic:T:SD}, {@link LogisticDecay}.
 * </ul>
 *
 * <p>Cutoff: bands end at their last edge and take no other. Gaussian, exponential, power and
 * logistic never reach 0 and need a maximum time M. Linear and kd2sfca reach 0 at T (T0): M is
 * optional for them, and the cutoff is then min(M, T). {@link BandEdges} applies to the cutoff as
 * to band edges: {@code HALF_OPEN} keeps {@code t < M}, {@code CLOSED_UPPER} keeps {@code t <= M}.
 *
 * <p>Numbers are plain decimals ({@code 10}, {@code 2.5}, {@code 1e-3}); names are
 * case-insensitive. Stateless and thread-safe.
 */
public final class Decays {

  private static final String FORMS =
      "bands such as 10:1,15:2/3,20:1/3, or gaussian:SIGMA, kd2sfca:T0, exponential:BETA,"
          + " power:BETA[:MIN], linear:T, logistic:T:SD";

  private Decays() {}

  /**
   * Returns the decay of a spec.
   *
   * @param spec the spec, e.g. {@code 10:1,15:2/3,20:1/3} or {@code gaussian:10}, non-blank
   * @param maxMinutes the cutoff M in minutes, finite and &gt; 0, or null for none: required by
   *     gaussian, exponential, power and logistic, optional for linear and kd2sfca, refused with
   *     bands
   * @param edges whether a time on a band edge or on the cutoff belongs below it, non-null
   * @return the decay, immutable
   * @throws IllegalArgumentException when the spec does not parse, a parameter is out of range,
   *     the cutoff is missing or refused; the message names the parameter
   */
  public static Decay parse(String spec, Double maxMinutes, BandEdges edges) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("empty decay; expected " + FORMS);
    }
    if (edges == null) {
      throw new IllegalArgumentException("band edges must not be null");
    }
    if (maxMinutes != null) {
      Params.positive("the cutoff (maximum minutes)", maxMinutes);
    }
    String name = name(spec);
    if (name == null) {
      DistanceDecay bands = DistanceDecay.parse(spec, edges);
      if (maxMinutes != null) {
        throw new IllegalArgumentException("bands end at their last edge ("
            + Params.text(bands.maxMinutes()) + " min) and take no other cutoff (maximum"
            + " minutes): that is for continuous decays");
      }
      return bands;
    }
    String[] p = spec.trim().split(":", -1);
    switch (name) {
      case "gaussian":
        arity(spec, p, 1, 1, "gaussian:SIGMA");
        return GaussianDecay.of(
            Params.number("gaussian: sigma", p[1]), cutoff(spec, maxMinutes), edges);
      case "kd2sfca":
        arity(spec, p, 1, 1, "kd2sfca:T0");
        double t0 = Params.number("kd2sfca: T0", p[1]);
        return maxMinutes == null
            ? KernelDensityDecay.of(t0, edges)
            : KernelDensityDecay.of(t0, maxMinutes, edges);
      case "exponential":
        arity(spec, p, 1, 1, "exponential:BETA");
        return ExponentialDecay.of(
            Params.number("exponential: beta", p[1]), cutoff(spec, maxMinutes), edges);
      case "power":
        arity(spec, p, 1, 2, "power:BETA[:MIN]");
        return PowerDecay.of(
            Params.number("power: beta", p[1]),
            p.length > 2 ? Params.number("power: MIN", p[2]) : PowerDecay.DEFAULT_MIN_MINUTES,
            cutoff(spec, maxMinutes),
            edges);
      case "linear":
        arity(spec, p, 1, 1, "linear:T");
        double t = Params.number("linear: T", p[1]);
        return maxMinutes == null ? LinearDecay.of(t, edges) : LinearDecay.of(t, maxMinutes, edges);
      case "logistic":
        arity(spec, p, 2, 2, "logistic:T:SD");
        return LogisticDecay.of(
            Params.number("logistic: T", p[1]),
            Params.number("logistic: SD", p[2]),
            cutoff(spec, maxMinutes),
            edges);
      default:
        throw new IllegalArgumentException(
            "unknown decay '" + p[0].trim() + "'; expected " + FORMS);
    }
  }

  /**
   * Says whether the decay of a spec needs a cutoff (maximum minutes): gaussian, exponential,
   * power and logistic, whose weight never reaches 0. Looks at the name only.
   *
   * @param spec a spec as {@link #parse} reads it, or null
   * @return true for those four names, false for bands, linear, kd2sfca and anything else
   */
  public static boolean needsCutoff(String spec) {
    String name = spec == null ? null : name(spec);
    return name != null
        && (name.equals("gaussian")
            || name.equals("exponential")
            || name.equals("power")
            || name.equals("logistic"));
  }

  /**
   * Says whether a spec is a band list (it starts with a number, not a name).
   *
   * @param spec a spec as {@link #parse} reads it, or null
   * @return true when it is not null and does not start with a name
   */
  public static boolean isBands(String spec) {
    return spec != null && !spec.isBlank() && name(spec) == null;
  }

  /** Returns the lower-cased name before the first colon, or null when the spec is bands. */
  private static String name(String spec) {
    String s = spec.trim();
    int colon = s.indexOf(':');
    String head = (colon < 0 ? s : s.substring(0, colon)).trim();
    if (head.isEmpty() || !Character.isLetter(head.charAt(0))) {
      return null;
    }
    return head.toLowerCase(Locale.ROOT);
  }

  private static void arity(String spec, String[] parts, int least, int most, String form) {
    int given = parts.length - 1;
    if (given < least || given > most) {
      throw new IllegalArgumentException("decay '" + spec.trim() + "' is not " + form + " (" + given
          + " parameter" + (given == 1 ? "" : "s") + " given)");
    }
  }

  private static double cutoff(String spec, Double maxMinutes) {
    if (maxMinutes == null) {
      throw new IllegalArgumentException("decay '" + spec.trim() + "' needs a cutoff (maximum"
          + " minutes): its weight never reaches 0");
    }
    return maxMinutes;
  }
}
