package fr.apl.matrix;

import fr.apl.internal.Parallel;
import fr.apl.internal.Slots;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Builds the rows of a matrix from parts of records, each part indexing its own code list, the
 * parts taken in order as one sequence of records (a reader's blocks of lines, or one part).
 *
 * <p>The records go straight into the final arrays: one counting pass and one scatter pass over
 * the parts, both split into contiguous groups of parts on the threads; then each row is sorted
 * by destination (stably, carrying the times) and checked for repeated pairs, rows split on the
 * threads. Each slot is written by exactly one thread and every sum is a count, so the matrix,
 * the repeated-pair count and the first error are those of one thread. A France table takes
 * 12 bytes a pair here (4 for the destination, 8 for the time); no intermediate copy of the
 * records is made, since fresh memory costs time to touch (about a millisecond a megabyte on a
 * small virtual machine).
 */
final class RowsBuilder {

  private final List<TravelTimeMatrix.IndexedPairs> parts;
  private final int threads;
  /** Record index of the first record of each part, and the total at the end. */
  private final long[] firstRecord;

  private RowsBuilder(List<TravelTimeMatrix.IndexedPairs> parts, int threads) {
    this.parts = parts;
    this.threads = threads;
    this.firstRecord = new long[parts.size() + 1];
    for (int p = 0; p < parts.size(); p++) {
      firstRecord[p + 1] = firstRecord[p] + parts.get(p).count();
    }
  }

  static TravelTimeMatrix build(List<TravelTimeMatrix.IndexedPairs> parts, int threads) {
    if (parts == null) {
      throw new IllegalArgumentException("parts must not be null");
    }
    for (TravelTimeMatrix.IndexedPairs part : parts) {
      if (part == null) {
        throw new IllegalArgumentException("parts must not be null");
      }
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, given: " + threads);
    }
    return new RowsBuilder(parts, threads).build();
  }

  private TravelTimeMatrix build() {
    if (firstRecord[parts.size()] > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "more than " + (Integer.MAX_VALUE - 8) + " records: too many for one matrix");
    }
    int count = (int) firstRecord[parts.size()];
    // Communes of all parts, renumbered in code order so that the matrix does not depend on row
    // order; map[p][k] is the final index of code k of part p.
    HashMap<String, Integer> global = new HashMap<>();
    int[][] map = new int[parts.size()][];
    int[] lastPart = new int[0];
    String[] union = new String[0];
    int n = 0;
    for (int p = 0; p < parts.size(); p++) {
      String[] codes = parts.get(p).codes();
      int[] m = new int[codes.length];
      for (int k = 0; k < codes.length; k++) {
        String code = codes[k];
        if (code == null) {
          throw new IllegalArgumentException("commune code must not be null");
        }
        Integer g = global.get(code);
        if (g == null) {
          g = n++;
          global.put(code, g);
          if (g == union.length) {
            union = Arrays.copyOf(union, Math.max(16, g * 2));
            lastPart = Arrays.copyOf(lastPart, union.length);
          }
          union[g] = code;
        } else if (lastPart[g] == p + 1) {
          throw new IllegalArgumentException("commune code given twice: " + code);
        }
        lastPart[g] = p + 1;
        m[k] = g;
      }
      map[p] = m;
    }
    int communes = n;
    String[] sorted = Arrays.copyOf(union, n);
    Arrays.sort(sorted);
    int[] newIndex = new int[n];
    for (int k = 0; k < n; k++) {
      newIndex[global.get(sorted[k])] = k;
    }
    for (int[] m : map) {
      for (int k = 0; k < m.length; k++) {
        m[k] = newIndex[m[k]];
      }
    }
    // Groups of contiguous parts, one per thread at most: group t counts its records per row...
    int groups = Math.max(1, Math.min(threads, parts.size()));
    int[] cut = new int[groups + 1];
    for (int t = 0; t <= groups; t++) {
      cut[t] = (int) ((long) parts.size() * t / groups);
    }
    int[][] slots = new int[groups][];
    String[] problem = new String[groups];
    Parallel.forRange(groups, groups, 1, (from, to) -> {
      for (int t = from; t < to; t++) {
        int[] c = new int[communes + 1];
        problem[t] = countRows(cut[t], cut[t + 1], map, c);
        slots[t] = c;
      }
    });
    for (String p : problem) {
      if (p != null) {
        throw new IllegalArgumentException(p);
      }
    }
    // ...then slots[t][i] becomes the first slot of group t in row i, groups in order: the
    // records of a row stay in record order.
    int[] rowStart = Slots.firstSlots(slots, n);
    int[] destination = new int[count];
    double[] minutes = new double[count];
    Parallel.forRange(groups, groups, 1, (from, to) -> {
      for (int t = from; t < to; t++) {
        int[] fill = slots[t];
        for (int p = cut[t]; p < cut[t + 1]; p++) {
          TravelTimeMatrix.IndexedPairs part = parts.get(p);
          int[] m = map[p];
          int[] o = part.origin();
          int[] d = part.destination();
          double[] time = part.minutes();
          for (int r = 0; r < part.count(); r++) {
            int slot = fill[m[o[r]]]++;
            destination[slot] = m[d[r]];
            // -0.0 + 0.0 is 0.0, every other time is itself. A pair repeated as "0" and "-0"
            // passes as the same time and is kept once, its first record's: without this the
            // sign bit, and so the bytes of a matrix file, followed the order of the rows.
            minutes[slot] = time[r] + 0.0;
          }
        }
      }
    });
    // Rows sorted by destination and repeated pairs counted; rows split on the threads, the
    // first conflict kept per range (the lowest row wins, as on one thread).
    int ranges = Math.max(1, Math.min(threads, n / 1024));
    long[] repeated = new long[ranges];
    int[] conflictRow = new int[ranges];
    Arrays.fill(conflictRow, -1);
    Parallel.forRange(ranges, ranges, 1, (from, to) -> {
      for (int t = from; t < to; t++) {
        RowSorter sorter = new RowSorter();
        int last = (int) ((long) communes * (t + 1) / ranges);
        for (int i = (int) ((long) communes * t / ranges); i < last; i++) {
          int a = rowStart[i];
          int b = rowStart[i + 1];
          sorter.sort(destination, minutes, a, b);
          double first = 0;
          for (int k = a; k < b; k++) {
            if (k == a || destination[k] != destination[k - 1]) {
              first = minutes[k];
            } else {
              repeated[t]++;
              // Primitive comparison: 0.0 and -0.0 are the same time.
              if (conflictRow[t] < 0 && first != minutes[k]) {
                conflictRow[t] = i;
              }
            }
          }
        }
      }
    });
    for (int row : conflictRow) {
      if (row >= 0) {
        throw conflict(sorted, map, row, destination, minutes, rowStart);
      }
    }
    long duplicates = 0;
    for (long r : repeated) {
      duplicates += r;
    }
    if (duplicates == 0) {
      return new TravelTimeMatrix(sorted, rowStart, destination, minutes, 0);
    }
    // Repeated pairs (same time) kept once, in place; rare, so on one thread.
    int kept = 0;
    int[] keptRowStart = new int[n + 1];
    for (int i = 0; i < n; i++) {
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        if (k > rowStart[i] && destination[k] == destination[kept - 1]) {
          continue;
        }
        destination[kept] = destination[k];
        minutes[kept] = minutes[k];
        kept++;
      }
      keptRowStart[i + 1] = kept;
    }
    return new TravelTimeMatrix(
        sorted,
        keptRowStart,
        Arrays.copyOf(destination, kept),
        Arrays.copyOf(minutes, kept),
        duplicates);
  }

  /**
   * Counts the records of parts {@code from..to-1} per row into {@code c[row + 1]}, and returns
   * the message of the first bad record (an index out of range, a bad time) or null.
   */
  private String countRows(int from, int to, int[][] map, int[] c) {
    for (int p = from; p < to; p++) {
      TravelTimeMatrix.IndexedPairs part = parts.get(p);
      int[] m = map[p];
      int[] o = part.origin();
      int[] d = part.destination();
      double[] time = part.minutes();
      for (int r = 0; r < part.count(); r++) {
        int oi = o[r];
        int di = d[r];
        if (oi < 0 || oi >= m.length || di < 0 || di >= m.length) {
          return "record " + (firstRecord[p] + r) + " has a commune index out of range";
        }
        double t = time[r];
        if (!(t >= 0) || Double.isInfinite(t)) {
          return "travel time must be finite and >= 0, given: " + t + " (" + part.codes()[oi]
              + " -> " + part.codes()[di] + ")";
        }
        c[m[oi] + 1]++;
      }
    }
    return null;
  }

  /**
   * The conflict of a row (the first pair, by destination, whose records disagree), with the
   * record positions of its first record and of the first one that disagrees with it, found by
   * going through the records again: an error path, so no positions were carried along.
   */
  private DuplicatePairException conflict(
      String[] sorted, int[][] map, int row, int[] destination, double[] minutes, int[] rowStart) {
    int pairDestination = -1;
    double first = 0;
    double other = 0;
    double runFirst = 0;
    for (int k = rowStart[row]; k < rowStart[row + 1] && pairDestination < 0; k++) {
      if (k == rowStart[row] || destination[k] != destination[k - 1]) {
        runFirst = minutes[k];
      } else if (runFirst != minutes[k]) {
        pairDestination = destination[k];
        first = runFirst;
        other = minutes[k];
      }
    }
    long firstAt = -1;
    long otherAt = -1;
    for (int p = 0; p < parts.size() && otherAt < 0; p++) {
      TravelTimeMatrix.IndexedPairs part = parts.get(p);
      int[] m = map[p];
      for (int r = 0; r < part.count() && otherAt < 0; r++) {
        if (m[part.origin()[r]] == row && m[part.destination()[r]] == pairDestination) {
          if (firstAt < 0) {
            firstAt = firstRecord[p] + r;
          } else if (part.minutes()[r] != first) {
            otherAt = firstRecord[p] + r;
          }
        }
      }
    }
    return new DuplicatePairException(
        sorted[row], sorted[pairDestination], first, other, firstAt, otherAt);
  }

  /**
   * Sorts rows: {@code key[from..to)} ascending, carrying {@code time} along, stably. Rows are
   * short (about 80 pairs for France) and often sorted already, or made of two sorted runs (a
   * file that lists each commune's own pair first): checked in one pass; two runs are merged,
   * short rows sorted by insertion, others by a packed-long sort; scratch arrays are kept from
   * row to row.
   */
  private static final class RowSorter {
    private long[] packed = new long[0];
    private int[] keys = new int[0];
    private double[] times = new double[0];

    void sort(int[] key, double[] time, int from, int to) {
      int descents = 0;
      int mid = -1;
      for (int k = from + 1; k < to && descents < 2; k++) {
        if (key[k - 1] > key[k]) {
          descents++;
          mid = k;
        }
      }
      if (descents == 0) {
        return;
      }
      int length = to - from;
      if (keys.length < length) {
        int size = Math.max(length, keys.length * 2);
        packed = new long[size];
        keys = new int[size];
        times = new double[size];
      }
      if (descents == 1) {
        // Two sorted runs, [from, mid) and [mid, to): merged, the first run first on ties.
        System.arraycopy(key, from, keys, 0, length);
        System.arraycopy(time, from, times, 0, length);
        int a = 0;
        int b = mid - from;
        for (int k = from; k < to; k++) {
          if (b == length || (a < mid - from && keys[a] <= keys[b])) {
            key[k] = keys[a];
            time[k] = times[a++];
          } else {
            key[k] = keys[b];
            time[k] = times[b++];
          }
        }
        return;
      }
      if (length <= 48) {
        for (int k = from + 1; k < to; k++) {
          int kk = key[k];
          double tt = time[k];
          int q = k - 1;
          while (q >= from && key[q] > kk) {
            key[q + 1] = key[q];
            time[q + 1] = time[q];
            q--;
          }
          key[q + 1] = kk;
          time[q + 1] = tt;
        }
        return;
      }
      // Key in the high half, position in the low half: sorting the longs is a stable sort by key.
      System.arraycopy(time, from, times, 0, length);
      for (int k = from; k < to; k++) {
        packed[k - from] = ((long) key[k] << 32) | (k - from);
      }
      Arrays.sort(packed, 0, length);
      for (int k = from; k < to; k++) {
        key[k] = (int) (packed[k - from] >>> 32);
        time[k] = times[(int) packed[k - from]];
      }
    }
  }
}
