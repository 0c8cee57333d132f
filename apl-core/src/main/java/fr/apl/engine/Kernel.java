package fr.apl.engine;

/**
 * Holds the weighted catchments on an engine and sums over them: the two gathers every access
 * method is made of, step 1 over the residences that reach each practice (a group-by on
 * destination) and step 2 over the practices each residence reaches (a group-by on origin).
 *
 * <p>Places are the communes (or cells) of the pair table in code order ({@link String#compareTo}),
 * numbered from 0; each output place is summed over its pairs in increasing index of the other
 * end, in {@code double}, so that every engine gives the same bits whatever its threads or
 * partitions. A gather is batched: it takes several vectors (one per variant, population or
 * scenario) and sums them in the same pass over the pairs, so an engine that pays per pass (a
 * Spark job) pays once for all the variants.
 *
 * <p>Vectors may be longer than {@link #places()} (the computation appends the communes that the
 * pair table does not know); a kernel reads and writes only the first {@link #places()} cells.
 * Implementations are thread-safe for concurrent reads unless they say otherwise; {@link #close}
 * releases what the engine holds (cached partitions), and the kernel is not used after it.
 */
public interface Kernel extends AutoCloseable {

  /** {@return the codes of the places, in index order (code order); a copy} */
  String[] codes();

  /** {@return the number of places: the communes of the pair table} */
  int places();

  /** {@return the weight of a place to itself (a pair at 0 minutes), 0 when it has none} */
  double selfWeight();

  /** {@return the number of pairs of the travel-time table, duplicates left out} */
  long pairCount();

  /** {@return the number of pairs with a weight above 0, self pairs included} */
  long pairsInReach();

  /** {@return the number of self pairs the table lacked and the catchments added at 0 minutes} */
  int selfPairsAdded();

  /** {@return the number of pairs given twice with the same time (kept once)} */
  long duplicatePairs();

  /**
   * Step 1, a group-by on destination: {@code out[v][j] = Σ_i w_ij^p · x[v][i]}, with {@code p =
   * 2} when {@code squared}, else 1, summed over {@code i} in increasing order.
   *
   * @param x one vector per variant, each at least {@link #places()} long
   * @param squared true to weigh by {@code w_ij²}
   * @param out one vector per variant, as many as {@code x}; cells {@code 0..places()-1} written
   */
  void toPractices(double[][] x, boolean squared, double[][] out);

  /**
   * Step 2, a group-by on origin: {@code out[v][i] = Σ_j w_ij^p · x[v][j]}, summed over {@code j}
   * in increasing order.
   *
   * @param x one vector per variant, each at least {@link #places()} long
   * @param squared true to weigh by {@code w_ij²}
   * @param out one vector per variant, as many as {@code x}; cells {@code 0..places()-1} written
   */
  void toResidences(double[][] x, boolean squared, double[][] out);

  /**
   * Counts, for each residence, the practices it reaches whose supply and demand are both above
   * 0 (the {@code practices_in_reach} of the outputs).
   *
   * @param supply supply per place, at least {@link #places()} long
   * @param demand weighted demand per place, at least {@link #places()} long
   * @param out written: the count per residence, cells {@code 0..places()-1}
   */
  void countReached(double[] supply, double[] demand, int[] out);

  /** Releases what the engine holds for this kernel; the local engine holds nothing. */
  @Override
  default void close() {}
}
