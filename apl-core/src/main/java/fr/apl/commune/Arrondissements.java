package fr.apl.commune;

/**
 * Maps the municipal arrondissements of Paris, Lyon and Marseille to their municipality.
 *
 * <p>DREES computes APL by arrondissement (75101–75120, 69381–69389, 13201–13216); many territory
 * tables (the INSEE table d'appartenance géographique among them) list only the municipality
 * (75056, 69123, 13055).
 */
public final class Arrondissements {

  /**
   * Names a city with municipal arrondissements.
   *
   * @param code the municipality's code (75056)
   * @param name its name (Paris)
   * @param arrondissements the codes of its arrondissements, as a range (75101-75120)
   */
  public record City(String code, String name, String arrondissements) {}

  /** Paris, Lyon and Marseille, in that order. */
  public static final java.util.List<City> CITIES = java.util.List.of(
      new City("75056", "Paris", "75101-75120"),
      new City("69123", "Lyon", "69381-69389"),
      new City("13055", "Marseille", "13201-13216"));

  private Arrondissements() {}

  /**
   * Returns the municipality of an arrondissement code, or null for any other code.
   *
   * @param code a commune code, non-null; O(1)
   * @return {@code 75056}, {@code 69123} or {@code 13055} for an arrondissement of Paris, Lyon
   *     or Marseille; null for any other code, well-formed or not
   */
  public static String municipalityOf(String code) {
    if (code.length() != 5) {
      return null;
    }
    // Digits checked first: an exception per Corsican code (2A004) cost milliseconds in all.
    int n = 0;
    for (int k = 0; k < 5; k++) {
      char ch = code.charAt(k);
      if (ch < '0' || ch > '9') {
        return null;
      }
      n = n * 10 + (ch - '0');
    }
    if (n >= 75101 && n <= 75120) {
      return "75056";
    }
    if (n >= 69381 && n <= 69389) {
      return "69123";
    }
    if (n >= 13201 && n <= 13216) {
      return "13055";
    }
    return null;
  }
}
