package fr.apl.io.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Interns commune codes given as bytes, with no allocation for a known code. A code of at most 8
 * bytes (every INSEE code: 5) is packed into a {@code long} and looked up in a primitive
 * open-addressing table; the last code seen is checked first, since a times table usually lists
 * one origin's rows together. Longer codes (grid cell ids…) go through a byte-keyed table.
 * Shared by the byte-level readers of the times table. Not thread-safe.
 */
final class CodeInterner {
  private long lastKey;
  private int lastIndex = -1;
  private long[] keys = new long[1 << 16]; // packed code, 0 = empty (codes hold no NUL byte)
  private int[] values = new int[1 << 16];
  private int packedCount;
  private int[] longSlots = new int[1 << 10]; // code index + 1 of long codes, 0 = empty
  private final List<byte[]> longBytes = new ArrayList<>();
  private final List<Integer> longIndex = new ArrayList<>();
  private final List<String> strings = new ArrayList<>();

  /** Returns the index of the code {@code b[from..to)}, adding it when new. */
  public int intern(byte[] b, int from, int to) {
    if (to - from > 8) {
      return internLong(b, from, to);
    }
    long key = 0;
    for (int k = from; k < to; k++) {
      key = (key << 8) | (b[k] & 0xff);
    }
    if (key == lastKey && lastIndex >= 0) {
      return lastIndex;
    }
    int mask = keys.length - 1;
    int s = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    while (keys[s] != 0) {
      if (keys[s] == key) {
        lastKey = key;
        lastIndex = values[s];
        return lastIndex;
      }
      s = (s + 1) & mask;
    }
    int index = strings.size();
    strings.add(new String(b, from, to - from, StandardCharsets.UTF_8));
    keys[s] = key;
    values[s] = index;
    if (++packedCount * 2 > keys.length) {
      rehashPacked();
    }
    lastKey = key;
    lastIndex = index;
    return index;
  }

  private void rehashPacked() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int k = 0; k < oldKeys.length; k++) {
      if (oldKeys[k] != 0) {
        int s = (int) ((oldKeys[k] * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (keys[s] != 0) {
          s = (s + 1) & mask;
        }
        keys[s] = oldKeys[k];
        values[s] = oldValues[k];
      }
    }
  }

  private int internLong(byte[] b, int from, int to) {
    int h = hash(b, from, to);
    int mask = longSlots.length - 1;
    int s = h & mask;
    while (longSlots[s] != 0) {
      byte[] known = longBytes.get(longSlots[s] - 1);
      if (Arrays.equals(known, 0, known.length, b, from, to)) {
        return longIndex.get(longSlots[s] - 1);
      }
      s = (s + 1) & mask;
    }
    byte[] copy = Arrays.copyOfRange(b, from, to);
    longBytes.add(copy);
    int index = strings.size();
    longIndex.add(index);
    strings.add(new String(copy, StandardCharsets.UTF_8));
    longSlots[s] = longBytes.size();
    if (longBytes.size() * 2 > longSlots.length) {
      int[] bigger = new int[longSlots.length * 2];
      int m = bigger.length - 1;
      for (int q = 0; q < longBytes.size(); q++) {
        byte[] x = longBytes.get(q);
        int t = hash(x, 0, x.length) & m;
        while (bigger[t] != 0) {
          t = (t + 1) & m;
        }
        bigger[t] = q + 1;
      }
      longSlots = bigger;
    }
    return index;
  }

  private static int hash(byte[] b, int from, int to) {
    int h = 0x811c9dc5;
    for (int k = from; k < to; k++) {
      h = (h ^ b[k]) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }

  /** Returns the code of an index. */
  public String code(int index) {
    return strings.get(index);
  }

  /** Returns the codes in index order (order of first appearance). */
  public String[] codes() {
    return strings.toArray(new String[0]);
  }

  /** Returns the number of codes. */
  public int size() {
    return strings.size();
  }
}
