package fr.apl.routing;

/**
 * What every builder of times between points sets alike (the crow-fly model, the road model):
 * the origins, separate destinations, the bound on minutes and the name messages quote. Each
 * setter checks its value at once. Not thread-safe.
 *
 * @param <B> the concrete builder, returned by the setters
 */
public abstract class PointPairsBuilder<B extends PointPairsBuilder<B>> {

  /** The default bound on the minutes of a pair kept (inclusive). */
  public static final double DEFAULT_MAX_MINUTES = 30.0;

  private final Points origins;
  private Points destinations;
  private double maxMinutes = DEFAULT_MAX_MINUTES;
  private String name;

  /**
   * Starts a builder.
   *
   * @param origins the origins (and destinations when none are given), non-null
   * @param name the default name that messages quote, non-null
   * @throws IllegalArgumentException when origins is null
   */
  protected PointPairsBuilder(Points origins, String name) {
    if (origins == null) {
      throw new IllegalArgumentException("origins must not be null");
    }
    this.origins = origins;
    this.name = name;
  }

  /** {@return this builder, as its concrete type} */
  protected abstract B self();

  /**
   * Sets separate destinations: the pairs are then origins × destinations.
   *
   * @param value the destinations, or null for the origins themselves
   * @return this builder
   */
  public B destinations(Points value) {
    this.destinations = value;
    return self();
  }

  /**
   * Sets the bound on the minutes of a pair kept (inclusive).
   *
   * @param value minutes, finite and in (0, 1440]
   * @return this builder
   * @throws IllegalArgumentException otherwise
   */
  public B maxMinutes(double value) {
    if (!(value > 0 && value <= 1440)) {
      throw new IllegalArgumentException("maximum minutes must be in (0, 1440], given: " + value);
    }
    this.maxMinutes = value;
    return self();
  }

  /**
   * Sets the name that messages quote.
   *
   * @param value e.g. the points file, non-null
   * @return this builder
   * @throws IllegalArgumentException when value is null
   */
  public B name(String value) {
    if (value == null) {
      throw new IllegalArgumentException("name must not be null");
    }
    this.name = value;
    return self();
  }

  /** {@return the origins} */
  public final Points origins() {
    return origins;
  }

  /** {@return the separate destinations, or null} */
  public final Points destinations() {
    return destinations;
  }

  /** {@return the bound on minutes} */
  public final double maxMinutes() {
    return maxMinutes;
  }

  /** {@return the name that messages quote} */
  public final String name() {
    return name;
  }
}
