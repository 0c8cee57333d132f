package fr.apl.zoning;

/**
 * Holds one territory of a zoning: its APL, the class the rule gives it, the class forced by
 * decision (an ARS adding a territory), and the final class.
 *
 * @param apl the territory and its APL
 * @param ruleClass class given by the rule, or null when not classified (no population)
 * @param forcedClass class forced by decision, or null
 * @param finalClass the forced class when there is one, else the rule's class (null when neither)
 */
public record ZonedTerritory(
    TerritoryApl apl, String ruleClass, String forcedClass, String finalClass) {}
