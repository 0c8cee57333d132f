package fr.apl.profiles;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.apl.decay.BandEdges;
import fr.apl.demand.AgeWeights;
import fr.apl.demand.DemandWeights;
import fr.apl.demand.Rescaling;
import fr.apl.io.csv.InputException;
import fr.apl.profession.Parameter;
import fr.apl.profession.Profession;
import fr.apl.profession.ZoningClasses;
import fr.apl.supply.Activity;
import fr.apl.supply.ActivityRules;
import fr.apl.supply.SalariedPractice;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads profession profiles from JSON, and holds the built-in ones ({@link #builtInNames()}).
 *
 * <p>A profile states every parameter of {@link Profession#PARAMETERS} as {@code {"value": …,
 * "source": "…"}}, the source a publication or a text starting with {@code assumed}; nothing has
 * a default, so that no value enters a run without saying where it comes from. The layout, with
 * the general practitioners' values (see the README, Professions, and the built-in files):
 *
 * <pre>{@code
 * {
 *   "apl_profile": 1,
 *   "name": "general-practitioner",
 *   "label": "Médecins généralistes (DREES APL)",
 *   "decay": {"value": "10:1,15:2/3,20:1/3", "source": "…"},
 *   "max_minutes": {"value": null, "source": "…"},
 *   "band_edges": {"value": "half-open", "source": "…"},
 *   "activity": {"value": "acts", "source": "…"},
 *   "supply": {
 *     "zero_at_or_below": {"value": 250, …}, "floor_up_to": {"value": 3600, …},
 *     "floor_value": {"value": 3600, …}, "ceiling": {"value": 6000, …},
 *     "new_installation": {"value": 5400, …}, "salaried": {"value": "unbounded", …},
 *     "per_unit": {"value": 1, …}, "liberal_age_limit": {"value": null, …}
 *   },
 *   "age_caps": {"value": [65], …},
 *   "demand": {"weights": {"value": "drees-2023", …}, "rescaling": {"value": "total", …}},
 *   "output": {"unit": {"value": "consultations per …", …}, "scale": {"value": 1, …}},
 *   "zoning": {"value": {"rule": "national", "values": [2.5, 4]}, …}
 * }
 * }</pre>
 *
 * <p>{@code demand.weights} is {@code drees-2023}, {@code drees-2022}, 19 numbers (both sexes,
 * bands 0–4 … 90+), or {@code {"women": [19 numbers], "men": [19 numbers]}}. The reader is
 * strict: an unknown or repeated key, a missing parameter or source, a value out of range is an
 * error naming the file, the line and the value; a file over {@link #MAX_BYTES} is refused before
 * it is parsed. Stateless and thread-safe.
 */
public final class ProfessionProfiles {

  /** The largest profile read: 1 MiB (the built-in ones are about 4 KB). */
  public static final int MAX_BYTES = 1 << 20;

  private static final List<String> BUILT_IN =
      List.of("general-practitioner", "nurse", "physiotherapist", "midwife", "dentist");

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(16)
          .maxNumberLength(64)
          .maxStringLength(10_000)
          .build())
      .build();

  private static final ObjectMapper MAPPER =
      new ObjectMapper(FACTORY).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ProfessionProfiles() {}

  /** {@return the names of the built-in profiles, general practitioners first} */
  public static List<String> builtInNames() {
    return BUILT_IN;
  }

  /**
   * Returns a built-in profile.
   *
   * @param name one of {@link #builtInNames()}
   * @return the profile
   * @throws IllegalArgumentException for another name
   */
  public static Profession builtIn(String name) {
    return parse(name + ".json", builtInText(name).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns the JSON text of a built-in profile, a template for one's own.
   *
   * @param name one of {@link #builtInNames()}
   * @return the file as shipped
   * @throws IllegalArgumentException for another name
   */
  public static String builtInText(String name) {
    if (!BUILT_IN.contains(name)) {
      throw new IllegalArgumentException(
          "no built-in profession " + name + "; built in: " + String.join(", ", BUILT_IN));
    }
    try (InputStream in = ProfessionProfiles.class.getResourceAsStream(name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("built-in profile " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a profile file (a FIFO or {@code /dev/stdin} too), at most {@link #MAX_BYTES}.
   *
   * @param file the JSON file
   * @return the profile
   * @throws IOException when the file cannot be read
   * @throws InputException when it is not a valid profile: every problem, each with the file, the
   *     line and the value
   */
  public static Profession read(Path file) throws IOException {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new InputException(source, 0, "is a folder, not a profile");
    }
    byte[] bytes;
    // FileInputStream, not Files.newInputStream: the latter cannot read a pipe on JDK 17.
    try (InputStream in = new FileInputStream(file.toFile())) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new InputException(
          source, 0, "is larger than " + MAX_BYTES + " bytes: not a profession profile");
    }
    return parse(source, bytes);
  }

  /**
   * Parses a profile.
   *
   * @param source the name of the file, for messages
   * @param json the profile, UTF-8
   * @return the profile
   * @throws InputException when it is not a valid profile: every problem, each with the file, the
   *     line and the value
   */
  public static Profession parse(String source, byte[] json) {
    Map<String, Integer> lines = new HashMap<>();
    JsonNode root;
    try {
      try (JsonParser p = FACTORY.createParser(json)) {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          if (t != JsonToken.FIELD_NAME) {
            String pointer = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
                ? p.getParsingContext().getParent() == null
                    ? ""
                    : p.getParsingContext().getParent().pathAsPointer().toString()
                : p.getParsingContext().pathAsPointer().toString();
            lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
          }
        }
      }
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new InputException(
          source,
          at == null ? 0 : Math.max(0, at.getLineNr()),
          "not valid JSON: " + e.getOriginalMessage().replaceAll("\\s+", " "));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || root.isMissingNode()) {
      throw new InputException(source, 0, "is empty: not a profession profile");
    }
    return new Reader(source, lines).profile(root);
  }

  /** One parse: the file's name, the line of each value, the problems found. */
  private static final class Reader {
    private final String source;
    private final Map<String, Integer> lines;
    private final List<InputException> problems = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();

    Reader(String source, Map<String, Integer> lines) {
      this.source = source;
      this.lines = lines;
    }

    Profession profile(JsonNode root) {
      if (!root.isObject()) {
        fail("", "a profile is a JSON object", root);
        throw InputException.of(problems);
      }
      keys(
          root,
          "",
          "apl_profile",
          "name",
          "label",
          "decay",
          "max_minutes",
          "band_edges",
          "activity",
          "supply",
          "age_caps",
          "demand",
          "output",
          "zoning");
      JsonNode version = root.get("apl_profile");
      if (version == null || !version.isInt() || version.intValue() != 1) {
        fail("/apl_profile", "apl_profile must be 1 (the profile format)", version);
      }
      String name = text(root, "", "name");
      String label = text(root, "", "label");
      String decay = textValue(param(root, "", "decay"), "/decay");
      Double maxMinutes = optionalPositive(param(root, "", "max_minutes"), "/max_minutes");
      BandEdges edges = choice(
          param(root, "", "band_edges"),
          "/band_edges",
          Map.of("half-open", BandEdges.HALF_OPEN, "closed-upper", BandEdges.CLOSED_UPPER));
      Activity activity = choice(
          param(root, "", "activity"),
          "/activity",
          Map.of("acts", Activity.ACTS, "fte", Activity.FTE));
      JsonNode supply = object(root, "", "supply");
      keys(
          supply,
          "/supply",
          "zero_at_or_below",
          "floor_up_to",
          "floor_value",
          "ceiling",
          "new_installation",
          "salaried",
          "per_unit",
          "liberal_age_limit");
      double zero = nonNegative(supply, "zero_at_or_below");
      double floorUpTo = nonNegative(supply, "floor_up_to");
      double floorValue = nonNegative(supply, "floor_value");
      double ceiling = nonNegative(supply, "ceiling");
      double fresh = nonNegative(supply, "new_installation");
      SalariedPractice salaried = choice(
          param(supply, "/supply", "salaried"),
          "/supply/salaried",
          Map.of(
              "unbounded", SalariedPractice.UNBOUNDED,
              "bounded", SalariedPractice.BOUNDED,
              "excluded", SalariedPractice.EXCLUDED));
      Double perUnit = optionalPositive(param(supply, "/supply", "per_unit"), "/supply/per_unit");
      if (perUnit == null && supply != null && supply.has("per_unit")) {
        fail("/supply/per_unit/value", "per_unit must be a number > 0", null);
      }
      Integer ageLimit =
          optionalAge(param(supply, "/supply", "liberal_age_limit"), "/supply/liberal_age_limit");
      List<Integer> caps = ages(param(root, "", "age_caps"), "/age_caps");
      JsonNode demand = object(root, "", "demand");
      keys(demand, "/demand", "weights", "rescaling");
      DemandWeights weights = weights(param(demand, "/demand", "weights"), "/demand/weights", name);
      Rescaling rescaling = rescaling(param(demand, "/demand", "rescaling"), "/demand/rescaling");
      JsonNode output = object(root, "", "output");
      keys(output, "/output", "unit", "scale");
      String unit = textValue(param(output, "/output", "unit"), "/output/unit");
      Double scale = optionalPositive(param(output, "/output", "scale"), "/output/scale");
      if (scale == null && output != null && output.has("scale")) {
        fail("/output/scale/value", "scale must be a number > 0", null);
      }
      ZoningClasses zoning = zoning(param(root, "", "zoning"), "/zoning");
      ActivityRules rules = null;
      if (problems.isEmpty()) {
        try {
          rules = new ActivityRules(
              zero,
              floorUpTo,
              floorValue,
              ceiling,
              fresh,
              salaried,
              perUnit,
              ageLimit == null ? Integer.MAX_VALUE : ageLimit);
        } catch (IllegalArgumentException e) {
          fail("/supply", e.getMessage(), null);
        }
      }
      if (problems.isEmpty()) {
        try {
          return new Profession(
              name,
              label,
              decay,
              maxMinutes,
              edges,
              activity,
              rules,
              caps,
              weights,
              rescaling,
              unit,
              scale,
              zoning,
              parameters);
        } catch (IllegalArgumentException e) {
          String at = e.getMessage().contains("decay")
                  || e.getMessage().contains("cutoff")
                  || e.getMessage().contains("band")
              ? "/decay"
              : "";
          fail(at, e.getMessage(), null);
        }
      }
      throw InputException.of(problems);
    }

    /** Reports the keys of an object that are not among the expected ones, and the missing. */
    private void keys(JsonNode object, String pointer, String... expected) {
      if (object == null) {
        return;
      }
      Set<String> want = new LinkedHashSet<>(List.of(expected));
      for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!want.remove(k)) {
          fail(
              pointer + "/" + k,
              "unknown key \"" + k + "\"" + (pointer.isEmpty() ? "" : " in " + dotted(pointer))
                  + "; expected " + String.join(", ", expected),
              null);
        }
      }
      for (String missing : want) {
        fail(
            pointer,
            "missing key \"" + missing + "\"" + (pointer.isEmpty() ? "" : " in " + dotted(pointer)),
            null);
      }
    }

    /** Returns the member object of a key, or null (reported) when it is not an object. */
    private JsonNode object(JsonNode parent, String pointer, String key) {
      if (parent == null || !parent.has(key)) {
        return null;
      }
      JsonNode n = parent.get(key);
      if (!n.isObject()) {
        fail(pointer + "/" + key, dotted(pointer + "/" + key) + " must be an object", n);
        return null;
      }
      return n;
    }

    /**
     * Returns the value node of a parameter {@code {"value": …, "source": "…"}} and records the
     * parameter; null when it is missing or malformed (reported).
     */
    private JsonNode param(JsonNode parent, String pointer, String key) {
      JsonNode p = object(parent, pointer, key);
      if (p == null) {
        return null;
      }
      String at = pointer + "/" + key;
      keys(p, at, "value", "source");
      JsonNode source = p.get("source");
      if (source != null && (!source.isTextual() || source.textValue().isBlank())) {
        fail(
            at + "/source",
            "the source of " + dotted(at) + " must be a text: a publication,"
                + " or \"assumed\" and why",
            source);
        return null;
      }
      if (source == null || !p.has("value")) {
        return null;
      }
      JsonNode value = p.get("value");
      parameters.add(new Parameter(dotted(at), show(value), source.textValue().strip()));
      return value;
    }

    private String text(JsonNode parent, String pointer, String key) {
      if (parent == null || !parent.has(key)) {
        return null;
      }
      JsonNode n = parent.get(key);
      if (!n.isTextual() || n.textValue().isBlank()) {
        fail(pointer + "/" + key, dotted(pointer + "/" + key) + " must be a text", n);
        return null;
      }
      return n.textValue();
    }

    private String textValue(JsonNode v, String at) {
      if (v == null) {
        return null;
      }
      if (!v.isTextual() || v.textValue().isBlank()) {
        fail(at + "/value", dotted(at) + " must be a text", v);
        return null;
      }
      return v.textValue();
    }

    private double nonNegative(JsonNode supply, String key) {
      String at = "/supply/" + key;
      JsonNode v = param(supply, "/supply", key);
      if (v == null) {
        return 0;
      }
      if (!v.isNumber() || !(v.doubleValue() >= 0) || Double.isInfinite(v.doubleValue())) {
        fail(at + "/value", dotted(at) + " must be a finite number >= 0", v);
        return 0;
      }
      return v.doubleValue();
    }

    private Double optionalPositive(JsonNode v, String at) {
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isNumber() || !(v.doubleValue() > 0) || Double.isInfinite(v.doubleValue())) {
        fail(at + "/value", dotted(at) + " must be a finite number > 0 (or null)", v);
        return null;
      }
      return v.doubleValue();
    }

    private Integer optionalAge(JsonNode v, String at) {
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isInt() || v.intValue() < 1 || v.intValue() > 120) {
        fail(at + "/value", dotted(at) + " must be a whole age from 1 to 120 (or null)", v);
        return null;
      }
      return v.intValue();
    }

    private List<Integer> ages(JsonNode v, String at) {
      List<Integer> caps = new ArrayList<>();
      if (v == null) {
        return caps;
      }
      if (!v.isArray()) {
        fail(at + "/value", dotted(at) + " must be a list of ages, such as [65] or []", v);
        return caps;
      }
      for (int k = 0; k < v.size(); k++) {
        JsonNode a = v.get(k);
        if (!a.isInt() || a.intValue() < 1 || a.intValue() > 120 || caps.contains(a.intValue())) {
          fail(at + "/value/" + k, dotted(at) + " takes distinct whole ages from 1 to 120", a);
        } else {
          caps.add(a.intValue());
        }
      }
      return caps;
    }

    private <T> T choice(JsonNode v, String at, Map<String, T> choices) {
      if (v == null) {
        return null;
      }
      T t = v.isTextual() ? choices.get(v.textValue()) : null;
      if (t == null) {
        fail(
            at + "/value",
            dotted(at) + " must be one of "
                + String.join(", ", new java.util.TreeSet<>(choices.keySet())),
            v);
      }
      return t;
    }

    private DemandWeights weights(JsonNode v, String at, String profile) {
      if (v == null) {
        return null;
      }
      if (v.isTextual() && v.textValue().equals("drees-2023")) {
        return DemandWeights.of(AgeWeights.drees2023());
      }
      if (v.isTextual() && v.textValue().equals("drees-2022")) {
        return DemandWeights.of(AgeWeights.drees2022());
      }
      if (v.isArray()) {
        double[] w = nineteen(v, at + "/value");
        return w == null ? null : DemandWeights.of(AgeWeights.of("profile " + profile, w));
      }
      if (v.isObject()) {
        keys(v, at + "/value", "women", "men");
        double[] women = v.has("women") ? nineteen(v.get("women"), at + "/value/women") : null;
        double[] men = v.has("men") ? nineteen(v.get("men"), at + "/value/men") : null;
        if (women == null || men == null) {
          return null;
        }
        return DemandWeights.bySex(
            "profile " + profile, AgeWeights.of("women", women), AgeWeights.of("men", men));
      }
      fail(
          at + "/value",
          dotted(at) + " must be drees-2023, drees-2022, 19 numbers, or {\"women\": [19"
              + " numbers], \"men\": [19 numbers]}",
          v);
      return null;
    }

    private double[] nineteen(JsonNode v, String at) {
      if (!v.isArray() || v.size() != AgeWeights.BANDS) {
        fail(
            at,
            dotted(at) + " must be " + AgeWeights.BANDS + " numbers, one per band 0-4 … 90+",
            v.isArray() ? null : v);
        return null;
      }
      double[] w = new double[AgeWeights.BANDS];
      for (int a = 0; a < w.length; a++) {
        JsonNode x = v.get(a);
        if (!x.isNumber() || !(x.doubleValue() >= 0) || x.doubleValue() > 1e3) {
          fail(
              at + "/" + a,
              "the weight of band " + AgeWeights.BAND_LABELS.get(a) + " must be a number from 0"
                  + " to 1000",
              x);
          return null;
        }
        w[a] = x.doubleValue();
      }
      return w;
    }

    private Rescaling rescaling(JsonNode v, String at) {
      if (v == null) {
        return null;
      }
      if (v.isTextual() && v.textValue().equals("total")) {
        return Rescaling.toTotal();
      }
      if (v.isTextual() && v.textValue().equals("none")) {
        return Rescaling.none();
      }
      if (v.isNumber() && v.doubleValue() > 0 && !Double.isInfinite(v.doubleValue())) {
        return Rescaling.factor(v.doubleValue());
      }
      fail(at + "/value", dotted(at) + " must be total, none or a factor > 0", v);
      return null;
    }

    private ZoningClasses zoning(JsonNode v, String at) {
      if (v == null) {
        return null;
      }
      if (!v.isObject()) {
        fail(at + "/value", "zoning must be {\"rule\": …, \"values\": […]}", v);
        return null;
      }
      keys(v, at + "/value", "rule", "values");
      JsonNode rule = v.get("rule");
      JsonNode values = v.get("values");
      if (rule == null || values == null) {
        return null;
      }
      List<Double> numbers = new ArrayList<>();
      if (values.isArray()) {
        for (JsonNode x : values) {
          numbers.add(x.isNumber() ? x.doubleValue() : Double.NaN);
        }
      }
      try {
        return new ZoningClasses(rule.isTextual() ? rule.textValue() : null, numbers);
      } catch (IllegalArgumentException e) {
        fail(at + "/value", e.getMessage(), v);
        return null;
      }
    }

    /** Records a problem at the line of a pointer (or of its nearest parent that has one). */
    private void fail(String pointer, String problem, JsonNode value) {
      String p = pointer;
      Integer line = lines.get(p);
      while (line == null && !p.isEmpty()) {
        p = p.substring(0, p.lastIndexOf('/'));
        line = lines.get(p);
      }
      String shown = value == null ? "" : ", given: " + clip(show(value));
      problems.add(new InputException(source, line == null ? 0 : line, problem + shown));
    }
  }

  /** {@code /supply/ceiling} → {@code supply.ceiling}. */
  private static String dotted(String pointer) {
    return pointer.isEmpty() ? "the profile" : pointer.substring(1).replace('/', '.');
  }

  /** A value as the summary prints it: text as is, null as {@code none}, the rest as JSON. */
  private static String show(JsonNode v) {
    if (v.isNull()) {
      return "none";
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    return v.toString();
  }

  private static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
