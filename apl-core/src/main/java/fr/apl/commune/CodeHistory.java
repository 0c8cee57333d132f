package fr.apl.commune;

import fr.apl.demand.Population;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.place.CommuneValues;
import fr.apl.supply.Doctor;
import fr.apl.supply.Supply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Brings inputs of different commune-geography years to one: each old commune code (a commune
 * that merged into another, a {@code commune nouvelle}) is replaced by the current code, as the
 * INSEE code history (COG, "table de passage") gives it.
 *
 * <p>Decisions, written down because the sources leave them open:
 *
 * <ul>
 *   <li>population and supply of communes that merged are summed;
 *   <li>a travel-time pair that several old pairs fall onto keeps the time of the pair whose
 *       codes already were the current ones (the new commune's own town hall), otherwise the
 *       shortest time among them;
 *   <li>a pair between two communes that merged into one is dropped: the self pair of the new
 *       commune stays its own (0 minutes when absent), never the time between two old town
 *       halls.
 * </ul>
 *
 * <p>Chains (a code merged twice) are followed to the end. Immutable and thread-safe; lookups are
 * O(1).
 */
public final class CodeHistory {

  private static final CodeHistory NONE = new CodeHistory(Map.of());

  private final Map<String, String> currentByOld;

  private CodeHistory(Map<String, String> currentByOld) {
    this.currentByOld = currentByOld;
  }

  /** {@return the shared history that changes no code} */
  public static CodeHistory none() {
    return NONE;
  }

  /**
   * Returns the history of a table old code → current code. Rows mapping a code to itself are
   * ignored; chains are resolved.
   *
   * @param currentByOld each old code and the code it became, non-null; not kept
   * @return the history, with every chain followed to its end; O(rows · chain length)
   * @throws IllegalArgumentException on a null or empty code, or a cycle
   */
  public static CodeHistory of(Map<String, String> currentByOld) {
    Map<String, String> direct = new HashMap<>();
    for (Map.Entry<String, String> e : currentByOld.entrySet()) {
      String o = e.getKey();
      String n = e.getValue();
      if (o == null || o.isEmpty() || n == null || n.isEmpty()) {
        throw new IllegalArgumentException("code history rows need an old and a current code");
      }
      if (!o.equals(n)) {
        direct.put(o, n);
      }
    }
    Map<String, String> resolved = new HashMap<>(direct.size() * 2);
    for (String o : direct.keySet()) {
      String n = direct.get(o);
      int steps = 0;
      while (direct.containsKey(n)) {
        n = direct.get(n);
        if (++steps > direct.size()) {
          throw new IllegalArgumentException("the code history has a cycle through " + o);
        }
      }
      resolved.put(o, n);
    }
    return new CodeHistory(Collections.unmodifiableMap(resolved));
  }

  /** {@return the number of old codes} */
  public int size() {
    return currentByOld.size();
  }

  /** {@return true when no code changes} */
  public boolean isEmpty() {
    return currentByOld.isEmpty();
  }

  /**
   * Returns the current code of a commune: itself unless it is an old code.
   *
   * @param code a commune code
   * @return the code at the end of its chain, or {@code code} itself
   */
  public String current(String code) {
    String n = currentByOld.get(code);
    return n == null ? code : n;
  }

  /**
   * Returns true when {@code code} is an old code that this history replaces.
   *
   * @param code a commune code
   * @return true when {@link #current(String)} gives another code
   */
  public boolean isOld(String code) {
    return currentByOld.containsKey(code);
  }

  /**
   * Holds an input brought to the current geography and what changed.
   *
   * @param value the input in current codes
   * @param remapped the old codes of the input and their current code, in code order
   * @param merged how many rows (communes, practices) or pairs fell onto another one and were
   *     summed, or for pairs kept once; pairs between two communes that merged are counted too
   * @param <T> the input's type
   */
  public record Remapped<T>(T value, SortedMap<String, String> remapped, long merged) {

    /**
     * Makes the map immutable.
     *
     * @param value the input in current codes
     * @param remapped old code to current code, non-null; copied in code order
     * @param merged rows or pairs that fell onto another one, &gt;= 0
     */
    public Remapped {
      remapped = Collections.unmodifiableSortedMap(new TreeMap<>(remapped));
    }

    /**
     * Returns up to {@code n} examples {@code old→current}, separated by spaces.
     *
     * @param n the most examples to give, &gt;= 0
     * @return the first {@code n} remapped codes in code order, then {@code " ..."} when there
     *     are more; empty when nothing was remapped
     */
    public String examples(int n) {
      StringBuilder b = new StringBuilder();
      int k = 0;
      for (Map.Entry<String, String> e : remapped.entrySet()) {
        if (k++ == n) {
          b.append(" ...");
          break;
        }
        b.append(b.length() == 0 ? "" : " ").append(e.getKey()).append("->").append(e.getValue());
      }
      return b.toString();
    }
  }

  /**
   * Returns the values in current codes; the values of merged communes are summed.
   *
   * @param values values by commune, non-null
   * @return the values themselves when no code is old, else a new table summed in code order
   */
  public Remapped<CommuneValues> remap(CommuneValues values) {
    boolean any = false;
    for (int k = 0; k < values.size() && !any; k++) {
      any = currentByOld.containsKey(values.code(k));
    }
    if (!any) {
      // Already in current codes (the usual case): nothing to sum.
      return new Remapped<>(values, new TreeMap<>(), 0);
    }
    SortedMap<String, String> remapped = new TreeMap<>();
    TreeMap<String, Double> sums = new TreeMap<>();
    long merged = 0;
    for (int k = 0; k < values.size(); k++) {
      String c = values.code(k);
      String n = current(c);
      if (!n.equals(c)) {
        remapped.put(c, n);
      }
      Double before = sums.get(n);
      if (before != null) {
        merged++;
      }
      // Sums in code order of the old codes, so the result does not depend on row order.
      sums.put(n, before == null ? values.value(k) : before + values.value(k));
    }
    return new Remapped<>(remapped.isEmpty() ? values : CommuneValues.of(sums), remapped, merged);
  }

  /**
   * Returns the supply in current codes; merged practice communes are summed.
   *
   * @param supply supply by practice commune, non-null
   * @return the supply itself when no code is old, else a new supply
   */
  public Remapped<Supply> remap(Supply supply) {
    Remapped<CommuneValues> r = remap(supply.consultationsPerYear());
    return new Remapped<>(
        r.remapped().isEmpty() ? supply : Supply.of(r.value()), r.remapped(), r.merged());
  }

  /**
   * Returns the population in current codes; the standardised and resident populations of merged
   * communes are summed.
   *
   * @param population the population, non-null
   * @return the population itself when no code is old, else a new one whose provenance says so
   */
  public Remapped<Population> remap(Population population) {
    Remapped<CommuneValues> s = remap(population.standardised());
    if (s.remapped().isEmpty()) {
      return new Remapped<>(population, s.remapped(), 0);
    }
    CommuneValues residents =
        population.hasResidents() ? remap(population.residents()).value() : null;
    return new Remapped<>(
        Population.of(
            s.value(),
            residents,
            population.provenance() + ", commune codes brought to the current geography"),
        s.remapped(),
        s.merged());
  }

  /**
   * Returns the doctors with their practice communes in current codes; the practices of one
   * doctor that fall onto the same commune become one practice, their acts summed. When some code
   * changes, the doctors come out sorted by id, then old practice code.
   *
   * @param doctors one row per doctor and practice, non-null
   * @return the list itself when no code is old, else an immutable list sorted as said
   */
  public Remapped<List<Doctor>> remapDoctors(List<Doctor> doctors) {
    // Acts added in the order of doctor id, then old practice code (then acts): with three or more
    // old practices of one doctor in one commune, the sum of doubles would otherwise depend on
    // the order of the file's rows, which means nothing. Sorted files give the same bits.
    List<Doctor> sorted = new ArrayList<>(doctors);
    sorted.sort(Comparator.comparing(Doctor::id)
        .thenComparing(Doctor::commune)
        .thenComparingDouble(Doctor::acts));
    SortedMap<String, String> remapped = new TreeMap<>();
    Map<String, Integer> byPractice = new LinkedHashMap<>();
    List<Doctor> out = new ArrayList<>(doctors.size());
    long merged = 0;
    for (Doctor d : sorted) {
      String n = current(d.commune());
      if (!n.equals(d.commune())) {
        remapped.put(d.commune(), n);
      }
      String key = d.id() + "\u0000" + n;
      Integer at = byPractice.get(key);
      if (at != null) {
        Doctor p = out.get(at);
        out.set(
            at, new Doctor(p.id(), n, p.acts() + d.acts(), p.age(), p.mode(), p.newInstallation()));
        merged++;
      } else {
        byPractice.put(key, out.size());
        out.add(
            remapped.containsKey(d.commune())
                ? new Doctor(d.id(), n, d.acts(), d.age(), d.mode(), d.newInstallation())
                : d);
      }
    }
    return new Remapped<>(remapped.isEmpty() ? doctors : List.copyOf(out), remapped, merged);
  }

  /**
   * Returns the travel times in current codes. A pair whose codes are both current is kept as
   * is; a pair with an old code is kept only when the matrix has no pair between the current
   * codes themselves, and then the shortest of such pairs wins; a pair between two communes that
   * merged into one is dropped. O(pairs) when some code is old, O(communes) otherwise.
   *
   * @param matrix travel times, non-null
   * @return the matrix itself when no code is old, else a new matrix on the current codes
   */
  public Remapped<TravelTimeMatrix> remap(TravelTimeMatrix matrix) {
    int n = matrix.communeCount();
    String[] codes = matrix.codes();
    String[] target = new String[n];
    SortedMap<String, String> remapped = new TreeMap<>();
    TreeSet<String> currentCodes = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      target[i] = current(codes[i]);
      currentCodes.add(target[i]);
      if (!target[i].equals(codes[i])) {
        remapped.put(codes[i], target[i]);
      }
    }
    if (remapped.isEmpty()) {
      return new Remapped<>(matrix, remapped, 0);
    }
    String[] newCodes = currentCodes.toArray(new String[0]);
    Map<String, Integer> newIndex = new HashMap<>(newCodes.length * 2);
    for (int k = 0; k < newCodes.length; k++) {
      newIndex.put(newCodes[k], k);
    }
    int[] to = new int[n];
    boolean[] old = new boolean[n];
    for (int i = 0; i < n; i++) {
      to[i] = newIndex.get(target[i]);
      old[i] = !target[i].equals(codes[i]);
    }
    int[] rowStart = matrix.rowStart();
    int[] dest = matrix.destinations();
    double[] minutes = matrix.minutes();
    int pairs = dest.length;
    int[] origin = new int[pairs];
    int[] destination = new int[pairs];
    double[] time = new double[pairs];
    int count = 0;
    // Pairs with an old code, by their current pair: the shortest time so far and its slot.
    Map<Long, Integer> slotOf = new HashMap<>();
    long merged = 0;
    for (int o = 0; o < n; o++) {
      for (int k = rowStart[o]; k < rowStart[o + 1]; k++) {
        int d = dest[k];
        int no = to[o];
        int nd = to[d];
        if (!old[o] && !old[d]) {
          origin[count] = no;
          destination[count] = nd;
          time[count] = minutes[k];
          count++;
          continue;
        }
        merged++;
        if (no == nd && o != d) {
          continue; // Two old town halls of one new commune: not its self time.
        }
        if (!Double.isNaN(matrix.minutes(newCodes[no], newCodes[nd]))) {
          continue; // The current pair itself is in the matrix: its time wins.
        }
        long key = ((long) no << 32) | nd;
        Integer slot = slotOf.get(key);
        if (slot == null) {
          slotOf.put(key, count);
          origin[count] = no;
          destination[count] = nd;
          time[count] = minutes[k];
          count++;
          merged--;
        } else if (minutes[k] < time[slot]) {
          time[slot] = minutes[k];
        }
      }
    }
    TravelTimeMatrix out =
        TravelTimeMatrix.fromIndexedPairs(newCodes, origin, destination, time, count);
    return new Remapped<>(out, remapped, merged);
  }
}
