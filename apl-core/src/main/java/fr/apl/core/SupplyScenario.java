package fr.apl.core;

import fr.apl.supply.Supply;

/**
 * Names one supply variant to compute on prepared catchments: all GPs, GPs under 65, a scenario
 * where a doctor retires…
 *
 * @param name the variant's name, also its output column ({@code apl}, {@code apl_moins65}): non-empty,
 *     letters, digits, {@code _} or {@code -}
 * @param supply the supply of the variant, non-null
 */
public record SupplyScenario(String name, Supply supply) {

  /** Validates the name. */
  public SupplyScenario {
    if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException(
          "variant name must be letters, digits, '_' or '-', given: " + name);
    }
    if (supply == null) {
      throw new IllegalArgumentException("supply of variant " + name + " must not be null");
    }
  }

  /** Returns a named variant. */
  public static SupplyScenario of(String name, Supply supply) {
    return new SupplyScenario(name, supply);
  }
}
