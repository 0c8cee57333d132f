package fr.apl.engine;

import fr.apl.core.Catchments;

/**
 * Runs the gathers of the access methods somewhere: in this process on arrays ({@link #local()},
 * the default) or on a cluster (the Spark engine of the {@code apl-spark} module). The seam sits
 * below the methods and above the sums: every method, decay, variant and diagnostic is computed
 * by the same code whatever the engine, which only holds the weighted pairs and sums over them
 * (see {@link Kernel}), so that every engine gives the local engine's figures to the last bit.
 *
 * <p>An engine that is not in this module is found by name with {@link #named(String)}, through
 * {@link java.util.ServiceLoader}: a jar on the class path that declares a {@code
 * fr.apl.engine.Engine} provider adds its engine without {@code fr.apl.core} depending on it.
 * Implementations are immutable and thread-safe.
 */
public interface Engine {

  /** {@return the engine's name, as {@code --engine} says it ({@code local}, {@code spark})} */
  String name();

  /**
   * Puts the weighted pairs of catchments built in this process on the engine.
   *
   * @param catchments the weighted catchments, non-null
   * @param threads threads the local engine uses, &gt;= 1; results do not depend on it
   * @return the kernel, to close when the computation is done
   */
  Kernel kernel(Catchments catchments, int threads);

  /**
   * Returns the local engine: the catchments' own arrays in both orientations, summed on the
   * given threads (the kernel of {@link Catchments#compute}).
   *
   * @return the shared local engine
   */
  static Engine local() {
    return LocalEngine.INSTANCE;
  }

  /**
   * Returns an engine by name: {@code local}, or one that a provider on the class path declares.
   *
   * @param name the engine's name, any case, non-null
   * @return the engine
   * @throws EngineNotFoundException when no engine of that name is on the class path (or its
   *     provider cannot start, for example because its libraries are missing)
   */
  static Engine named(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
    if (key.equals("local")) {
      return local();
    }
    java.util.List<String> known = new java.util.ArrayList<>();
    known.add("local");
    try {
      for (Engine e : java.util.ServiceLoader.load(Engine.class)) {
        if (e.name().equals(key)) {
          return e;
        }
        known.add(e.name());
      }
    } catch (java.util.ServiceConfigurationError | LinkageError e) {
      Throwable why = e.getCause() != null ? e.getCause() : e;
      String what = why instanceof NoClassDefFoundError
          ? "a class it needs is missing (" + why.getMessage().replace('/', '.') + ")"
          : why.getMessage();
      throw new EngineNotFoundException("the engine " + key + " cannot start: " + what, e);
    }
    throw new EngineNotFoundException(
        "no engine named " + name + " on the class path (found: " + String.join(", ", known) + ")",
        null);
  }
}
