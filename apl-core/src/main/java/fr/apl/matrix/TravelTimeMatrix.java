package fr.apl.matrix;

import fr.apl.internal.Access;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
    Access.registerMatrix(m -> {
      TravelTimeMatrix t = (TravelTimeMatrix) m;
      return new Access.MatrixArrays(t.rowStart, t.destination, t.minutes);
    });
  }

  private final String[] codes;
  private final Map<String, Integer> indexByCode;
  private final int[] rowStart;
  private final int[] destination;
  private final double[] minutes;
  private final long duplicatePairs;

  TravelTimeMatrix(
      String[] codes, int[] rowStart, int[] destination, double[] minutes, long duplicatePairs) {
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

  /** {@return a new builder that takes pairs one at a time, not thread-safe} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Records given as indices into their own code list: a part of a longer sequence of records
   * (a block of lines of a file), or the whole of it. A carrier for a call, not a value: it holds
   * the caller's arrays, not copies, and its {@code equals} compares them by identity. The arrays
   * are read, not kept or changed, and must not change during the build.
   *
   * @param codes commune codes, unique within the part, non-null, in any order
   * @param origin origin index of each record, {@code [0, codes.length)}
   * @param destination destination index of each record
   * @param minutes travel time of each record, finite and &gt;= 0
   * @param count number of records to take from the arrays
   */
  public record IndexedPairs(
      String[] codes, int[] origin, int[] destination, double[] minutes, int count) {
    /**
     * Checks that the arrays are there and hold {@code count} records.
     *
     * @param codes commune codes, unique within the part, non-null
     * @param origin origin index of each record, non-null
     * @param destination destination index of each record, non-null
     * @param minutes travel time of each record, non-null
     * @param count number of records, &gt;= 0 and no more than any array's length
     * @throws IllegalArgumentException otherwise
     */
    public IndexedPairs {
      if (codes == null || origin == null || destination == null || minutes == null) {
        throw new IllegalArgumentException("codes and pair arrays must not be null");
      }
      if (count < 0
          || origin.length < count
          || destination.length < count
          || minutes.length < count) {
        throw new IllegalArgumentException("pair arrays are shorter than count " + count);
      }
    }
  }

  /**
   * Builds a matrix from pairs given as indices into {@code codes}. The arrays are not kept.
   *
   * @param codes commune codes, unique, non-null, in any order
   * @param origin origin index of each record, {@code [0, codes.length)}
   * @param destination destination index of each record
   * @param minutes travel time of each record, finite and &gt;= 0
   * @param count number of records to take from the arrays
   * @return the matrix, communes in code order
   * @throws DuplicatePairException when a pair is given twice with different times (a pair given
   *     twice with the same time is kept once and counted in {@link #duplicatePairs()})
   * @throws IllegalArgumentException on a bad index, time or duplicated code
   */
  public static TravelTimeMatrix fromIndexedPairs(
      String[] codes, int[] origin, int[] destination, double[] minutes, int count) {
    return fromIndexedPairs(
        List.of(new IndexedPairs(codes, origin, destination, minutes, count)), 1);
  }

  /**
   * Builds a matrix from parts of records taken in order as one sequence (the fast path of the
   * CSV reader, which parses a file by blocks of lines): a code may appear in several parts, and
   * record positions in a {@link DuplicatePairException} count from the first record of the first
   * part. The matrix does not depend on how the records are cut into parts, nor on the thread
   * count. The arrays are not kept. O(records + communes · parts on one thread); the records are
   * counted and placed on up to {@code threads} threads (by contiguous groups of parts), and the
   * rows sorted on up to {@code threads} threads (rows in ranges of at least 1 024).
   *
   * @param parts the records, in order
   * @param threads threads to use, &gt;= 1
   * @return the matrix, communes in code order; the same for any cut into parts and any threads
   * @throws DuplicatePairException when a pair is given twice with different times (a pair given
   *     twice with the same time is kept once and counted in {@link #duplicatePairs()})
   * @throws IllegalArgumentException on null parts, a bad index or time, a code given twice
   *     within one part, a thread count below 1, or more than {@code Integer.MAX_VALUE - 8}
   *     records
   */
  public static TravelTimeMatrix fromIndexedPairs(List<IndexedPairs> parts, int threads) {
    return RowsBuilder.build(parts, threads);
  }

  /**
   * Returns a matrix from rows already in the stored form, as a binary matrix file holds them;
   * the arrays are kept, not copied, so the caller must not change them. Everything is checked in
   * one pass, O(pairs): codes strictly increasing, rows starting at 0 and never decreasing,
   * destinations in range and strictly increasing within a row, times finite and &gt;= 0.
   *
   * @param codes commune codes, strictly increasing, non-null; kept
   * @param rowStart start of each row in the pair arrays, length {@code codes.length + 1}; kept
   * @param destinations destination index of each pair, row by row; kept
   * @param minutes travel time of each pair in minutes, same length as {@code destinations}; kept
   * @param duplicatePairs how many repeated pairs were dropped when the rows were first built
   * @return the matrix over the given arrays
   * @throws IllegalArgumentException naming the first inconsistency
   */
  public static TravelTimeMatrix fromRows(
      String[] codes, int[] rowStart, int[] destinations, double[] minutes, long duplicatePairs) {
    int n = codes.length;
    for (int i = 0; i < n; i++) {
      if (codes[i] == null || codes[i].isEmpty()) {
        throw new IllegalArgumentException("commune code " + i + " is null or empty");
      }
      if (i > 0 && codes[i - 1].compareTo(codes[i]) >= 0) {
        throw new IllegalArgumentException(
            "commune codes must increase strictly: " + codes[i - 1] + " then " + codes[i]);
      }
    }
    if (rowStart.length != n + 1
        || rowStart[0] != 0
        || rowStart[n] != destinations.length
        || minutes.length != destinations.length) {
      throw new IllegalArgumentException(
          "row starts do not match " + n + " communes and " + destinations.length + " pairs");
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
   * Returns this matrix with {@code more} repeated pairs counted: a reader that drops a repeated
   * row before building the matrix counts it here, so that the count stays that of the file.
   * Shares the arrays (no copy).
   *
   * @param more repeated rows dropped before the build, &gt;= 0
   * @return this matrix when {@code more} is 0, else a matrix with the same pairs
   */
  public TravelTimeMatrix withRepeatedPairs(long more) {
    if (more < 0) {
      throw new IllegalArgumentException("repeated pairs must be >= 0, given: " + more);
    }
    return more == 0
        ? this
        : new TravelTimeMatrix(codes, rowStart, destination, minutes, duplicatePairs + more);
  }

  /** {@return the longest travel time of the matrix, in minutes (0 without pairs); O(pairs)} */
  public double maxMinutes() {
    double max = 0;
    for (double t : minutes) {
      max = Math.max(max, t);
    }
    return max;
  }

  /**
   * Returns the time of commune {@code index} to itself, or NaN when the matrix has no such
   * pair. O(log pairs of its row).
   *
   * @param index a commune index, {@code [0, communeCount())}
   * @return minutes, or NaN
   */
  public double selfMinutes(int index) {
    int k = Arrays.binarySearch(destination, rowStart[index], rowStart[index + 1], index);
    return k < 0 ? Double.NaN : minutes[k];
  }

  /**
   * Returns true when commune {@code index} has a pair to itself. O(log pairs of its row): rows
   * are sorted by destination.
   *
   * @param index a commune index, from 0 to {@link #communeCount()} - 1
   * @return true when the row of {@code index} lists {@code index}
   */
  public boolean hasSelfPair(int index) {
    return Arrays.binarySearch(destination, rowStart[index], rowStart[index + 1], index) >= 0;
  }

  /** {@return the number of communes (origins and destinations together)} */
  public int communeCount() {
    return codes.length;
  }

  /** {@return the number of distinct pairs} */
  public int pairCount() {
    return destination.length;
  }

  /** {@return how many records repeated a pair with the same time and were kept once} */
  public long duplicatePairs() {
    return duplicatePairs;
  }

  /**
   * Returns the code of commune {@code index}.
   *
   * @param index a commune index, from 0 to {@link #communeCount()} - 1
   * @return the commune's code
   */
  public String code(int index) {
    return codes[index];
  }

  /** {@return the commune codes in index order, that is code order; a copy} */
  public String[] codes() {
    return codes.clone();
  }

  /**
   * Returns the index of a commune code. O(1).
   *
   * @param code a commune code
   * @return the index, or -1 when the matrix does not know the code
   */
  public int indexOf(String code) {
    Integer i = indexByCode.get(code);
    return i == null ? -1 : i;
  }

  /**
   * Returns the travel time from origin to destination. O(log pairs of the origin's row).
   *
   * @param origin residence commune code
   * @param destination practice commune code
   * @return minutes, or NaN when either code is unknown or the pair is absent (a missing self
   *     pair included)
   */
  public double minutes(String origin, String destination) {
    int o = indexOf(origin);
    int d = indexOf(destination);
    if (o < 0 || d < 0) {
      return Double.NaN;
    }
    int k = Arrays.binarySearch(this.destination, rowStart[o], rowStart[o + 1], d);
    return k < 0 ? Double.NaN : minutes[k];
  }

  /** {@return the start of each row in the pair arrays, length n+1; a copy} */
  public int[] rowStart() {
    return rowStart.clone();
  }

  /** {@return the destination index of each pair, row by row; a copy} */
  public int[] destinations() {
    return destination.clone();
  }

  /** {@return a read-only view of {@link #rowStart()}, without copying} */
  public IntBuffer rowStartView() {
    return IntBuffer.wrap(rowStart).asReadOnlyBuffer();
  }

  /** {@return a read-only view of {@link #destinations()}, without copying} */
  public IntBuffer destinationsView() {
    return IntBuffer.wrap(destination).asReadOnlyBuffer();
  }

  /** {@return a read-only view of {@link #minutes()}, without copying} */
  public DoubleBuffer minutesView() {
    return DoubleBuffer.wrap(minutes).asReadOnlyBuffer();
  }

  /** {@return the minutes of each pair, row by row; a copy} */
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

    /**
     * Declares a commune that may have no pair (it will still get its self pair).
     *
     * @param code commune code, non-null and non-empty; declaring it again changes nothing
     * @return this builder
     * @throws IllegalArgumentException on a null or empty code
     */
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
     * @return this builder
     * @throws IllegalArgumentException on a bad time or a null or empty code
     */
    public Builder add(String origin, String destination, double minutes) {
      if (!(minutes >= 0) || Double.isInfinite(minutes)) {
        throw new IllegalArgumentException("travel time must be finite and >= 0, given: " + minutes
            + " (" + origin + " -> " + destination + ")");
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

    /**
     * Builds the matrix.
     *
     * @return the matrix of the pairs added, communes in code order
     * @throws DuplicatePairException when a pair was added twice with different times
     */
    public TravelTimeMatrix build() {
      return fromIndexedPairs(codes.toArray(new String[0]), origin, destination, minutes, count);
    }
  }
}
