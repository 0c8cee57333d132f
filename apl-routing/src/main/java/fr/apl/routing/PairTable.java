package fr.apl.routing;

import fr.apl.matrix.TravelTimeMatrix;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The frame of a times table computed from points, shared by every model (crow-fly, roads): one
 * code list for both sides (the origins first, then the destinations not among them), the pairs
 * found by blocks of origins on several threads, and the matrix built from the blocks in block
 * order, so that it does not depend on the thread count.
 *
 * <p>Immutable once built; {@link Block}s are filled by one thread each. A support class of the
 * times sources (this module's and apl-roads'), public only because they live in two modules:
 * no compatibility promise.
 */
public final class PairTable {

  private final String[] codes;
  private final int[] destinationCode;

  private PairTable(String[] codes, int[] destinationCode) {
    this.codes = codes;
    this.destinationCode = destinationCode;
  }

  /**
   * Returns the frame of origins × destinations.
   *
   * @param origins the origins, non-null
   * @param destinations the destinations, or null for the origins themselves (each origin is then
   *     destination {@code i} of code {@code i})
   * @return the frame
   */
  public static PairTable of(Points origins, Points destinations) {
    int no = origins.size();
    if (destinations == null) {
      int[] same = new int[no];
      Arrays.setAll(same, i -> i);
      return new PairTable(origins.codes(), same);
    }
    int nd = destinations.size();
    int[] destCode = new int[nd];
    Map<String, Integer> index = new HashMap<>((no + nd) * 2);
    String[] all = Arrays.copyOf(origins.codes(), no + nd);
    for (int i = 0; i < no; i++) {
      index.put(all[i], i);
    }
    int n = no;
    for (int j = 0; j < nd; j++) {
      String c = destinations.code(j);
      Integer k = index.get(c);
      if (k == null) {
        k = n++;
        index.put(c, k);
        all[k] = c;
      }
      destCode[j] = k;
    }
    return new PairTable(Arrays.copyOf(all, n), destCode);
  }

  /** {@return the matrix's codes: the origins, then the destinations not among them} */
  public String[] codes() {
    return codes.clone();
  }

  /**
   * Returns the matrix index of a destination.
   *
   * @param destination the destination's index in its points (an origin's when there are no
   *     separate destinations)
   * @return its index in {@link #codes()}
   */
  public int destinationCode(int destination) {
    return destinationCode[destination];
  }

  /** The pairs of a block of origins, in growing arrays; filled by one thread. */
  public static final class Block {
    private int[] origin;
    private int[] destination;
    private double[] minutes;
    private int count;

    /** Creates an empty block. */
    public Block() {
      origin = new int[1024];
      destination = new int[1024];
      minutes = new double[1024];
    }

    /**
     * Adds a pair.
     *
     * @param o the origin's index in the codes
     * @param d the destination's index in the codes
     * @param t minutes
     */
    public void add(int o, int d, double t) {
      if (count == origin.length) {
        int c = origin.length * 2;
        origin = Arrays.copyOf(origin, c);
        destination = Arrays.copyOf(destination, c);
        minutes = Arrays.copyOf(minutes, c);
      }
      origin[count] = o;
      destination[count] = d;
      minutes[count] = t;
      count++;
    }

    /** {@return the pairs added} */
    public int count() {
      return count;
    }
  }

  /**
   * Builds the matrix of the blocks, taken in array order.
   *
   * @param blocks the blocks, none null
   * @param threads threads to sort the rows on, &gt;= 1
   * @return the matrix over {@link #codes()}
   * @throws IllegalArgumentException when the pairs exceed what a matrix holds (about 2
   *     billion: lower the maximum minutes)
   */
  public TravelTimeMatrix matrix(Block[] blocks, int threads) {
    long total = 0;
    for (Block b : blocks) {
      total += b.count;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          total + " pairs are more than a matrix holds: lower the maximum minutes");
    }
    int count = (int) total;
    int[] o = new int[count];
    int[] d = new int[count];
    double[] m = new double[count];
    int at = 0;
    for (Block b : blocks) {
      System.arraycopy(b.origin, 0, o, at, b.count);
      System.arraycopy(b.destination, 0, d, at, b.count);
      System.arraycopy(b.minutes, 0, m, at, b.count);
      at += b.count;
    }
    return TravelTimeMatrix.fromIndexedPairs(
        List.of(new TravelTimeMatrix.IndexedPairs(codes, o, d, m, count)), threads);
  }

  /**
   * Runs the same work on several threads and waits for all of them; the first failure is
   * thrown again on the caller's thread.
   *
   * @param threads how many, &gt;= 1 (1 runs on the caller's thread)
   * @param name the threads' name prefix
   * @param work what each thread runs (it takes its share of work itself)
   */
  public static void run(int threads, String name, Runnable work) {
    if (threads <= 1) {
      work.run();
      return;
    }
    Thread[] pool = new Thread[threads];
    Throwable[] failure = new Throwable[1];
    for (int t = 0; t < threads; t++) {
      pool[t] = new Thread(
          () -> {
            try {
              work.run();
            } catch (RuntimeException | Error e) {
              synchronized (failure) {
                if (failure[0] == null) {
                  failure[0] = e;
                }
              }
            }
          },
          name + "-" + t);
      pool[t].setDaemon(true);
      pool[t].start();
    }
    boolean interrupted = false;
    for (Thread t : pool) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure[0] instanceof RuntimeException e) {
      throw e;
    }
    if (failure[0] instanceof Error e) {
      throw e;
    }
  }
}
