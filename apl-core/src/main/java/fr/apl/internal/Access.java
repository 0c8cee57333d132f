package fr.apl.internal;

import fr.apl.matrix.TravelTimeMatrix;

/**
 * Lets the engine read a matrix's arrays without copying them (2.8 million pairs for France, 181
 * million for a 200 m grid), while the public API only hands out copies and read-only views.
 * {@link TravelTimeMatrix} registers the accessor when its class is initialised. Internal: not
 * for use outside apl-core, no compatibility promise; the arrays must never be written.
 */
public final class Access {

  /** Reads the arrays of a matrix. */
  public interface MatrixArrays {
    /** Returns the row starts (length n + 1). */
    int[] rowStart(TravelTimeMatrix m);

    /** Returns the destination of each pair. */
    int[] destinations(TravelTimeMatrix m);

    /** Returns the minutes of each pair. */
    double[] minutes(TravelTimeMatrix m);
  }

  private static MatrixArrays matrixArrays;

  private Access() {}

  /**
   * Registers the accessor; called once by {@link TravelTimeMatrix}.
   *
   * @throws IllegalStateException when an accessor is already registered
   */
  public static synchronized void register(MatrixArrays arrays) {
    if (matrixArrays != null) {
      throw new IllegalStateException("matrix accessor already registered");
    }
    matrixArrays = arrays;
  }

  /** Returns the accessor (registered as soon as any matrix exists). */
  public static synchronized MatrixArrays matrix() {
    return matrixArrays;
  }
}
