package fr.apl.matrix;

import fr.apl.internal.Access;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Holds road travel times between communes as a sparse matrix, one row per origin (residence).
 *
 * <p>Communes are numbered 0..n-1 in the order of their INSEE code ({@link String#compareTo}), so
 * the same pairs give the same matrix whatever the order of the input rows. Each row lists its
 * destinations (practice communes) in increasing index order. Pairs that are absent are out of
 * reach, except a commune's own pair: a missing self pair means 0 minutes (people and doctors both
 * sit at the town hall), which {@code Catchments} applies.
 *
 * <p>Storage is compressed sparse rows with primitive arrays: 12 bytes a pair
 * ({@code int} destination, {@code double} minutes) plus 4 bytes a commune; the France sample
 * (2.8 million pairs) takes 34 MB. Times are kept in {@code double} so that a time read from
 * a file is compared with the band edges exactly as written.
 *
 * <p>Immutable and thread-safe. Accessors return copies, read-only views or single cells.
 */
public final class TravelTimeMatrix {

  static {
    Access.register(new Access.MatrixArrays() {
      @Override
      public int[] rowStart(TravelTimeMatrix m) {
        return m.rowStart;
      }

      @Override
      public int[] destinations(TravelTimeMatrix m) {
        return m.destination;
      }

      @Override
      public double[] minutes(TravelTimeMatrix m) {
        return m.minutes;
      }
    });
  }

  private final String[] codes;
  private final Map<String, Integer> indexByCode;
  private final int[] rowStart;
  private final int[] destination;
  private final double[] minutes;
  private final long duplicatePairs;

  private TravelTimeMatrix(String[] codes, int[] rowStart, int[] destination, double[] minutes,
      long duplicatePairs) {
    this.codes = codes;
    this.rowStart = rowStart;
    this.destination = destination;
    this.minutes = minutes;
    this.duplicatePairs = duplicatePairs;
    this.indexByCode = new HashMap<>(codes.length * 2);
    for (int i = 0; i < codes.length; i++) {
      indexByCode.put(codes[i], i);
    }
  }

  /** Returns a builder that takes pairs one at a time. Not thread-safe. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a matrix from pairs given as indices into {@code codes}; this is the fast path that the
   * CSV reader uses. The arrays are not kept.
   *
   * @param codes commune codes, unique, non-null, in any order
   * @param origin origin index of each record, {@code [0, codes.length)}
   * @param destination destination index of each record
   * @param minutes travel time of each record, finite and &gt;= 0
   * @param count number of records to take from the arrays
   * @throws DuplicatePairException when a pair is given twice with different times (a pair given
   *     twice with the same time is kept once and counted in {@link #duplicatePairs()})
   * @throws IllegalArgumentException on a bad index, time or duplicated code
   */
  public static TravelTimeMatrix fromIndexedPairs(String[] codes, int[] origin, int[] destination,
      double[] minutes, int count) {
    int n = codes.length;
    if (origin.length < count || destination.length < count || minutes.length < count) {
      throw new IllegalArgumentException("pair arrays are shorter than count " + count);
    }
    // Renumber communes in code order so that the matrix does not depend on row order.
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      if (codes[i] == null) {
        throw new IllegalArgumentException("commune code must not be null");
      }
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> codes[a].compareTo(codes[b]));
    String[] sorted = new String[n];
    int[] newIndex = new int[n];
    for (int k = 0; k < n; k++) {
      sorted[k] = codes[order[k]];
      if (k > 0 && sorted[k].equals(sorted[k - 1])) {
        throw new IllegalArgumentException("commune code given twice: " + sorted[k]);
      }
      newIndex[order[k]] = k;
    }
    for (int r = 0; r < count; r++) {
      if (origin[r] < 0 || origin[r] >= n || destination[r] < 0 || destination[r] >= n) {
        throw new IllegalArgumentException("record " + r + " has a commune index out of range");
      }
      double t = minutes[r];
      if (!(t >= 0) || Double.isInfinite(t)) {
        throw new IllegalArgumentException(
            "travel time must be finite and >= 0, given: " + t + " (" + codes[origin[r]] + " -> "
                + codes[destination[r]] + ")");
      }
    }
    // One stable counting sort by origin keeps each origin's records in input order; a row that is
    // not already in destination order (files usually are) is then sorted, stably, so records of
    // one pair stay in input order. O(pairs + communes) for rows already sorted.
    int[] rowStart = new int[n + 1];
    for (int r = 0; r < count; r++) {
      rowStart[newIndex[origin[r]] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      rowStart[i + 1] += rowStart[i];
    }
    int[] byRow = new int[count];
    int[] fill = Arrays.copyOf(rowStart, n);
    for (int r = 0; r < count; r++) {
      byRow[fill[newIndex[origin[r]]]++] = r;
    }
    int[] dest = new int[count];
    for (int k = 0; k < count; k++) {
      dest[k] = newIndex[destination[byRow[k]]];
    }
    for (int i = 0; i < n; i++) {
      sortRow(dest, byRow, rowStart[i], rowStart[i + 1]);
    }
    // Drop repeated pairs (same time) in place; a repeat with another time is an error.
    double[] time = new double[count];
    int[] keptRowStart = new int[n + 1];
    int kept = 0;
    long duplicates = 0;
    int lastRecord = -1;
    for (int i = 0; i < n; i++) {
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        int r = byRow[k];
        int d = dest[k];
        if (k > rowStart[i] && dest[kept - 1] == d) {
          // Primitive comparison: 0.0 and -0.0 are the same time.
          if (time[kept - 1] != minutes[r]) {
            throw new DuplicatePairException(sorted[i], sorted[d], time[kept - 1], minutes[r],
                lastRecord, r);
          }
          duplicates++;
          continue;
        }
        dest[kept] = d;
        time[kept] = minutes[r];
        lastRecord = r;
        kept++;
      }
      keptRowStart[i + 1] = kept;
    }
    return new TravelTimeMatrix(sorted, keptRowStart,
        kept == count ? dest : Arrays.copyOf(dest, kept),
        kept == count ? time : Arrays.copyOf(time, kept), duplicates);
  }

  /**
   * Returns a matrix from rows already in the stored form, as a binary matrix file holds them;
   * the arrays are kept, not copied, so the caller must not change them. Everything is checked in
   * one pass, O(pairs): codes strictly increasing, rows starting at 0 and never decreasing,
   * destinations in range and strictly increasing within a row, times finite and &gt;= 0.
   *
   * @param duplicatePairs how many repeated pairs were dropped when the rows were first built
   * @throws IllegalArgumentException naming the first inconsistency
   */
  public static TravelTimeMatrix fromRows(String[] codes, int[] rowStart, int[] destinations,
      double[] minutes, long duplicatePairs) {
    int n = codes.length;
    for (int i = 0; i < n; i++) {
      if (codes[i] == null || codes[i].isEmpty()) {
        throw new IllegalArgumentException("commune code " + i + " is null or empty");
      }
      if (i > 0 && codes[i - 1].compareTo(codes[i]) >= 0) {
        throw new IllegalArgumentException("commune codes must increase strictly: " + codes[i - 1]
            + " then " + codes[i]);
      }
    }
    if (rowStart.length != n + 1 || rowStart[0] != 0 || rowStart[n] != destinations.length
        || minutes.length != destinations.length) {
      throw new IllegalArgumentException("row starts do not match " + n + " communes and "
          + destinations.length + " pairs");
    }
    for (int i = 0; i < n; i++) {
      if (rowStart[i + 1] < rowStart[i]) {
        throw new IllegalArgumentException("row starts decrease at commune " + codes[i]);
      }
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        int d = destinations[k];
        if (d < 0 || d >= n || (k > rowStart[i] && destinations[k - 1] >= d)) {
          throw new IllegalArgumentException("destinations of " + codes[i]
              + " are out of range or not strictly increasing at pair " + k);
        }
        double t = minutes[k];
        if (!(t >= 0) || Double.isInfinite(t)) {
          throw new IllegalArgumentException("travel time must be finite and >= 0, given: " + t
              + " (" + codes[i] + " -> " + codes[d] + ")");
        }
      }
    }
    if (duplicatePairs < 0) {
      throw new IllegalArgumentException("duplicate pair count must be >= 0");
    }
    return new TravelTimeMatrix(codes.clone(), rowStart, destinations, minutes, duplicatePairs);
  }

  /**
   * Sorts {@code key[from..to)} ascending, carrying {@code record} along, stably. Rows are short
   * (about 80 pairs for France) and usually sorted already: checked in one pass, insertion sort
   * for short rows, a packed-long sort for long unsorted ones.
   */
  private static void sortRow(int[] key, int[] record, int from, int to) {
    boolean sorted = true;
    for (int k = from + 1; k < to && sorted; k++) {
      sorted = key[k - 1] <= key[k];
    }
    if (sorted) {
      return;
    }
    if (to - from <= 48) {
      for (int k = from + 1; k < to; k++) {
        int kk = key[k];
        int rr = record[k];
        int q = k - 1;
        while (q >= from && key[q] > kk) {
          key[q + 1] = key[q];
          record[q + 1] = record[q];
          q--;
        }
        key[q + 1] = kk;
        record[q + 1] = rr;
      }
      return;
    }
    // Key in the high half, position in the low half: sorting the longs is a stable sort by key.
    long[] packed = new long[to - from];
    int[] records = Arrays.copyOfRange(record, from, to);
    for (int k = from; k < to; k++) {
      packed[k - from] = ((long) key[k] << 32) | (k - from);
    }
    Arrays.sort(packed);
    for (int k = from; k < to; k++) {
      key[k] = (int) (packed[k - from] >>> 32);
      record[k] = records[(int) packed[k - from]];
    }
  }

  /** Returns the number of communes (origins and destinations together). */
  public int communeCount() {
    return codes.length;
  }

  /** Returns the number of distinct pairs. */
  public int pairCount() {
    return destination.length;
  }

  /** Returns how many records repeated a pair with the same time and were kept once. */
  public long duplicatePairs() {
    return duplicatePairs;
  }

  /** Returns the code of commune {@code index}. */
  public String code(int index) {
    return codes[index];
  }

  /** Returns the commune codes in index order (a copy). */
  public String[] codes() {
    return codes.clone();
  }

  /** Returns the index of a commune code, or -1 when the matrix does not know it. */
  public int indexOf(String code) {
    Integer i = indexByCode.get(code);
    return i == null ? -1 : i;
  }

  /** Returns the travel time in minutes from origin to destination, or NaN when the pair is absent. */
  public double minutes(String origin, String destination) {
    int o = indexOf(origin);
    int d = indexOf(destination);
    if (o < 0 || d < 0) {
      return Double.NaN;
    }
    int k = Arrays.binarySearch(this.destination, rowStart[o], rowStart[o + 1], d);
    return k < 0 ? Double.NaN : minutes[k];
  }

  /** Returns the start of each row in the pair arrays, length n+1 (a copy). */
  public int[] rowStart() {
    return rowStart.clone();
  }

  /** Returns the destination index of each pair, row by row (a copy). */
  public int[] destinations() {
    return destination.clone();
  }

  /** Returns a read-only view of {@link #rowStart()}, without copying. */
  public IntBuffer rowStartView() {
    return IntBuffer.wrap(rowStart).asReadOnlyBuffer();
  }

  /** Returns a read-only view of {@link #destinations()}, without copying. */
  public IntBuffer destinationsView() {
    return IntBuffer.wrap(destination).asReadOnlyBuffer();
  }

  /** Returns a read-only view of {@link #minutes()}, without copying. */
  public DoubleBuffer minutesView() {
    return DoubleBuffer.wrap(minutes).asReadOnlyBuffer();
  }

  /** Returns the minutes of each pair, row by row (a copy). */
  public double[] minutes() {
    return minutes.clone();
  }

  /** Collects pairs one at a time; {@link #build()} may be called once. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Integer> index = new HashMap<>();
    private final java.util.ArrayList<String> codes = new java.util.ArrayList<>();
    private int[] origin = new int[1024];
    private int[] destination = new int[1024];
    private double[] minutes = new double[1024];
    private int count;

    private Builder() {}

    /** Declares a commune that may have no pair (it will still get its self pair). */
    public Builder commune(String code) {
      intern(code);
      return this;
    }

    /**
     * Adds a pair.
     *
     * @param origin residence commune code, non-null
     * @param destination practice commune code, non-null
     * @param minutes travel time, finite and &gt;= 0
     */
    public Builder add(String origin, String destination, double minutes) {
      if (!(minutes >= 0) || Double.isInfinite(minutes)) {
        throw new IllegalArgumentException("travel time must be finite and >= 0, given: "
            + minutes + " (" + origin + " -> " + destination + ")");
      }
      int o = intern(origin);
      int d = intern(destination);
      if (count == this.origin.length) {
        int size = count * 2;
        this.origin = Arrays.copyOf(this.origin, size);
        this.destination = Arrays.copyOf(this.destination, size);
        this.minutes = Arrays.copyOf(this.minutes, size);
      }
      this.origin[count] = o;
      this.destination[count] = d;
      this.minutes[count] = minutes;
      count++;
      return this;
    }

    private int intern(String code) {
      if (code == null || code.isEmpty()) {
        throw new IllegalArgumentException("commune code must not be null or empty");
      }
      Integer i = index.get(code);
      if (i == null) {
        i = codes.size();
        index.put(code, i);
        codes.add(code);
      }
      return i;
    }

    /** Builds the matrix. */
    public TravelTimeMatrix build() {
      return fromIndexedPairs(codes.toArray(new String[0]), origin, destination, minutes, count);
    }
  }
}
