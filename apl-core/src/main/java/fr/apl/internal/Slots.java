package fr.apl.internal;

/**
 * Turns per-group counts into slots for a counting sort done by groups on several threads: each
 * group (a contiguous part of the input, in order) has counted its entries per row, and gets the
 * first slot of its entries in each row, after those of the groups before it. So each slot is
 * written by exactly one group and a row keeps its entries in input order, as on one thread.
 * Internal: no compatibility promise.
 */
public final class Slots {

  private Slots() {}

  /**
   * Returns the row starts ({@code n + 1} entries) and replaces {@code count[t][row]} with the
   * first slot of group {@code t} in {@code row}.
   *
   * @param count per group, the number of its entries in row {@code i} at index {@code i + 1}
   *     (index 0 unused); each array has at least {@code n + 1} entries
   * @param n number of rows
   */
  public static int[] firstSlots(int[][] count, int n) {
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      int slot = start[i];
      for (int[] c : count) {
        int entries = c[i + 1];
        c[i] = slot;
        slot += entries;
      }
      start[i + 1] = slot;
    }
    return start;
  }
}
