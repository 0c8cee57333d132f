package fr.apl.decay;

/**
 * Says which band a travel time lying exactly on a band edge belongs to.
 *
 * <p>DREES words its bands "moins de 10 / entre 10 et 15 / entre 15 et 20 / plus de 20 minutes",
 * which leaves the edges open. Matrices in whole minutes put thousands of pairs exactly on an edge,
 * so the choice shows in the results.
 */
public enum BandEdges {
  /** {@code t < 10 → 1, 10 ≤ t < 15 → 2/3, …}: the project's default, as the DREES samples use. */
  HALF_OPEN,
  /** {@code t ≤ 10 → 1, 10 < t ≤ 15 → 2/3, …}: the reading of pysal/access. */
  CLOSED_UPPER
}
