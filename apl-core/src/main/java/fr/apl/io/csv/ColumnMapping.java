package fr.apl.io.csv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names the columns of input files when they differ from the usual ones, e.g. {@code
 * origin=COM1,destination=COM2,minutes=HC,commune=CODGEO,population=P21_POP}.
 *
 * <p>A name given here is looked for first, then the usual names of that column (so one mapping
 * serves a population file with {@code CODGEO} and a supply file with {@code commune}). Header
 * names are compared ignoring case. The usual names of each key are {@link #defaults(String)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ColumnMapping {

  /** Origin commune of a travel time. */
  public static final String ORIGIN = "origin";
  /** Destination commune of a travel time. */
  public static final String DESTINATION = "destination";
  /** Travel time in minutes. */
  public static final String MINUTES = "minutes";
  /** Commune code of a population, supply or doctors row. */
  public static final String COMMUNE = "commune";
  /** Standardised population. */
  public static final String POPULATION = "population";
  /** Consultations of a supply row. */
  public static final String CONSULTATIONS = "consultations";
  /** Doctor identifier. */
  public static final String DOCTOR_ID = "doctor_id";
  /** Acts of a doctor at a practice. */
  public static final String ACTS = "acts";
  /** Full-time equivalents of a practitioner at a practice (professions counted in FTE). */
  public static final String FTE = "fte";
  /** Age of a doctor. */
  public static final String AGE = "age";
  /** Practice mode of a doctor. */
  public static final String MODE = "mode";
  /** New installation flag of a doctor. */
  public static final String NEW_INSTALLATION = "new_installation";

  private static final Map<String, List<String>> DEFAULTS = new LinkedHashMap<>();

  static {
    // Same names as TimesCsv looks for; INSEE Metric is COM1,COM2,KM,HC,HP.
    DEFAULTS.put(ORIGIN, List.of("origin", "origine", "com1", "from"));
    DEFAULTS.put(DESTINATION, List.of("destination", "com2", "to"));
    DEFAULTS.put(MINUTES, List.of("minutes", "hc", "temps", "duree", "time"));
    // INSEE files say CODGEO (census, table d'appartenance) or DEPCOM; IGN says INSEE_COM.
    DEFAULTS.put(
        COMMUNE,
        List.of(
            "code_commune",
            "codgeo",
            "depcom",
            "commune",
            "com",
            "code",
            "code_insee",
            "insee_com"));
    DEFAULTS.put(POPULATION, List.of("population", "pop_standardisee", "population_standardisee"));
    DEFAULTS.put(CONSULTATIONS, List.of("consultations"));
    DEFAULTS.put(DOCTOR_ID, List.of("doctor_id", "id", "medecin"));
    DEFAULTS.put(ACTS, List.of("acts", "actes", "activity"));
    DEFAULTS.put(FTE, List.of("fte", "etp"));
    DEFAULTS.put(AGE, List.of("age"));
    DEFAULTS.put(MODE, List.of("mode"));
    DEFAULTS.put(NEW_INSTALLATION, List.of("new_installation", "nouvelle_installation"));
  }

  private static final ColumnMapping NONE = new ColumnMapping(Map.of());

  private final Map<String, String> names;

  private ColumnMapping(Map<String, String> names) {
    this.names = Collections.unmodifiableMap(new TreeMap<>(names));
  }

  /** {@return the mapping that names no column: every reader uses the usual names} */
  public static ColumnMapping none() {
    return NONE;
  }

  /**
   * Parses {@code key=NAME,key=NAME…}; keys are those of {@link #keys()}, ignoring case.
   *
   * @param spec the mapping as an option gives it, e.g. {@code commune=CODGEO,population=P21_POP}
   * @return the mapping
   * @throws IllegalArgumentException on an unknown key, a key given twice or an empty name
   */
  public static ColumnMapping parse(String spec) {
    Map<String, String> names = new TreeMap<>();
    for (String part : spec.split(",", -1)) {
      int eq = part.indexOf('=');
      String key = eq < 0 ? part.trim() : part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String name = eq < 0 ? "" : part.substring(eq + 1).trim();
      if (!DEFAULTS.containsKey(key)) {
        throw new IllegalArgumentException("column mapping: unknown column '" + key + "'; known: "
            + String.join(", ", DEFAULTS.keySet()));
      }
      if (name.isEmpty()) {
        throw new IllegalArgumentException(
            "column mapping: " + key + "= needs a header name, as in " + key + "="
                + DEFAULTS.get(key).get(0).toUpperCase(Locale.ROOT));
      }
      if (names.put(key, name) != null) {
        throw new IllegalArgumentException("column mapping: " + key + " is given twice");
      }
    }
    return new ColumnMapping(names);
  }

  /** {@return the keys a mapping may name, in a fixed order; immutable} */
  public static List<String> keys() {
    return List.copyOf(DEFAULTS.keySet());
  }

  /**
   * Returns the usual header names of a key.
   *
   * @param key one of {@link #keys()}
   * @return the names, most usual first; immutable
   * @throws IllegalArgumentException on an unknown key
   */
  public static List<String> defaults(String key) {
    List<String> d = DEFAULTS.get(key);
    if (d == null) {
      throw new IllegalArgumentException("unknown column key: " + key);
    }
    return d;
  }

  /**
   * Returns this mapping with one more name (or another name for the key).
   *
   * @param key one of {@link #keys()}
   * @param name the header name, non-blank; trimmed
   * @return a new mapping; this one is unchanged
   * @throws IllegalArgumentException on an unknown key or an empty name
   */
  public ColumnMapping with(String key, String name) {
    defaults(key);
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("column " + key + " needs a header name");
    }
    Map<String, String> more = new TreeMap<>(names);
    more.put(key, name.trim());
    return new ColumnMapping(more);
  }

  /**
   * Returns the header name given for a key.
   *
   * @param key a column key
   * @return the name given, or null when the mapping names none for the key
   */
  public String get(String key) {
    return names.get(key);
  }

  /**
   * Returns the names to look for, the given one first, then the usual ones.
   *
   * @param key one of {@link #keys()}
   * @return a new array, never empty
   * @throws IllegalArgumentException on an unknown key
   */
  public String[] candidates(String key) {
    List<String> d = defaults(key);
    String given = names.get(key);
    if (given == null) {
      return d.toArray(new String[0]);
    }
    String[] out = new String[d.size() + 1];
    out[0] = given;
    for (int k = 0; k < d.size(); k++) {
      out[k + 1] = d.get(k);
    }
    return out;
  }

  /** {@return true when no column is named} */
  public boolean isEmpty() {
    return names.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : names.entrySet()) {
      b.append(b.length() == 0 ? "" : ",").append(e.getKey()).append('=').append(e.getValue());
    }
    return b.toString();
  }
}
