package fr.apl.zoning;

/**
 * Reports a territory whose class differs from a previous zoning.
 *
 * @param territory territory code
 * @param previousClass class before, or null when the territory was not there
 * @param currentClass class now, or null when the territory is gone
 * @param previousApl APL before (NaN when unknown)
 * @param currentApl APL now (NaN when unknown)
 */
public record ClassChange(
    String territory,
    String previousClass,
    String currentClass,
    double previousApl,
    double currentApl) {}
