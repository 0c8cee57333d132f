package fr.apl.place;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds one number per commune code: a population, a supply, a weight.
 *
 * <p>Codes are INSEE commune codes kept as strings (leading zeros, Corsica 2A/2B, arrondissements
 * 751xx, 6938x, 132xx), unique and sorted with {@link String#compareTo}. Values are finite.
 *
 * <p>Immutable and thread-safe; {@link #get(String)} is O(log n).
 */
public final class CommuneValues {

  private final String[] codes;
  private final double[] values;

  private CommuneValues(String[] codes, double[] values) {
    this.codes = codes;
    this.values = values;
  }

  /**
   * Returns the values of a map.
   *
   * @param byCode one value per commune code, non-null; not kept
   * @return the values, in code order
   * @throws IllegalArgumentException on a null or empty code, or a value that is null or not
   *     finite
   */
  public static CommuneValues of(Map<String, Double> byCode) {
    Builder b = builder();
    for (Map.Entry<String, Double> e : new TreeMap<>(byCode).entrySet()) {
      if (e.getValue() == null) {
        throw new IllegalArgumentException("no value for commune " + e.getKey());
      }
      b.add(e.getKey(), e.getValue());
    }
    return b.build();
  }

  /** {@return a new empty builder, not thread-safe} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the number of communes} */
  public int size() {
    return codes.length;
  }

  /**
   * Returns the code at position {@code k} in code order.
   *
   * @param k the position, from 0 to {@link #size()} - 1
   * @return the commune's code
   */
  public String code(int k) {
    return codes[k];
  }

  /**
   * Returns the value at position {@code k} in code order.
   *
   * @param k the position, from 0 to {@link #size()} - 1
   * @return the commune's value, finite
   */
  public double value(int k) {
    return values[k];
  }

  /**
   * Returns the position of a code. O(log n).
   *
   * @param code a commune code, non-null
   * @return the position in code order, or a negative number when absent (as {@link
   *     java.util.Arrays#binarySearch(Object[], Object)} gives it)
   */
  public int indexOf(String code) {
    return Arrays.binarySearch(codes, code);
  }

  /**
   * Returns the value of a commune. O(log n).
   *
   * @param code a commune code, non-null
   * @return the value, or 0 when the commune is absent
   */
  public double get(String code) {
    int k = indexOf(code);
    return k < 0 ? 0.0 : values[k];
  }

  /**
   * Returns true when the commune has a value. O(log n).
   *
   * @param code a commune code, non-null
   * @return true when the code is listed
   */
  public boolean contains(String code) {
    return indexOf(code) >= 0;
  }

  /** {@return the sum of the values, added in code order (0 when empty)} */
  public double sum() {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  /** {@return the codes in order; a copy} */
  public String[] codes() {
    return codes.clone();
  }

  /** {@return the values in code order; a copy} */
  public double[] values() {
    return values.clone();
  }

  /**
   * Returns a copy where the given communes take the given values (added when absent). One merge
   * of two sorted lists: O(n + changes).
   *
   * @param changes new values by code, in natural code order (no comparator), non-null
   * @return a new table; this one is unchanged
   * @throws IllegalArgumentException on a null or empty code or a value that is not finite, or a
   *     map with a comparator
   */
  public CommuneValues with(java.util.SortedMap<String, Double> changes) {
    if (changes.comparator() != null) {
      throw new IllegalArgumentException("changes must be sorted by code (natural order)");
    }
    String[] c = new String[codes.length + changes.size()];
    double[] v = new double[c.length];
    int n = 0;
    int k = 0;
    for (Map.Entry<String, Double> e : changes.entrySet()) {
      String code = e.getKey();
      Double value = e.getValue();
      if (code == null || code.isEmpty() || value == null || !Double.isFinite(value)) {
        throw new IllegalArgumentException("bad change for commune " + code + ": " + value);
      }
      while (k < codes.length && codes[k].compareTo(code) < 0) {
        c[n] = codes[k];
        v[n++] = values[k++];
      }
      if (k < codes.length && codes[k].equals(code)) {
        k++;
      }
      c[n] = code;
      v[n++] = value;
    }
    while (k < codes.length) {
      c[n] = codes[k];
      v[n++] = values[k++];
    }
    return new CommuneValues(Arrays.copyOf(c, n), Arrays.copyOf(v, n));
  }

  /**
   * Returns a copy with every value multiplied by {@code factor}.
   *
   * @param factor the multiplier, finite (not checked)
   * @return a new table with the same codes
   */
  public CommuneValues scaled(double factor) {
    double[] v = values.clone();
    for (int k = 0; k < v.length; k++) {
      v[k] *= factor;
    }
    return new CommuneValues(codes, v);
  }

  /** Collects values one commune at a time. */
  public static final class Builder {
    // In the order given, with a hash set for the checks: files usually list communes in code
    // order, so build() rarely sorts (a sorted map cost a string comparison per level per row).
    private String[] codes = new String[64];
    private double[] values = new double[64];
    private int size;
    private final java.util.HashSet<String> seen = new java.util.HashSet<>();

    private Builder() {}

    /**
     * Adds a commune.
     *
     * @param code commune code, non-null and non-empty, not yet added
     * @param value the commune's value, finite
     * @return this builder
     * @throws IllegalArgumentException when the code is null, empty or already given, or the
     *     value is not finite
     */
    public Builder add(String code, double value) {
      if (code == null || code.isEmpty()) {
        throw new IllegalArgumentException("commune code must not be null or empty");
      }
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(
            "value of commune " + code + " must be finite, given: " + value);
      }
      if (!seen.add(code)) {
        throw new IllegalArgumentException("commune " + code + " is given twice");
      }
      if (size == codes.length) {
        codes = Arrays.copyOf(codes, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      codes[size] = code;
      values[size] = value;
      size++;
      return this;
    }

    /**
     * Returns true when the commune was already added. O(1).
     *
     * @param code a commune code
     * @return true when {@link #add} took it
     */
    public boolean contains(String code) {
      return seen.contains(code);
    }

    /**
     * Builds the values; the builder may go on being used. O(n) when the codes were added in
     * order, O(n log n) otherwise.
     *
     * @return the values of the communes added so far, in code order
     */
    public CommuneValues build() {
      String[] c = Arrays.copyOf(codes, size);
      double[] v = Arrays.copyOf(values, size);
      boolean sorted = true;
      for (int k = 1; k < size && sorted; k++) {
        sorted = c[k - 1].compareTo(c[k]) < 0;
      }
      if (!sorted) {
        Integer[] order = new Integer[size];
        for (int k = 0; k < size; k++) {
          order[k] = k;
        }
        Arrays.sort(order, (a, b) -> codes[a].compareTo(codes[b]));
        for (int k = 0; k < size; k++) {
          c[k] = codes[order[k]];
          v[k] = values[order[k]];
        }
      }
      return new CommuneValues(c, v);
    }
  }
}
