package fr.apl.job;

import fr.apl.matrix.TravelTimeMatrix;
import java.util.Locale;

/**
 * Signals a run whose results would not fit in the memory this JVM may use: thousands of
 * scenarios on a whole country. Raised before computing, with the memory it would need, rather
 * than failing half-way with an {@link OutOfMemoryError}.
 */
public final class MemoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The bytes the results would need, estimated: see {@link #neededBytes()}. */
  private final long neededBytes;

  /** The bytes the JVM could still give: see {@link #availableBytes()}. */
  private final long availableBytes;

  MemoryException(String message, long neededBytes, long availableBytes) {
    super(message);
    this.neededBytes = neededBytes;
    this.availableBytes = availableBytes;
  }

  /**
   * {@return the bytes the results would need, estimated: 8 a value per variant and commune, and
   * four arrays of 8-byte values over every place for the variant being computed}
   */
  public long neededBytes() {
    return neededBytes;
  }

  /**
   * {@return the bytes the JVM could still give when the run was refused: its maximum heap less
   * what was in use; the run is refused when it needs more than 80 % of it}
   */
  public long availableBytes() {
    return availableBytes;
  }

  /**
   * Refuses a computation whose results (a value per variant and commune, and the arrays of one
   * variant's two steps) would need more than what the JVM can still give.
   *
   * @throws MemoryException when they would not fit
   */
  static void check(int variants, int communes, TravelTimeMatrix matrix) {
    long places = (long) matrix.communeCount() + communes;
    // The results (8 bytes a value), and per variant while it is computed: supply, ratio,
    // access and demand over every place.
    long needed = 8L * variants * communes + 4 * 8L * places;
    Runtime rt = Runtime.getRuntime();
    long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (needed > available * 0.8) {
      throw new MemoryException(
          String.format(
              Locale.ROOT,
              "%d variants on %d communes need"
                  + " about %d MB for their results, and this JVM can give %d MB more: give it more"
                  + " memory, or split the scenarios into several runs",
              variants,
              communes,
              needed >> 20,
              available >> 20),
          needed,
          available);
    }
  }
}
