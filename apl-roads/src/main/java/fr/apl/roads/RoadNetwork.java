package fr.apl.roads;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.PMap;
import fr.apl.io.csv.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Properties;

/**
 * A car road graph from an OpenStreetMap extract, with the speeds of {@link MetricSpeeds}: built
 * once by GraphHopper into a folder, loaded from it by later runs.
 *
 * <p>The folder holds GraphHopper's files and {@value #STAMP}, which names the extract (its path,
 * size and modification time), the speed table's version and the build settings. A folder built
 * from another extract or with other settings is refused, never overwritten; a folder that is
 * not empty and has no stamp is refused too (it may be anything of the user's). A build goes into
 * a sibling folder, renamed into place once complete: an interrupted build leaves no half graph.
 * Without a folder, the graph is built into a temporary one, deleted on {@link #close()}.
 *
 * <p>Small pieces of network cut off from the rest (fewer than {@link Settings#minNetworkSize()}
 * edges: a car park drawn alone, a road cut at the extract's edge) are left out of snapping, as
 * GraphHopper does; a larger piece (an island with its roads) is kept, and its points reach only
 * each other.
 *
 * <p>Thread-safe once open: {@link #snap} may be called from several threads. Never prints.
 */
public final class RoadNetwork implements AutoCloseable {

  /** The file in a graph folder that says what it was built from. */
  public static final String STAMP = "apl-graph.properties";

  static final String PROFILE = "car";

  private final GraphHopper hopper;
  private final Weighting weighting;
  private final EdgeFilter snapFilter;
  private final Path temporary;
  private final boolean built;

  /**
   * How the graph is built: the smallest piece of network kept for snapping, and whether roads
   * get GraphHopper's urban density (else every road is rural).
   *
   * @param minNetworkSize pieces of fewer edges are left out of snapping, &gt;= 0 (GraphHopper's
   *     default 200)
   * @param urbanDensity true to estimate the density class of each road (slower to build)
   */
  public record Settings(int minNetworkSize, boolean urbanDensity) {

    /** The defaults: pieces of fewer than 200 edges left out, urban density estimated. */
    public static final Settings DEFAULTS = new Settings(200, true);

    /**
     * Checks the values.
     *
     * @param minNetworkSize &gt;= 0
     * @param urbanDensity any
     * @throws IllegalArgumentException on a negative size
     */
    public Settings {
      if (minNetworkSize < 0) {
        throw new IllegalArgumentException("minNetworkSize must be >= 0, given: " + minNetworkSize);
      }
    }
  }

