package fr.apl.engine;

import fr.apl.core.Catchments;

/** The engine of this process: the catchments' own arrays (see {@link Catchments#kernel}). */
final class LocalEngine implements Engine {

  static final LocalEngine INSTANCE = new LocalEngine();

  private LocalEngine() {}

  @Override
  public String name() {
    return "local";
  }

  @Override
  public Kernel kernel(Catchments catchments, int threads) {
    return catchments.kernel(threads);
  }

  @Override
  public String toString() {
    return name();
  }
}
