package fr.apl.core;

import fr.apl.demand.Population;
import fr.apl.supply.Supply;

/**
 * Names one variant to compute on prepared catchments: a supply (all GPs, GPs under 65, a
 * scenario where a doctor retires…) and, optionally, another population than the computation's
 * own (standardised with another year's age weights, or changed by a scenario: a new housing
 * estate…).
 *
 * @param name the variant's name, also its output column ({@code apl}, {@code apl_moins65}):
 *     non-empty, letters, digits, {@code _} or {@code -}
 * @param supply the supply of the variant, non-null
 * @param population the population of the variant, or null for the population given to {@link
 *     Catchments#compute}; it must have the same communes as that one
 */
public record Variant(String name, Supply supply, Population population) {

  /**
   * Validates the name and the supply.
   *
   * @param name the variant's name: letters, digits, {@code _} or {@code -}
   * @param supply the supply of the variant, non-null
   * @param population the population of the variant, or null for the computation's own
   * @throws IllegalArgumentException when the name is malformed or the supply is null
   */
  public Variant {
    if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException(
          "variant name must be letters, digits, '_' or '-', given: " + name);
    }
    if (supply == null) {
      throw new IllegalArgumentException("supply of variant " + name + " must not be null");
    }
  }

  /**
   * Creates a variant on the computation's own population.
   *
   * @param name the variant's name: letters, digits, {@code _} or {@code -}
   * @param supply the supply of the variant, non-null
   */
  public Variant(String name, Supply supply) {
    this(name, supply, null);
  }

  /**
   * Returns a named variant on the computation's own population.
   *
   * @param name the variant's name: letters, digits, {@code _} or {@code -}
   * @param supply the supply of the variant, non-null
   * @return the variant, with a null population
   */
  public static Variant of(String name, Supply supply) {
    return new Variant(name, supply, null);
  }

  /**
   * Returns a named variant on another population.
   *
   * @param name the variant's name: letters, digits, {@code _} or {@code -}
   * @param supply the supply of the variant, non-null
   * @param population the variant's population, with the computation's communes; null for the
   *     computation's own
   * @return the variant
   */
  public static Variant of(String name, Supply supply, Population population) {
    return new Variant(name, supply, population);
  }
}
