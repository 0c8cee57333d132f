package fr.apl.roads;

import com.graphhopper.json.Statement;
import com.graphhopper.util.CustomModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The car speeds of the road model: INSEE's Metric rules (the distancier DREES computes APL on),
 * off-peak column ("heures creuses"), where OpenStreetMap's tags allow. Metric sets a speed per
 * road type and per population density of the 200 m cell the road crosses:
 *
 * <pre>
 *                              &lt; 500 hab/km²   500–4000   &gt; 4000
 *   motorway (autoroute)              120          100        60
 *   expressway (quasi-autoroute)      100           90        40
 *   dual carriageway                   90           60        30
 *   single carriageway                 65           40        20
 *   slip road (bretelle)               60           60        60
 *   unpaved road, track (chemin)       20           20        20
 *   car ferry (bac auto)               13           13        13
 * </pre>
 *
 * <p>How OSM maps onto Metric's road types (GraphHopper's encoded values):
 *
 * <ul>
 *   <li>{@code highway=motorway} is a motorway; {@code highway=*_link} a slip road; a {@code
 *       route=ferry} open to cars a car ferry;
 *   <li>{@code highway=trunk} drawn one way (not a roundabout) is an expressway: French OSM tags
 *       the 2×2 "voies express" as trunk, each carriageway a one-way way;
 *   <li>{@code primary}, {@code secondary} and {@code tertiary} drawn one way (not a
 *       roundabout) are dual carriageways; drawn both ways, and a two-way {@code trunk}, single
 *       carriageways;
 *   <li>{@code unclassified} and {@code residential} are single carriageways <b>(assumed)</b>:
 *       Metric leaves its local roads (importance 5) out of commune-to-commune times, which would
 *       leave many points far from any road;
 *   <li>every other road open to cars ({@code living_street}, {@code service}, {@code track},
 *       {@code road}) is a "chemin" at 20 km/h.
 * </ul>
 *
 * <p><b>Approximations</b>, named: the density class is GraphHopper's {@code urban_density}
 * (rural, residential, city), which it estimates from the density of residential roads around
 * each road, not INSEE's population grid: rural stands for &lt; 500, residential for 500–4000 and
 * city for &gt; 4000 inhabitants per km². Metric's sinuosity factor is taken as 1 and its slope
 * term as 0 (no elevation is read). Posted speed limits ({@code maxspeed}) are not read: Metric's
 * speeds are by road type. The rows come from {@code metric_speed_rules_excerpt.md} (INSEE,
 * Metric documentation, "Vitesse par segment de route").
 */
public final class MetricSpeeds {

  /** A version of this table, stored with each graph: a graph built on another one is rebuilt. */
  public static final int VERSION = 1;

  /** Metric's road types, with their off-peak speeds by density class. */
  public enum RoadType {
    /** Autoroute. */
    MOTORWAY(120, 100, 60),
    /** Quasi-autoroute. */
    EXPRESSWAY(100, 90, 40),
    /** Route à 2 chaussées (sinuosity 1, slope 0). */
    DUAL_CARRIAGEWAY(90, 60, 30),
    /** Route à 1 chaussée (sinuosity 1, slope 0). */
    SINGLE_CARRIAGEWAY(65, 40, 20),
    /** Bretelle. */
    SLIP_ROAD(60, 60, 60),
    /** Route empierrée, chemin. */
    TRACK(20, 20, 20),
    /** Bac auto. */
    FERRY(13, 13, 13);

    private final double rural;
    private final double medium;
    private final double dense;

    RoadType(double rural, double medium, double dense) {
      this.rural = rural;
      this.medium = medium;
      this.dense = dense;
    }

    /**
     * Returns the off-peak speed of this road type.
     *
     * @param density the density class, non-null
     * @return km/h
     */
    public double kmh(Density density) {
      switch (density) {
        case RURAL:
          return rural;
        case MEDIUM:
          return medium;
        default:
          return dense;
      }
    }
  }

  /** Metric's density classes, and the {@code urban_density} value that stands for each. */
  public enum Density {
    /** Fewer than 500 inhabitants per km² ({@code RURAL}). */
    RURAL("RURAL"),
    /** 500 to 4000 inhabitants per km² ({@code RESIDENTIAL}). */
    MEDIUM("RESIDENTIAL"),
    /** More than 4000 inhabitants per km² ({@code CITY}). */
    DENSE("CITY");

    private final String urbanDensity;

    Density(String urbanDensity) {
      this.urbanDensity = urbanDensity;
    }
  }

  /** The encoded values the custom model reads, for GraphHopper's import. */
  static final String ENCODED_VALUES =
      "car_access, road_class, road_class_link, road_environment, roundabout, urban_density";

  private static final String ONE_WAY = "!backward_car_access && !roundabout";
  private static final String MAIN_ROAD =
      "(road_class == PRIMARY || road_class == SECONDARY || road_class == TERTIARY"
          + " || road_class == TRUNK)";

  private MetricSpeeds() {}

  /**
   * Returns the GraphHopper custom model of these speeds: cars only ({@code car_access}), one-way
   * streets followed, the fastest path (no distance influence).
   *
   * @return a new model
   */
  static CustomModel customModel() {
    CustomModel m = new CustomModel();
    m.setDistanceInfluence(0d);
    m.addToPriority(Statement.If("!car_access", Statement.Op.MULTIPLY, "0"));
    // One flat if / else-if / else chain (GraphHopper wants its first group of speed statements
    // to end with an else): each road type, its dense and medium classes first, then rural.
    List<Statement> chain = new ArrayList<>();
    type(chain, "road_environment == FERRY", RoadType.FERRY);
    type(chain, "road_class_link", RoadType.SLIP_ROAD);
    type(chain, "road_class == MOTORWAY", RoadType.MOTORWAY);
    type(chain, "road_class == TRUNK && " + ONE_WAY, RoadType.EXPRESSWAY);
    type(chain, MAIN_ROAD + " && " + ONE_WAY, RoadType.DUAL_CARRIAGEWAY);
    type(
        chain,
        "(" + MAIN_ROAD + " || road_class == UNCLASSIFIED || road_class == RESIDENTIAL)",
        RoadType.SINGLE_CARRIAGEWAY);
    for (Density d : new Density[] {Density.DENSE, Density.MEDIUM}) {
      chain.add(Statement.ElseIf(
          "urban_density == " + d.urbanDensity, Statement.Op.LIMIT, number(RoadType.TRACK.kmh(d))));
    }
    chain.add(Statement.Else(Statement.Op.LIMIT, number(RoadType.TRACK.kmh(Density.RURAL))));
    for (Statement st : chain) {
      m.addToSpeed(st);
    }
    return m;
  }

  private static void type(List<Statement> chain, String condition, RoadType t) {
    for (Density d : new Density[] {Density.DENSE, Density.MEDIUM, Density.RURAL}) {
      String c =
          d == Density.RURAL ? condition : condition + " && urban_density == " + d.urbanDensity;
      String v = number(t.kmh(d));
      chain.add(
          chain.isEmpty()
              ? Statement.If(c, Statement.Op.LIMIT, v)
              : Statement.ElseIf(c, Statement.Op.LIMIT, v));
    }
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%s", v == Math.rint(v) ? (long) v : v);
  }
}