  private RoadNetwork(GraphHopper hopper, Path temporary, boolean built) {
    this.hopper = hopper;
    this.temporary = temporary;
    this.built = built;
    this.weighting = hopper.createWeighting(hopper.getProfile(PROFILE), new PMap());
    this.snapFilter = new DefaultSnapFilter(
        weighting, hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(PROFILE)));
  }

  /**
   * Opens the road graph of an extract: loads it from {@code folder} when it was built there from
   * the same extract with the same settings, builds it there otherwise.
   *
   * @param osm the extract: {@code .osm.pbf}, {@code .pbf}, {@code .osm}, {@code .osm.gz} or
   *     {@code .osm.bz2}, non-null
   * @param folder where the graph is kept between runs, or null for a temporary folder
   * @param settings how to build it, non-null
   * @param threads threads for the urban density, &gt;= 1
   * @return the open network; close it
   * @throws NoSuchFileException when the extract does not exist
   * @throws IOException when a file cannot be read or written
   * @throws InputException when the extract is not a regular file or cannot be read as
   *     OpenStreetMap, has no road open to cars, or the folder holds something else
   */
  public static RoadNetwork open(Path osm, Path folder, Settings settings, int threads)
      throws IOException {
    if (!Files.exists(osm)) {
      throw new NoSuchFileException(osm.toString());
    }
    if (!Files.isRegularFile(osm)) {
      throw new InputException(
          osm.toString(),
          0,
          "is not a regular file (a folder, a pipe or a"
              + " device?): give an OpenStreetMap extract, .osm.pbf or .osm");
    }
    String lower = osm.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!(lower.endsWith(".pbf")
        || lower.endsWith(".osm")
        || lower.endsWith(".osm.gz")
        || lower.endsWith(".osm.bz2"))) {
      throw new InputException(
          osm.toString(),
          0,
          "is not named as an OpenStreetMap extract:"
              + " give a .osm.pbf, .pbf, .osm, .osm.gz or .osm.bz2 file");
    }
    Properties want = stamp(osm, settings);
    if (folder == null) {
      Path tmp = Files.createTempDirectory("apl-graph");
      try {
        return new RoadNetwork(build(osm, tmp, settings, threads), tmp, true);
      } catch (IOException | RuntimeException e) {
        deleteTree(tmp);
        throw e;
      }
    }
    Path stampFile = folder.resolve(STAMP);
    if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && Files.exists(stampFile)) {
      Properties have = new Properties();
      try (InputStream in = Files.newInputStream(stampFile)) {
        have.load(in);
      }
      if (!have.equals(want)) {
        throw new InputException(
            folder.toString(),
            0,
            "holds the graph of "
                + have.getProperty("osm", "another extract") + " (" + have.getProperty("size", "?")
                + " bytes, speeds version " + have.getProperty("speeds", "?")
                + ", min network size "
                + have.getProperty("minNetworkSize", "?") + "), not of " + osm + " ("
                + want.getProperty("size") + " bytes) with these settings: give another graph"
                + " folder, or delete this one to build it again");
      }
      return new RoadNetwork(load(osm, folder, settings), null, false);
    }
    if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        throw new InputException(
            folder.toString(), 0, "is not a folder: give a new or empty" + " folder for the graph");
      }
      try (DirectoryStream<Path> d = Files.newDirectoryStream(folder)) {
        if (d.iterator().hasNext()) {
          throw new InputException(
              folder.toString(),
              0,
              "is not empty and holds no graph of apl" + " (no " + STAMP
                  + "): give a new or empty folder for the graph");
        }
      }
    }
    Path absolute = folder.toAbsolutePath();
    Path part = absolute.resolveSibling(
        absolute.getFileName() + ".part-" + ProcessHandle.current().pid());
    deleteTree(part);
    Files.createDirectories(part);
    try {
      build(osm, part, settings, threads).close();
      try (OutputStream out = Files.newOutputStream(part.resolve(STAMP))) {
        want.store(out, "apl road graph: what it was built from");
      }
      Files.deleteIfExists(folder);
      try {
        Files.move(part, folder, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, folder);
      }
    } catch (IOException | RuntimeException e) {
      deleteTree(part);
      throw e;
    }
    return new RoadNetwork(load(osm, folder, settings), null, true);
  }

  private static Properties stamp(Path osm, Settings settings) throws IOException {
    Properties p = new Properties();
    p.setProperty("osm", osm.toAbsolutePath().normalize().toString());
    p.setProperty("size", Long.toString(Files.size(osm)));
    p.setProperty("modified", Long.toString(Files.getLastModifiedTime(osm).toMillis()));
    p.setProperty("speeds", Integer.toString(MetricSpeeds.VERSION));
    p.setProperty("minNetworkSize", Integer.toString(settings.minNetworkSize()));
    p.setProperty("urbanDensity", Boolean.toString(settings.urbanDensity()));
    return p;
  }

  private static GraphHopper hopper(Path osm, Path folder, Settings settings, int threads) {
    GraphHopper h = new GraphHopper();
    h.setOSMFile(osm.toString());
    h.setGraphHopperLocation(folder.toString());
    h.setEncodedValuesString(MetricSpeeds.ENCODED_VALUES);
    h.setProfiles(new Profile(PROFILE).setCustomModel(MetricSpeeds.customModel()));
    h.setMinNetworkSize(settings.minNetworkSize());
    // Nodes renumbered along a Hilbert curve: neighbours on the ground sit near each other in
    // memory, which the searches' cache behaviour needs on real extracts (OSM ids are not in
    // any spatial order). The graph, and so the times, are the same.
    h.setSortGraph(true);
    if (settings.urbanDensity()) {
      // GraphHopper's suggested radii and sensitivities (config-example.yml).
      h.setUrbanDensityCalculation(400, 6000, 1500, 1000, Math.max(1, threads));
    } else {
      h.setUrbanDensityCalculation(0, 0, 0, 0, 1);
    }
    return h;
  }

  private static GraphHopper build(Path osm, Path folder, Settings settings, int threads)
      throws IOException {
    GraphHopper h = hopper(osm, folder, settings, threads);
    try {
      h.importOrLoad();
    } catch (RuntimeException e) {
      h.close();
      throw new InputException(
          osm.toString(), 0, "cannot be read as OpenStreetMap: " + rootMessage(e));
    }
    if (carEdges(h) == 0) {
      h.close();
      throw new InputException(osm.toString(), 0, "has no road open to cars");
    }
    return h;
  }

  /** Counts the road segments a car may take in at least one direction. */
  private static int carEdges(GraphHopper h) {
    Weighting w = h.createWeighting(h.getProfile(PROFILE), new PMap());
    AllEdgesIterator it = h.getBaseGraph().getAllEdges();
    int n = 0;
    while (it.next()) {
      if (Double.isFinite(w.calcEdgeWeight(it, false))
          || Double.isFinite(w.calcEdgeWeight(it, true))) {
        n++;
      }
    }
    return n;
  }

  private static GraphHopper load(Path osm, Path folder, Settings settings) throws IOException {
    GraphHopper h = hopper(osm, folder, settings, 1);
    h.setAllowWrites(false);
    try {
      if (!h.load()) {
        throw new InputException(
            folder.toString(),
            0,
            "holds no complete graph: delete it to" + " build the graph again");
      }
    } catch (RuntimeException e) {
      h.close();
      if (e instanceof InputException ie) {
        throw ie;
      }
      throw new InputException(
          folder.toString(),
          0,
          "holds a graph that cannot be loaded (" + rootMessage(e)
              + "): delete it to build the graph again");
    }
    return h;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  /** {@return true when this open built the graph, false when it loaded a built one} */
  public boolean built() {
    return built;
  }

  /** {@return the junctions and ends of roads in the graph} */
  public int nodes() {
    return hopper.getBaseGraph().getNodes();
  }

  /** {@return the road segments between junctions in the graph} */
  public int edges() {
    return hopper.getBaseGraph().getEdges();
  }

  /**
   * Snaps a point to the nearest road open to cars (in either direction) of a piece of network
   * kept for snapping.
   *
   * @param lat latitude, WGS84 degrees
   * @param lon longitude, WGS84 degrees
   * @return the snap; {@link Snap#isValid()} is false when no road is near enough for
   *     GraphHopper's index to find one
   */
  Snap snap(double lat, double lon) {
    return hopper.getLocationIndex().findClosest(lat, lon, snapFilter);
  }

  BaseGraph graph() {
    return hopper.getBaseGraph();
  }

  Weighting weighting() {
    return weighting;
  }

  /** Releases the graph, and deletes it when it was built into a temporary folder. */
  @Override
  public void close() {
    hopper.close();
    if (temporary != null) {
      try {
        deleteTree(temporary);
      } catch (IOException e) {
        // A temporary folder left behind: the system's cleaner takes it.
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
