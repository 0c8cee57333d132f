package fr.apl.cli;

import fr.apl.io.csv.ReadProgress;
import fr.apl.roads.RoadNetwork;
import fr.apl.roads.RoadTimes;
import fr.apl.routing.Points;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The road model's options (a picocli mixin of times and compute): the OpenStreetMap extract, the
 * folder its graph is kept in, and how far a point may be from its road.
 */
final class RoadOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--osm",
      paramLabel = "FILE",
      description = "An OpenStreetMap extract (.osm.pbf, .osm, .osm.gz): car times on its roads,"
          + " with speeds after INSEE's Metric (README, Road times), instead of crow-fly.")
  Path osm;

  @Option(
      names = "--graph",
      paramLabel = "DIR",
      description = "With --osm: the folder the road graph is built into once, and loaded from"
          + " by later runs (default: a temporary folder, the graph built on every run). A"
          + " folder of another extract is refused, never overwritten.")
  Path graph;

  @Option(
      names = "--max-snap",
      paramLabel = "METRES",
      defaultValue = "1000",
      description = "With --osm: a point farther than this from any road is not routed (a"
          + " warning names it). Default: ${DEFAULT-VALUE}.")
  double maxSnap;

  /** Checks the options before anything is read; a usage error names the option. */
  void check() {
    if (osm == null) {
      for (String o : new String[] {"--graph", "--max-snap"}) {
        if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
          throw new ParameterException(spec.commandLine(), o + " needs --osm FILE");
        }
      }
      return;
    }
    if (!(maxSnap >= 0 && maxSnap <= 100_000)) {
      throw new ParameterException(
          spec.commandLine(), "--max-snap must be in [0, 100000] metres, given: " + maxSnap);
    }
  }

  /** Refuses the crow-fly options alongside --osm: they would be silently unused. */
  void refuseCrowFly(String... options) {
    if (osm == null) {
      return;
    }
    for (String o : options) {
      if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
        throw new ParameterException(
            spec.commandLine(),
            o + " sets the crow-fly model; with --osm the roads give the times");
      }
    }
  }

  /** Opens the road graph, saying on stderr when it is built (it may take minutes). */
  RoadNetwork open(PrintWriter err, int threads, boolean quiet) throws IOException {
    long t0 = System.nanoTime();
    if (!quiet && (graph == null || !Files.exists(graph.resolve(RoadNetwork.STAMP)))) {
      err.println("  roads: building the road graph of " + osm
          + (graph == null ? " (give --graph DIR to keep it for the next runs)" : " into " + graph)
          + "; a region takes minutes, a country tens of minutes");
      err.flush();
    }
    RoadNetwork n = RoadNetwork.open(osm, graph, RoadNetwork.Settings.DEFAULTS, threads);
    if (!quiet) {
      err.printf(
          Locale.ROOT,
          "  roads: %s: %d road segments, %s in %.1f s%n",
          osm,
          n.edges(),
          n.built() ? "built" + (graph == null ? "" : " into " + graph) : "loaded from " + graph,
          (System.nanoTime() - t0) / 1e9);
    }
    return n;
  }

  /** Returns a road-times builder with these options, its progress on a terminal's stderr. */
  RoadTimes.Builder times(
      RoadNetwork network, Points points, double maxMinutes, PrintWriter err, boolean quiet) {
    ReadProgress p = Progress.labelled(err, "searching the roads", quiet);
    return RoadTimes.builder(network, points)
        .maxMinutes(maxMinutes)
        .maxSnapMetres(maxSnap)
        .progress(p::progress);
  }
}
