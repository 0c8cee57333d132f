package fr.apl.internal;

import java.util.function.Function;

/**
 * Lets the engine read a matrix's arrays without copying them (2.8 million pairs for France, 181
 * million for a 200 m grid), while the public API only hands out copies and read-only views. The
 * matrix registers its accessor when its class is initialised; this package does not know the
 * matrix type, so that {@code fr.apl.matrix} depends on {@code fr.apl.internal} and not the other
 * way round. Internal: the module does not export this package; the arrays must never be
 * written.
 */
public final class Access {

  /**
   * The arrays of a matrix, read only.
   *
   * @param rowStart the row starts (length n + 1)
   * @param destinations the destination of each pair
   * @param minutes the minutes of each pair
   */
  public record MatrixArrays(int[] rowStart, int[] destinations, double[] minutes) {}

  private static Function<Object, MatrixArrays> matrixArrays;

  private Access() {}

  /**
   * Registers the accessor; called once by the matrix class.
   *
   * @param arrays gives the arrays of a matrix
   * @throws IllegalStateException when an accessor is already registered
   */
  public static synchronized void registerMatrix(Function<Object, MatrixArrays> arrays) {
    if (matrixArrays != null) {
      throw new IllegalStateException("matrix accessor already registered");
    }
    matrixArrays = arrays;
  }

  /**
   * Returns the arrays of a matrix (its class registered the accessor when it was initialised).
   *
   * @param matrix a {@code fr.apl.matrix.TravelTimeMatrix}
   * @return its arrays, not copied
   */
  public static MatrixArrays matrix(Object matrix) {
    Function<Object, MatrixArrays> a;
    synchronized (Access.class) {
      a = matrixArrays;
    }
    return a.apply(matrix);
  }
}
