package fr.apl.roads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes small OpenStreetMap XML extracts for the tests (no real extract is available offline),
 * and keeps the same network for the tests' own Dijkstra: nodes, and ways with their tags.
 */
final class Osm {

  /** A way: its nodes in order and its tags. */
  record Way(long id, long[] nodes, Map<String, String> tags) {
    String tag(String key) {
      return tags.get(key);
    }
  }

  final Map<Long, double[]> nodes = new LinkedHashMap<>();
  final List<Way> ways = new ArrayList<>();
  private long nextWay = 1;

  Osm node(long id, double lat, double lon) {
    nodes.put(id, new double[] {lat, lon});
    return this;
  }

  /** Adds a way; tags as key, value, key, value… */
  Osm way(long[] nodeIds, String... tags) {
    Map<String, String> t = new LinkedHashMap<>();
    for (int i = 0; i < tags.length; i += 2) {
      t.put(tags[i], tags[i + 1]);
    }
    ways.add(new Way(nextWay++, nodeIds, t));
    return this;
  }

  double lat(long id) {
    return nodes.get(id)[0];
  }

  double lon(long id) {
    return nodes.get(id)[1];
  }

  Path write(Path file) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"apl-test\">\n");
    for (Map.Entry<Long, double[]> n : nodes.entrySet()) {
      b.append(String.format(
          Locale.ROOT,
          "  <node id=\"%d\" version=\"1\" lat=\"%.7f\" lon=\"%.7f\"/>%n",
          n.getKey(),
          n.getValue()[0],
          n.getValue()[1]));
    }
    for (Way w : ways) {
      b.append("  <way id=\"").append(w.id()).append("\" version=\"1\">\n");
      for (long n : w.nodes()) {
        b.append("    <nd ref=\"").append(n).append("\"/>\n");
      }
      for (Map.Entry<String, String> t : w.tags().entrySet()) {
        b.append("    <tag k=\"")
            .append(t.getKey())
            .append("\" v=\"")
            .append(t.getValue())
            .append("\"/>\n");
      }
      b.append("  </way>\n");
    }
    b.append("</osm>\n");
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    return file;
  }

  /** GraphHopper's earth radius (DistanceCalcEarth), so that the lengths agree to the mm. */
  static final double R_METRES = 6_371_000.0;

  static double metres(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double sp = Math.sin((p2 - p1) / 2);
    double sl = Math.sin(Math.toRadians(lon2 - lon1) / 2);
    double h = sp * sp + Math.cos(p1) * Math.cos(p2) * sl * sl;
    return 2 * R_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
