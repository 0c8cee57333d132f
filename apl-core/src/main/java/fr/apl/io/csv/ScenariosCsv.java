package fr.apl.io.csv;

import fr.apl.core.Variant;
import fr.apl.demand.Population;
import fr.apl.problem.Check;
import fr.apl.problem.Problems;
import fr.apl.supply.Supply;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads scenarios: each changes the supply, the population, or both, of some communes.
 *
 * <p>Columns: {@code scenario,commune}, then a supply column, a population column, or one of
 * each:
 *
 * <ul>
 *   <li>supply: {@code consultations} (the commune's supply in that scenario) or {@code delta}
 *       (added to the base supply; negative for a retirement);
 *   <li>population: {@code population} (the commune's standardised population in that scenario)
 *       or {@code population_delta} (added to the base standardised population: a housing estate
 *       is built). Population is in the unit the APL uses, standardised inhabitants.
 * </ul>
 *
 * <p>An empty cell leaves that side of the commune unchanged; a row must change something.
 * Communes a scenario does not list keep their base supply and population. A population change
 * must name a commune of the population file (the variant keeps the same communes; give a commune
 * with no inhabitants a 0 row there). Scenarios come out in the order of their first row.
 */
public final class ScenariosCsv {

  private ScenariosCsv() {}

  /**
   * Reads a scenario file and applies it to a base supply and population, with default options;
   * the first error is thrown (with the others).
   *
   * @param path the scenario file, CSV plain or gzip, non-null
   * @param baseSupply the supply the scenarios change (all doctors), in consultations a year,
   *     non-null
   * @param basePopulation the population the scenarios change, in standardised inhabitants,
   *     non-null
   * @return one variant per scenario, named as in the file, in the order of their first row (its
   *     population is null, the base, when the scenario changes no population)
   * @throws IOException when the file cannot be read
   * @throws InputException on bad data, naming file, line and value
   * @see #read(Path, Supply, Population, ReadContext)
   */
  public static List<Variant> read(Path path, Supply baseSupply, Population basePopulation)
      throws IOException {
    return ReadContext.failFast(
        ReadOptions.defaults(), ctx -> read(path, baseSupply, basePopulation, ctx));
  }

  /**
   * Reads a scenario file once and applies it to a base supply and population, reporting every
   * problem to the context's collector.
   *
   * @param path the scenario file, CSV plain or gzip, non-null
   * @param baseSupply the supply the scenarios change (all doctors), in consultations a year,
   *     non-null
   * @param basePopulation the population the scenarios change, in standardised inhabitants,
   *     non-null
   * @param ctx encoding and column names ({@code commune} may be mapped), code rules, problems
   * @return one variant per scenario, named as in the file, in file order (its population is null,
   *     the base, when the scenario changes no population); null when the file has an error: a
   *     bad name, code or number, a commune given twice in one scenario, a row that changes
   *     nothing, a delta that makes a value negative, or a population change of a commune the
   *     population does not list
   * @throws IOException when the file cannot be read
   */
  public static List<Variant> read(
      Path path, Supply baseSupply, Population basePopulation, ReadContext ctx) throws IOException {
    long errorsBefore = ctx.problems().errors();
    try (CsvReader csv = CsvReader.open(path, ctx)) {
      if (csv == null) {
        return null;
      }
      Problems out = ctx.problems();
      String file = csv.source();
      Side supply;
      Side population;
      int name;
      int code;
      try {
        name = csv.requireColumn("scenario", "scenario");
        code =
            csv.requireColumn("commune", ctx.options().columns().candidates(ColumnMapping.COMMUNE));
        supply = Side.of(csv, "consultations", "delta");
        population = Side.of(csv, "population", "population_delta");
        if (supply == null && population == null) {
          throw new InputException(
              file,
              1,
              "expected a supply column (consultations or"
                  + " delta), a population column (population or population_delta), or one of each;"
                  + " header is: " + String.join(",", csv.header()));
        }
      } catch (InputException e) {
        out.add(Check.MISSING_COLUMN, file, e.line(), null, e.problem(), null);
        return null;
      }
      Map<String, Map<String, Double>> supplyChanges = new LinkedHashMap<>();
      Map<String, Map<String, Double>> populationChanges = new LinkedHashMap<>();
      Map<String, Long> seen = new HashMap<>();
      List<String> f;
      long rows = 0;
      while ((f = csv.next()) != null) {
        rows++;
        try {
          row(
              ctx,
              csv,
              f,
              name,
              code,
              supply,
              population,
              baseSupply,
              basePopulation,
              seen,
              supplyChanges,
              populationChanges);
        } catch (InputException e) {
          out.add(Check.INVALID_VALUE, file, e.line(), null, e.problem(), null);
        }
      }
      if (rows == 0) {
        Rules.headerOnly(out, file, "no scenario below the header");
      }
      if (out.errors() > errorsBefore) {
        return null;
      }
      List<Variant> variants = new ArrayList<>();
      for (String s : supplyChanges.keySet()) {
        Map<String, Double> sc = supplyChanges.get(s);
        Map<String, Double> pc = populationChanges.get(s);
        variants.add(Variant.of(
            s,
            sc.isEmpty() ? baseSupply : baseSupply.with(sc),
            pc.isEmpty() ? null : basePopulation.with(pc)));
      }
      return variants;
    }
  }

  /** Checks one row and records its changes; on a problem, throws and the row changes nothing. */
  private static void row(
      ReadContext ctx,
      CsvReader csv,
      List<String> f,
      int name,
      int code,
      Side supply,
      Side population,
      Supply baseSupply,
      Population basePopulation,
      Map<String, Long> seen,
      Map<String, Map<String, Double>> supplyChanges,
      Map<String, Map<String, Double>> populationChanges) {
    String s = f.get(name).trim();
    if (!s.matches("[A-Za-z0-9_-]+")) {
      throw csv.error("scenario name must be letters, digits, '_' or '-', given: '" + s + "'");
    }
    String c = f.get(code).trim();
    if (c.isEmpty()) {
      throw csv.error("commune code is empty");
    }
    if (ctx.isInvalidCode(c)) {
      Rules.reportCode(ctx.problems(), csv.source(), csv.line(), c, "");
      return;
    }
    Long first = seen.putIfAbsent(s + "\u0000" + c, csv.line());
    if (first != null) {
      throw csv.error(
          "commune " + c + " is given twice in scenario " + s + " (first at line " + first + ")");
    }
    supplyChanges.computeIfAbsent(s, x -> new TreeMap<>());
    populationChanges.computeIfAbsent(s, x -> new TreeMap<>());
    boolean changed = false;
    if (supply != null
        && !supply.isEmpty(f)
        && !baseSupply.consultationsPerYear().contains(c)
        && !basePopulation.standardised().contains(c)) {
      ctx.problems()
          .add(
              Check.UNKNOWN_COMMUNE,
              csv.source(),
              csv.line(),
              c,
              "scenario " + s
                  + " gives supply to a commune that neither the supply nor the population lists",
              "check the code: a new practice counts only where the travel times reach it");
    }
    if (supply != null && !supply.isEmpty(f)) {
      double base = baseSupply.consultationsPerYear().get(c);
      supplyChanges.get(s).put(c, supply.value(csv, f, base, "supply of " + c));
      changed = true;
    }
    if (population != null && !population.isEmpty(f)) {
      if (!basePopulation.standardised().contains(c)) {
        throw csv.error("commune " + c + " is not in the population: a scenario changes the"
            + " population of communes the population file lists (give it a row with 0"
            + " there)");
      }
      double base = basePopulation.standardised().get(c);
      populationChanges.get(s).put(c, population.value(csv, f, base, "population of " + c));
      changed = true;
    }
    if (!changed) {
      throw csv.error("the row changes nothing: give a value in "
          + (supply == null ? "" : supply.name())
          + (supply != null && population != null ? " or " : "")
          + (population == null ? "" : population.name()));
    }
  }

  /** One side of a scenario row: a column of new values or a column of deltas. */
  private record Side(int column, boolean delta, String name) {

    /** Returns the side found in the header, null when neither column is there. */
    static Side of(CsvReader csv, String set, String delta) {
      int s = csv.column(set);
      int d = csv.column(delta);
      if (s >= 0 && d >= 0) {
        throw new InputException(
            csv.source(),
            1,
            "give " + set + " or " + delta + ", not both;" + " header is: "
                + String.join(",", csv.header()));
      }
      return s >= 0 ? new Side(s, false, set) : d >= 0 ? new Side(d, true, delta) : null;
    }

    boolean isEmpty(List<String> f) {
      return f.get(column).trim().isEmpty();
    }

    /** Returns the new value: the cell, or the base plus the cell; finite and &gt;= 0. */
    double value(CsvReader csv, List<String> f, double base, String what) {
      if (!delta) {
        return PopulationCsv.nonNegative(csv, f, column, name);
      }
      double value = base + csv.number(f, column, name);
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw csv.error(
            name + " " + f.get(column).trim() + " makes the " + what + " negative (" + value + ")");
      }
      return value;
    }
  }
}
