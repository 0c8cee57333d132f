package fr.apl.core;

import fr.apl.demand.Population;
import fr.apl.place.CommuneValues;
import java.util.List;

/**
 * Holds the APL of every population commune for each computed variant, with the population used
 * and the {@link Diagnostics}.
 *
 * <p>Rows are the communes of the population, in code order. APL is in consultations per year per
 * standardised inhabitant; a commune with no supply in reach has APL 0 (not missing).
 *
 * <p>Immutable and thread-safe; accessors return copies or single values.
 */
public final class AplResult {

  private final Population population;
  private final List<Population> populations;
  private final List<String> variants;
  private final double[][] apl;
  private final int[] practicesInReach;
  private final Diagnostics diagnostics;

  AplResult(
      Population population,
      List<Population> populations,
      List<String> variants,
      double[][] apl,
      int[] practicesInReach,
      Diagnostics diagnostics) {
    this.population = population;
    this.populations = List.copyOf(populations);
    this.variants = List.copyOf(variants);
    this.apl = apl;
    this.practicesInReach = practicesInReach;
    this.diagnostics = diagnostics;
  }

  /** {@return the variant names, in the order computed; immutable} */
  public List<String> variants() {
    return variants;
  }

  /** {@return the number of communes (rows)} */
  public int size() {
    return practicesInReach.length;
  }

  /**
   * Returns the code of row {@code k}.
   *
   * @param k the row, from 0 to {@link #size()} - 1
   * @return the commune's code
   */
  public String code(int k) {
    return population.standardised().code(k);
  }

  /** {@return the population the result was computed with (its communes are the rows)} */
  public Population population() {
    return population;
  }

  /**
   * Returns the population of a variant: its own when it has one, else {@link #population()}.
   *
   * @param variant the variant name
   * @return the variant's population, non-null
   * @throws IllegalArgumentException when the variant is unknown
   */
  public Population population(String variant) {
    return populations.get(variantIndex(variant));
  }

  /**
   * Returns the APL of a commune in a variant.
   *
   * @param variant the variant name
   * @param code the commune's code, one of the population's
   * @return consultations per year per standardised inhabitant, &gt;= 0
   * @throws IllegalArgumentException when the variant or the commune is unknown
   */
  public double apl(String variant, String code) {
    int k = population.standardised().indexOf(code);
    if (k < 0) {
      throw new IllegalArgumentException("commune " + code + " is not in the population");
    }
    return apl[variantIndex(variant)][k];
  }

  /**
   * Returns the APL of row {@code k} in variant number {@code v}, without a lookup.
   *
   * @param v the variant's position in {@link #variants()}
   * @param k the row, from 0 to {@link #size()} - 1
   * @return consultations per year per standardised inhabitant, &gt;= 0
   * @throws ArrayIndexOutOfBoundsException when {@code v} or {@code k} is out of range
   */
  public double apl(int v, int k) {
    return apl[v][k];
  }

  /**
   * Returns the APL of every commune in a variant.
   *
   * @param variant the variant name
   * @return a new table, one value per row, in code order
   * @throws IllegalArgumentException when the variant is unknown
   */
  public CommuneValues apl(String variant) {
    int v = variantIndex(variant);
    CommuneValues.Builder b = CommuneValues.builder();
    for (int k = 0; k < size(); k++) {
      b.add(code(k), apl[v][k]);
    }
    return b.build();
  }

  /**
   * Returns the number of practice communes with supply that row {@code k} reaches with a non-zero
   * weight, in the first variant.
   *
   * @param k the row, from 0 to {@link #size()} - 1
   * @return the count, &gt;= 0
   */
  public int practicesInReach(int k) {
    return practicesInReach[k];
  }

  /**
   * Returns the mean APL of a variant weighted by the variant's standardised population (0 with
   * no population).
   *
   * @param variant the variant name
   * @return consultations per year per standardised inhabitant, &gt;= 0
   * @throws IllegalArgumentException when the variant is unknown
   */
  public double weightedMean(String variant) {
    int v = variantIndex(variant);
    CommuneValues p = populations.get(v).standardised();
    double num = 0;
    double den = 0;
    for (int k = 0; k < size(); k++) {
      num += p.value(k) * apl[v][k];
      den += p.value(k);
    }
    return den > 0 ? num / den : 0.0;
  }

  /** {@return the diagnostics of the computation} */
  public Diagnostics diagnostics() {
    return diagnostics;
  }

  private int variantIndex(String variant) {
    int v = variants.indexOf(variant);
    if (v < 0) {
      throw new IllegalArgumentException("unknown variant " + variant + "; known: " + variants);
    }
    return v;
  }
}
