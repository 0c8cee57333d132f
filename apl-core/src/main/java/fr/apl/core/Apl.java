package fr.apl.core;

import fr.apl.decay.Decay;
import fr.apl.demand.Population;
import fr.apl.engine.Kernel;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.supply.Supply;
import java.util.List;

/**
 * Computes the APL indicator (accessibilité potentielle localisée, DREES): the entry point of the
 * library.
 *
 * <pre>{@code
 * Catchments catchments = Apl.prepare(times, DistanceDecay.dreesGeneralPractitioners());
 * AplResult result = catchments.compute(population,
 *     List.of(Variant.of("apl", all), Variant.of("apl_moins65", under65)), 4);
 * double apl = result.apl("apl", "43157");
 * }</pre>
 *
 * <p>Prepare once, compute many times: the catchments hold the weighted matrix in both
 * orientations, and each computation is two sparse gathers over it. All types are immutable and
 * thread-safe. The library never prints nor exits; problems come back as exceptions (bad
 * arguments) or in {@link Diagnostics} (facts about the data).
 */
public final class Apl {

  private Apl() {}

  /**
   * Builds the catchments of a matrix under a decay on one thread (see {@link Catchments}).
   *
   * @param matrix travel times in minutes, non-null
   * @param decay the weight of a pair by its minutes, non-null
   * @return the catchments, immutable; O(pairs) time and memory
   */
  public static Catchments prepare(TravelTimeMatrix matrix, Decay decay) {
    return Catchments.of(matrix, decay);
  }

  /**
   * Builds the catchments of a matrix under a decay on several threads; the catchments do not
   * depend on the thread count (see {@link Catchments#of(TravelTimeMatrix, Decay, int)}).
   *
   * @param matrix travel times in minutes, non-null
   * @param decay the weight of a pair by its minutes, non-null
   * @param threads threads to use, &gt;= 1
   * @return the catchments, immutable
   */
  public static Catchments prepare(TravelTimeMatrix matrix, Decay decay, int threads) {
    return Catchments.of(matrix, decay, threads);
  }

  /**
   * Computes one variant named {@code apl} on one thread: a shortcut for a single run.
   *
   * @param matrix travel times in minutes, non-null
   * @param decay the weight of a pair by its minutes, non-null
   * @param population standardised population by residence commune, non-null
   * @param supply consultations per year by practice commune, non-null
   * @return the APL of every population commune in the one variant {@code apl}
   */
  public static AplResult compute(
      TravelTimeMatrix matrix, Decay decay, Population population, Supply supply) {
    return prepare(matrix, decay).compute(population, List.of(Variant.of("apl", supply)), 1);
  }

  /**
   * Computes access on a kernel that an engine built itself (for example from a pair table it
   * read on a cluster), with the figures and diagnostics of {@link Catchments#compute(Population,
   * List, AccessMethod, int)}. The caller keeps the kernel and closes it.
   *
   * @param kernel the weighted pairs on an engine, non-null
   * @param population standardised population by residence commune, non-null
   * @param scenarios the variants, at least one, names unique
   * @param method the access method, non-null
   * @return the access of every population commune for each variant, with the diagnostics
   * @throws IllegalArgumentException on a null argument, no variant, a repeated name, or a
   *     variant population with other communes
   */
  public static AplResult compute(
      Kernel kernel, Population population, List<Variant> scenarios, AccessMethod method) {
    if (kernel == null) {
      throw new IllegalArgumentException("the kernel must not be null");
    }
    Computation.check(population, scenarios, method);
    return Computation.run(kernel, population, scenarios, method);
  }
}
