package fr.apl.cli;

import fr.apl.io.csv.CsvDialect;
import fr.apl.io.csv.InputException;
import fr.apl.io.csv.ZoningCsv;
import fr.apl.place.CommuneValues;
import fr.apl.profession.ZoningClasses;
import fr.apl.zoning.AreaFigures;
import fr.apl.zoning.ClassChange;
import fr.apl.zoning.ClassSummary;
import fr.apl.zoning.Figures;
import fr.apl.zoning.NationalThresholds;
import fr.apl.zoning.QuantileClasses;
import fr.apl.zoning.RegionalCeilings;
import fr.apl.zoning.Zoning;
import fr.apl.zoning.ZoningRule;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code apl zoning}: from commune APL to zoning classes of territories, with figures. */
@Command(
    name = "zoning",
    header = "Zones territories from commune APL (ZIP, ZAC…) and computes the figures.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Aggregates commune APL to territories (mean weighted by population), classifies them",
      "(national thresholds, regional ceilings or population-share classes) and computes the",
      "figures reports quote, for France, each region and each department.",
      "Writes the territory table 'territory,population,apl,class,forced_class,final_class,",
      "region,communes' sorted by territory; the figures go to stdout unless --figures."
    },
    footer = ExitCodes.HELP)
final class ZoningCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(
      names = "--apl",
      required = true,
      paramLabel = "FILE",
      description = "Commune APL: the output of apl compute, or any CSV with a commune column, an"
          + " APL column and a population column (a DREES file: apl_mg, pop_totale).")
  Path apl;

  @Option(
      names = "--apl-column",
      paramLabel = "NAME",
      description = "APL column to zone (default: apl, else apl_mg).")
  String aplColumn;

  @Option(
      names = "--capped-column",
      paramLabel = "NAME",
      description = "Age-capped APL column for the figures (default: apl_moins65 or"
          + " apl_mg_moins65 when present; 'none' to skip).")
  String cappedColumn;

  @Option(
      names = "--weight",
      paramLabel = "COLUMN",
      description = "Population column weighting communes (default: the resident population"
          + " residents or pop_totale when present, as DREES does for GPs; else the standardised"
          + " population or pop_standardisee, which the summary says).")
  String weight;

  @Option(
      names = "--territories",
      required = true,
      paramLabel = "FILE",
      description = "Territory of each commune: commune,territory[,region][,department], or e.g."
          + " the INSEE table d'appartenance with --territory-column BV2012.")
  Path territories;

  @Option(
      names = "--territory-column",
      paramLabel = "NAME",
      defaultValue = "territory",
      description = "Territory column of --territories (default: ${DEFAULT-VALUE}).")
  String territoryColumn;

  @Option(
      names = "--commune-column",
      paramLabel = "NAME",
      description = "Commune column of --territories (default: commune, code_commune or CODGEO).")
  String communeColumn;

  @Option(
      names = "--region-column",
      paramLabel = "NAME",
      description = "Region column of --territories (default: region or REG when present).")
  String regionColumn;

  @Option(
      names = "--department-column",
      paramLabel = "NAME",
      description = "Department column of --territories (default: department or DEP when"
          + " present, else the department is read from the commune code).")
  String departmentColumn;

  @Option(
      names = "--profession",
      paramLabel = "NAME|FILE",
      description = "Take the zoning classes of a profession profile (built-in name or JSON"
          + " file): its rule and thresholds or shares (general-practitioner: national 2.5,4;"
          + " nurse: quantiles 5.3,9.4,36.6,20.4,28.3). --rule, --thresholds and --shares"
          + " override it.")
  String profession;

  @Option(
      names = "--geometry",
      paramLabel = "FILE",
      description =
          "Commune polygons (GeoJSON or GeoPackage) for a .geojson or .gpkg --output (territories:"
              + " the union of their communes) or --communes; .xlsx needs none.")
  Path geometry;

  @Option(
      names = "--cog-map",
      paramLabel = "FILE",
      description = "With --geometry: code history ancien_code,code_actuel, to dissolve the"
          + " polygons of merged communes into their current commune.")
  Path cogMap;

  @Option(
      names = "--rule",
      paramLabel = "RULE",
      defaultValue = "national",
      description = "national (2017 thresholds), ceilings (2021 regional ceilings) or quantiles"
          + " (five population-share classes) (default: ${DEFAULT-VALUE}).")
  String rule;

  @Option(
      names = "--thresholds",
      paramLabel = "ZIP,VIVIER",
      defaultValue = "2.5,4",
      description = "national: upper APL of zip and vivier (default: ${DEFAULT-VALUE}).")
  String thresholds;

  @Option(
      names = "--inclusive",
      paramLabel = "SIDE",
      defaultValue = "upper",
      description = "national: upper (APL <= 2.5 is zip, as the arrêté) or lower (APL < 2.5)"
          + " (default: ${DEFAULT-VALUE}).")
  String inclusive;

  @Option(
      names = "--ceilings",
      paramLabel = "FILE",
      description = "ceilings: region,zip_share,zac_share (0.203 or 20.3 %%).")
  Path ceilings;

  @Option(
      names = "--crossing",
      paramLabel = "HOW",
      defaultValue = "exclude",
      description = "ceilings: the territory in which a ceiling falls is left out (exclude: the"
          + " ceiling is never exceeded) or taken in (include) (default: ${DEFAULT-VALUE}).")
  String crossing;

  @Option(
      names = "--shares",
      paramLabel = "PERCENTS",
      defaultValue = "5.3,9.4,36.6,20.4,28.3",
      description = "quantiles: population shares of the five classes, least served first"
          + " (default: ${DEFAULT-VALUE}, the nurses' zoning).")
  String shares;

  @Option(
      names = "--forced",
      paramLabel = "FILE",
      description = "Classes forced by decision: columns territory and class, each class one of"
          + " the rule's (national: zip, vivier, hors_zonage; ceilings: zip, zac, hors_zonage;"
          + " quantiles: the five classes); kept apart in forced_class.")
  Path forced;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "Territory table ('-' for stdout). Each output is written to a temporary file"
          + " moved into place at the end; a FIFO or a device such as /dev/null is written in"
          + " place, as stdout; a symbolic link's target is written, the link stays.")
  String output;

  @Option(
      names = "--communes",
      paramLabel = "FILE",
      description = "Also write the commune table commune,territory,apl,class.")
  String communesOutput;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the zoning as JSON.")
  String jsonOutput;

  @Option(
      names = "--figures",
      paramLabel = "FILE",
      description = "Write the figures there instead of stdout.")
  String figuresOutput;

  @Option(
      names = "--check",
      paramLabel = "PREVIOUS",
      description = "Compare with a previous territory table (may be the --output file itself,"
          + " which is then replaced without --force):"
          + " list the territories whose class changed and exit 3 when any did.")
  Path check;

  @Mixin
  CommonOptions common;

  private final PrintStream stdout;

  ZoningCommand(PrintStream stdout) {
    this.stdout = stdout;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    CsvDialect dialect = Options.dialect(spec, common.outputDialect);
    List<Path> inputs = new ArrayList<>(List.of(apl, territories));
    if (ceilings != null) {
      inputs.add(ceilings);
    }
    if (forced != null) {
      inputs.add(forced);
    }
    if (geometry != null) {
      inputs.add(geometry);
    }
    if (cogMap != null) {
      inputs.add(cogMap);
    }
    for (String o : communesOutput == null ? List.of(output) : List.of(output, communesOutput)) {
      if (GeoOutput.needsGeometry(GeoOutput.format(o)) && geometry == null) {
        throw new ParameterException(
            spec.commandLine(), "the output " + o + " needs --geometry POLYGONS (GeoJSON)");
      }
    }
    OutputTarget territoryTarget = target("--output", output, inputs);
    OutputTarget communeTarget =
        communesOutput == null ? null : target("--communes", communesOutput, inputs);
    OutputTarget jsonTarget = jsonOutput == null ? null : target("--json", jsonOutput, inputs);
    OutputTarget figuresTarget = figuresOutput != null
        ? target("--figures", figuresOutput, inputs)
        : territoryTarget.isStdout() ? null : target("--figures", "-", inputs);
    List<OutputTarget> targets = new ArrayList<>();
    for (OutputTarget t :
        new OutputTarget[] {territoryTarget, communeTarget, jsonTarget, figuresTarget}) {
      if (t != null) {
        targets.add(t);
      }
    }
    String clash = OutputTarget.clash(targets);
    if (clash != null) {
      throw new ParameterException(spec.commandLine(), clash);
    }
    try {
      for (OutputTarget t : targets) {
        t.check();
      }
      ZoningCsv.Previous previous = check == null ? null : ZoningCsv.readPrevious(check);
      List<String> header = ZoningCsv.header(apl);
      String aplCol = aplColumn != null ? aplColumn : pick(header, "apl", "apl_mg");
      String weightCol = weight != null
          ? weight
          : pick(
              header,
              "residents",
              "pop_totale",
              "population_totale",
              "population",
              "pop_standardisee");
      String cappedCol = cappedColumn != null
          ? (cappedColumn.equalsIgnoreCase("none") ? null : cappedColumn)
          : pickOrNull(header, "apl_moins65", "apl_mg_moins65");
      if (aplCol == null || weightCol == null) {
        throw new ParameterException(
            spec.commandLine(),
            apl + " has no "
                + (aplCol == null
                    ? "apl (or apl_mg) column: name it with --apl-column"
                    : "population column: name it with --weight")
                + "; header is: "
                + String.join(",", header));
      }
      List<String> required = new ArrayList<>(List.of(aplCol, weightCol));
      if (cappedCol != null) {
        required.add(cappedCol);
      }
      ZoningCsv.CommuneTable table = ZoningCsv.readCommuneTable(apl, null, required, List.of());
      CommuneValues aplValues = table.columns().get(aplCol);
      CommuneValues weights = table.columns().get(weightCol);
      ZoningCsv.Territories terr = ZoningCsv.readTerritories(
          territories, communeColumn, territoryColumn, regionColumn, departmentColumn);
      ZoningRule zoningRule = rule(terr);
      Map<String, String> forcedClasses =
          forced == null ? Map.of() : ZoningCsv.readForced(forced, zoningRule.classes());
      Zoning zoning;
      try {
        zoning = Zoning.of(aplValues, weights, terr.map(), zoningRule, forcedClasses);
      } catch (IllegalArgumentException e) {
        err.println("apl: " + e.getMessage());
        return ExitCodes.DATA;
      }
      Map<String, CommuneValues> variants = new LinkedHashMap<>();
      variants.put(aplCol, aplValues);
      if (cappedCol != null) {
        variants.put(cappedCol, table.columns().get(cappedCol));
      }
      List<AreaFigures> figures = figures(zoning, terr, variants, weights, zoningRule);

      GeoOutput.Format territoryFormat = GeoOutput.format(output);
      GeoOutput.Format communeFormat =
          communesOutput == null ? GeoOutput.Format.CSV : GeoOutput.format(communesOutput);
      if (territoryFormat == GeoOutput.Format.CSV) {
        territoryTarget.write(w -> ZoningCsv.writeTerritories(zoning, w, dialect), stdout);
      } else {
        fr.apl.geo.write.FeatureTable t = territoryFeatures(zoning, aplValues);
        territoryTarget.writeBytes(out -> GeoOutput.write(t, territoryFormat, out), stdout);
      }
      if (communeTarget != null && communeFormat == GeoOutput.Format.CSV) {
        communeTarget.write(w -> ZoningCsv.writeCommunes(zoning, aplValues, w, dialect), stdout);
      } else if (communeTarget != null) {
        java.io.StringWriter csv = new java.io.StringWriter();
        ZoningCsv.writeCommunes(zoning, aplValues, csv, fr.apl.io.csv.CsvDialect.STANDARD);
        fr.apl.geo.write.FeatureTable t = fr.apl.geo.write.ResultFeatures.of(
            "zoning_communes",
            fr.apl.geo.ResultTable.parse("communes", csv.toString()),
            shapes(),
            null,
            zoningParameters());
        communeTarget.writeBytes(out -> GeoOutput.write(t, communeFormat, out), stdout);
      }
      if (jsonTarget != null) {
        jsonTarget.write(w -> ZoningCsv.writeJson(zoning, aplValues, weightCol, w), stdout);
      }
      if (figuresTarget != null) {
        figuresTarget.write(w -> ZoningCsv.writeFigures(figures, w, dialect), stdout);
      }
      for (OutputTarget t : targets) {
        t.commit();
      }
      report(err, zoning, weightCol, aplCol);
      if (previous != null) {
        List<ClassChange> changes = zoning.changesFrom(previous.classes(), previous.apl());
        for (ClassChange c : changes) {
          err.printf(
              Locale.ROOT,
              "  changed %s: %s -> %s (APL %s -> %s)%n",
              c.territory(),
              orNone(c.previousClass()),
              orNone(c.currentClass()),
              fmt(c.previousApl()),
              fmt(c.currentApl()));
        }
        err.printf(
            Locale.ROOT,
            "apl zoning --check: %d territories changed class since %s%n",
            changes.size(),
            check);
        if (!changes.isEmpty()) {
          return ExitCodes.CHANGED;
        }
      }
      return ExitCodes.OK;
    } catch (InputException | IOException e) {
      return Failures.exitCode(err, e, inputs);
    } finally {
      for (OutputTarget t : targets) {
        t.discard();
      }
    }
  }

  private fr.apl.geo.CommuneShapes polygons;

  /** The commune polygons of --geometry, brought to the current geography, or null. */
  private fr.apl.geo.CommuneShapes shapes() throws IOException {
    if (polygons == null) {
      polygons = GeoOutput.shapes(geometry, cogMap);
    }
    return polygons;
  }

  /** The territory table as features: polygons dissolved from their communes'. */
  private fr.apl.geo.write.FeatureTable territoryFeatures(Zoning zoning, CommuneValues apl)
      throws IOException {
    java.io.StringWriter csv = new java.io.StringWriter();
    ZoningCsv.writeTerritories(zoning, csv, fr.apl.io.csv.CsvDialect.STANDARD);
    fr.apl.geo.ResultTable table =
        fr.apl.geo.ResultTable.parse("territories", csv.toString(), "territory", "territory");
    fr.apl.geo.CommuneShapes dissolved = null;
    if (geometry != null) {
      java.io.StringWriter communes = new java.io.StringWriter();
      ZoningCsv.writeCommunes(zoning, apl, communes, fr.apl.io.csv.CsvDialect.STANDARD);
      Map<String, String> territoryOf =
          fr.apl.geo.ResultTable.parse("communes", communes.toString()).text("territory");
      dissolved = shapes().dissolve(territoryOf);
    }
    return fr.apl.geo.write.ResultFeatures.of("zoning", table, dissolved, null, zoningParameters());
  }

  private List<String[]> zoningParameters() {
    List<String[]> p = new ArrayList<>();
    p.add(new String[] {"rule", rule, "--rule"});
    p.add(new String[] {"thresholds", thresholds, "--thresholds"});
    p.add(new String[] {"shares", shares, "--shares"});
    p.add(new String[] {"apl", apl.toString(), "--apl"});
    p.add(new String[] {"territories", territories.toString(), "--territories"});
    if (geometry != null) {
      p.add(new String[] {"geometry", geometry.toString(), "--geometry"});
    }
    return p;
  }

  private OutputTarget target(String option, String path, List<Path> inputs) {
    // Regenerating a zoning and checking it against the previous one in the same file is the CI
    // use of --check: that file may be replaced without --force.
    boolean checked = check != null
        && !path.equals("-")
        && Path.of(path)
            .toAbsolutePath()
            .normalize()
            .equals(check.toAbsolutePath().normalize());
    OutputTarget t = OutputTarget.of(option, path, inputs, common.force || checked);
    if (t.refusal() != null) {
      throw new ParameterException(spec.commandLine(), t.refusal());
    }
    return t;
  }

  /** Sets --rule and its values from --profession, where the command line does not give them. */
  private void professionDefaults() throws IOException {
    if (profession == null) {
      return;
    }
    ZoningClasses z = Options.profession(spec, "--profession", profession).zoning();
    CommandLine.ParseResult given = spec.commandLine().getParseResult();
    if (!given.hasMatchedOption("--rule")) {
      rule = z.rule();
    }
    if (rule.trim().equalsIgnoreCase(z.rule())) {
      if (z.rule().equals("national") && !given.hasMatchedOption("--thresholds")) {
        thresholds = z.valuesText();
      }
      if (z.rule().equals("quantiles") && !given.hasMatchedOption("--shares")) {
        shares = z.valuesText();
      }
    }
  }

  private ZoningRule rule(ZoningCsv.Territories terr) throws IOException {
    professionDefaults();
    switch (rule.trim().toLowerCase(Locale.ROOT)) {
      case "national": {
        double[] t = Options.numbers(spec, "--thresholds", thresholds);
        if (t.length != 2) {
          throw new ParameterException(
              spec.commandLine(),
              "--thresholds takes two APL values ZIP,VIVIER, given: " + thresholds);
        }
        boolean upper =
            Options.choice(spec, "--inclusive", inclusive, "upper", "lower").equals("upper");
        try {
          return new NationalThresholds(t[0], t[1], upper);
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), "--thresholds: " + e.getMessage());
        }
      }
      case "ceilings": {
        if (ceilings == null) {
          throw new ParameterException(spec.commandLine(), "--rule ceilings needs --ceilings FILE");
        }
        if (!terr.map().hasRegions()) {
          throw new ParameterException(
              spec.commandLine(),
              "--rule ceilings needs the region of" + " each commune: " + territories
                  + " has no region column (--region-column)");
        }
        Map<String, RegionalCeilings.Ceiling> c = new TreeMap<>();
        for (Map.Entry<String, double[]> e : ZoningCsv.readCeilings(ceilings).entrySet()) {
          try {
            c.put(e.getKey(), new RegionalCeilings.Ceiling(e.getValue()[0], e.getValue()[1]));
          } catch (IllegalArgumentException ex) {
            throw new InputException(
                ceilings.toString(), 0, "region " + e.getKey() + ": " + ex.getMessage());
          }
        }
        boolean include =
            Options.choice(spec, "--crossing", crossing, "exclude", "include").equals("include");
        return new RegionalCeilings(c, include);
      }
      case "quantiles": {
        double[] p = Options.numbers(spec, "--shares", shares);
        if (p.length != QuantileClasses.FIVE_CLASSES.size()) {
          throw new ParameterException(
              spec.commandLine(), "--shares takes five percentages, given: " + shares);
        }
        for (int k = 0; k < p.length; k++) {
          p[k] /= 100;
        }
        try {
          return QuantileClasses.five(p);
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), "--shares: " + e.getMessage());
        }
      }
      default:
        throw new ParameterException(
            spec.commandLine(), "--rule must be national, ceilings or quantiles, given: " + rule);
    }
  }

  private static List<AreaFigures> figures(
      Zoning zoning,
      ZoningCsv.Territories terr,
      Map<String, CommuneValues> variants,
      CommuneValues weights,
      ZoningRule rule) {
    Map<String, String> classes = zoning.communeClasses();
    CommuneValues first = variants.values().iterator().next();
    Map<String, String> france = new TreeMap<>();
    Map<String, String> region = new TreeMap<>();
    Map<String, String> department = new TreeMap<>();
    for (int k = 0; k < first.size(); k++) {
      String c = first.code(k);
      france.put(c, "FR");
      String key =
          terr.map().territory(c) != null ? c : fr.apl.commune.Arrondissements.municipalityOf(c);
      String r = key == null ? null : terr.map().region(key);
      if (r != null) {
        region.put(c, r);
      }
      String d = key == null ? null : terr.departments().get(key);
      department.put(c, d != null ? d : departmentOfCode(c));
    }
    List<AreaFigures> out = new ArrayList<>();
    out.addAll(Figures.byArea("france", france, variants, weights, classes, rule.classes()));
    out.addAll(Figures.byArea("region", region, variants, weights, classes, rule.classes()));
    out.addAll(
        Figures.byArea("department", department, variants, weights, classes, rule.classes()));
    return out;
  }

  /** Returns the department of an INSEE commune code: 3 characters overseas (97x), else 2. */
  static String departmentOfCode(String code) {
    if (code.length() < 3) {
      return code;
    }
    return code.startsWith("97") ? code.substring(0, 3) : code.substring(0, 2);
  }

  private void report(PrintWriter err, Zoning zoning, String weightCol, String aplCol) {
    if (!common.quiet) {
      err.printf(
          Locale.ROOT,
          "apl zoning: %d territories from %s (%s weighted by %s)%n",
          zoning.territories().size(),
          apl,
          aplCol,
          weightCol);
      err.printf(Locale.ROOT, "  rule: %s%n", zoning.classification().rule());
      for (ClassSummary s : zoning.classification().summaries()) {
        err.printf(
            Locale.ROOT,
            "  %-16s %5d territories, population %.0f (%.1f %%), APL %s to %s%n",
            s.name(),
            s.territories(),
            s.population(),
            100 * s.share(),
            fmt(s.minApl()),
            fmt(s.maxApl()));
      }
      if (weight == null
          && (weightCol.equalsIgnoreCase("population")
              || weightCol.equalsIgnoreCase("pop_standardisee"))) {
        err.println("  note: weighted by the standardised population (no resident population"
            + " column); DREES weights GP territories by resident population");
      }
    }
    var a = zoning.aggregation();
    Options.warn(
        err,
        "communes with an APL but no territory in " + territories + " (left out)",
        a.communesWithoutTerritory());
    if (!a.arrondissementsMapped().isEmpty() && !common.quiet) {
      err.printf(
          Locale.ROOT,
          "  note: %d arrondissements took the territory of their"
              + " municipality (75056, 69123, 13055)%n",
          a.arrondissementsMapped().size());
    }
    Options.warn(
        err, "territories with no population (not classified)", a.territoriesWithoutPopulation());
    Options.warn(err, "forced territories that no commune belongs to", zoning.forcedUnknown());
    if (a.tableCommunesWithoutApl() > 0 && !common.quiet) {
      err.printf(
          Locale.ROOT,
          "  note: %d communes of %s have no APL in %s%n",
          a.tableCommunesWithoutApl(),
          territories,
          apl);
    }
  }

  private static String pick(List<String> header, String... names) {
    return pickOrNull(header, names);
  }

  private static String pickOrNull(List<String> header, String... names) {
    for (String n : names) {
      for (String h : header) {
        if (h.equalsIgnoreCase(n)) {
          return h;
        }
      }
    }
    return null;
  }

  private static String orNone(String s) {
    return s == null ? "(none)" : s;
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }
}
