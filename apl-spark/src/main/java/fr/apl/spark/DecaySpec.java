package fr.apl.spark;

import fr.apl.decay.BandEdges;
import fr.apl.decay.Decay;
import fr.apl.decay.Decays;
import java.io.Serializable;

/**
 * Names a decay as the command line does ({@code 10:1,15:2/3,20:1/3}, {@code gaussian:10} with
 * a cutoff…), so that Spark's executors can build it themselves and weigh the pairs where they
 * are: a decay object is not serializable, its spec is. The executors' decay is the driver's (the
 * same parse of the same text), so every pair gets the weight the local engine gives it.
 *
 * @param spec the decay, as {@link Decays#parse} reads it, non-blank
 * @param maxMinutes the cutoff in minutes, or null
 * @param edges whether a time on an edge belongs below it, non-null
 * @serial exclude
 */
public record DecaySpec(String spec, Double maxMinutes, BandEdges edges) implements Serializable {

  /**
   * Checks the spec by parsing it once.
   *
   * @param spec the decay, non-blank
   * @param maxMinutes the cutoff in minutes, or null
   * @param edges the band edges, non-null
   * @throws IllegalArgumentException when {@link Decays#parse} refuses it
   */
  public DecaySpec {
    Decays.parse(spec, maxMinutes, edges);
  }

  /**
   * Returns the DREES decay of general practitioners: 1 under 10 minutes, 2/3 under 15, 1/3
   * under 20, half-open bands (the default of {@code apl compute}).
   *
   * @return the default decay
   */
  public static DecaySpec drees() {
    return new DecaySpec("10:1,15:2/3,20:1/3", null, BandEdges.HALF_OPEN);
  }

  /** {@return the decay, parsed again} */
  public Decay decay() {
    return Decays.parse(spec, maxMinutes, edges);
  }
}
