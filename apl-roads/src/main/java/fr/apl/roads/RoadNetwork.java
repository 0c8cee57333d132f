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
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;

/**
 * A car road graph from an OpenStreetMap extract, with the speeds of {@link MetricSpeeds}: built
 * once by GraphHopper into a folder, loaded from it by later runs.
 *
 * <p>The folder holds GraphHopper's files and {@value #STAMP}, which names the extract (its path,
 * size and modification time), the speed table's version, GraphHopper's version and the build
 * settings. A folder built from another extract or with other settings is refused, never
 * overwritten; a folder that is not empty and has no stamp is refused too (it may be anything of
 * the user's). A build goes into a side folder {@code NAME.part-PID}, renamed into place once
 * complete, so the folder never holds half a graph; a failed build deletes its side folder, and
 * one left by a killed process is deleted by the next build beside it. When two runs build the
 * same folder at once, the second takes the first one's graph. Without a folder, the graph is
 * built into a temporary one ({@code apl-graph-PID-…}), deleted on {@link #close()} (or, after a
 * kill, by the next run).
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
   * @param osm the extract: {@code .osm.pbf}, {@code .pbf}, {@code .osm} or {@code .osm.gz},
   *     non-null
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
    if (!(lower.endsWith(".pbf") || lower.endsWith(".osm") || lower.endsWith(".osm.gz"))) {
      throw new InputException(
          osm.toString(),
          0,
          "is not named as an OpenStreetMap extract: give a .osm.pbf, .pbf, .osm or .osm.gz file"
              + " (a .bz2 extract: unpack it first)");
    }
    Properties want = stamp(osm, settings);
    if (folder == null) {
      Path tmpRoot = Path.of(System.getProperty("java.io.tmpdir"));
      removeStaleParts(tmpRoot, TEMPORARY_PREFIX);
      Path tmp = Files.createTempDirectory(
          tmpRoot, TEMPORARY_PREFIX + ProcessHandle.current().pid() + "-");
      return buildOrClean(
          tmp, () -> new RoadNetwork(build(osm, tmp, settings, threads), tmp, true));
    }
    // One spelling of the folder for every check and for its side folder ('.', a link).
    Path dir = folder.toAbsolutePath().normalize();
    if (Files.exists(dir)) {
      dir = dir.toRealPath();
    }
    if (dir.getParent() == null) {
      throw new InputException(
          folder.toString(),
          0,
          "is the root of the file system: give a new or empty folder for the graph");
    }
    Properties have = readStamp(folder, dir);
    if (have != null) {
      return loadStamped(osm, folder, dir, settings, want, have);
    }
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new InputException(
            folder.toString(), 0, "is not a folder: give a new or empty folder for the graph");
      }
      try (DirectoryStream<Path> d = Files.newDirectoryStream(dir)) {
        if (d.iterator().hasNext()) {
          throw new InputException(
              folder.toString(),
              0,
              "is not empty and holds no graph of apl (no " + STAMP
                  + "): give a new or empty folder for the graph");
        }
      }
    }
    String partPrefix = dir.getFileName() + PART;
    removeStaleParts(dir.getParent(), partPrefix);
    Path part = dir.resolveSibling(partPrefix + ProcessHandle.current().pid());
    deleteTree(part);
    Files.createDirectories(part);
    buildOrClean(part, () -> {
      build(osm, part, settings, threads).close();
      try (OutputStream out = Files.newOutputStream(part.resolve(STAMP))) {
        want.store(out, "apl road graph: what it was built from");
      }
      return null;
    });
    try {
      // rename(2) replaces an empty folder and fails on anything else: never a user's file.
      Files.move(part, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      moveOrClean(part, dir);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      // Another run built the same folder meanwhile: take its graph if it is the same one.
      deleteTree(part);
      Properties other = readStamp(folder, dir);
      if (other == null) {
        throw new InputException(
            folder.toString(),
            0,
            "was filled by something else while the graph was built: give a new or empty"
                + " folder for the graph");
      }
      return loadStamped(osm, folder, dir, settings, want, other);
    } catch (IOException e) {
      deleteTree(part);
      throw e;
    }
    return new RoadNetwork(load(osm, dir, settings), null, true);
  }

  /** The prefix of the temporary graph folders, followed by the process id. */
  private static final String TEMPORARY_PREFIX = "apl-graph-";

  /** Between a graph folder's name and the id of the process that builds it beside it. */
  private static final String PART = ".part-";

  /** Work that builds into a folder. */
  private interface Build<T> {
    T run() throws IOException;
  }

  /** Runs a build; its folder is deleted if it fails in any way, out of memory included. */
  private static <T> T buildOrClean(Path folder, Build<T> work) throws IOException {
    boolean done = false;
    try {
      T t = work.run();
      done = true;
      return t;
    } finally {
      if (!done) {
        deleteTree(folder);
      }
    }
  }

  private static void moveOrClean(Path part, Path target) throws IOException {
    try {
      Files.move(part, target);
    } catch (IOException e) {
      deleteTree(part);
      throw e;
    }
  }

  /**
   * Deletes the folders {@code prefix + PID} (or {@code prefix + PID + "-…"}) in {@code parent}
   * whose process has ended: what a killed build left behind. A folder of a live process, or
   * whose name does not go on with a process id, is left alone.
   */
  private static void removeStaleParts(Path parent, String prefix) {
    try (DirectoryStream<Path> d = Files.newDirectoryStream(parent)) {
      for (Path p : d) {
        String name = p.getFileName().toString();
        if (!name.startsWith(prefix)) {
          continue;
        }
        String rest = name.substring(prefix.length());
        int end = rest.indexOf('-');
        String digits = end < 0 ? rest : rest.substring(0, end);
        if (digits.isEmpty()
            || digits.length() > 18
            || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
          continue;
        }
        long pid = Long.parseLong(digits);
        if (pid != ProcessHandle.current().pid()
            && ProcessHandle.of(pid).isEmpty()
            && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Cleaning up after another run is a courtesy: what cannot be listed or deleted stays.
    }
  }

  /** Reads the stamp of a graph folder, or returns null when there is none. */
  private static Properties readStamp(Path folder, Path dir) throws IOException {
    Path stampFile = dir.resolve(STAMP);
    if (!Files.isDirectory(dir) || !Files.exists(stampFile, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    if (!Files.isRegularFile(stampFile, LinkOption.NOFOLLOW_LINKS)) {
      throw new InputException(
          stampFile.toString(),
          0,
          "is not a file: " + folder + " is no graph of apl; delete it to build the graph again");
    }
    Properties have = new Properties();
    try (InputStream in = Files.newInputStream(stampFile)) {
      have.load(in);
    } catch (IllegalArgumentException e) {
      throw new InputException(
          stampFile.toString(),
          0,
          "is damaged (" + e.getMessage() + "): delete " + folder + " to build the graph again");
    }
    return have;
  }

  private static RoadNetwork loadStamped(
      Path osm, Path folder, Path dir, Settings settings, Properties want, Properties have)
      throws IOException {
    if (!have.equals(want)) {
      throw new InputException(
          folder.toString(),
          0,
          "holds the graph of " + have.getProperty("osm", "another extract") + ", not of "
              + want.getProperty("osm") + " as it is now (" + differences(have, want)
              + "): give another graph folder, or delete this one to build it again");
    }
    return new RoadNetwork(load(osm, dir, settings), null, false);
  }

  /** Names what differs between two stamps: {@code size 10 then 12, …}. */
  private static String differences(Properties have, Properties want) {
    TreeSet<String> keys = new TreeSet<>(want.stringPropertyNames());
    keys.addAll(have.stringPropertyNames());
    StringBuilder b = new StringBuilder();
    for (String k : keys) {
      String h = have.getProperty(k);
      String w = want.getProperty(k);
      if (!Objects.equals(h, w) && !k.equals("osm")) {
        b.append(b.length() == 0 ? "" : ", ")
            .append(k)
            .append(' ')
            .append(h)
            .append(" then ")
            .append(w);
      }
    }
    return b.length() == 0 ? "another extract" : b.toString();
  }

  private static Properties stamp(Path osm, Settings settings) throws IOException {
    Properties p = new Properties();
    p.setProperty("osm", osm.toAbsolutePath().normalize().toString());
    p.setProperty("size", Long.toString(Files.size(osm)));
    p.setProperty("modified", Long.toString(Files.getLastModifiedTime(osm).toMillis()));
    p.setProperty("speeds", Integer.toString(MetricSpeeds.VERSION));
    p.setProperty("minNetworkSize", Integer.toString(settings.minNetworkSize()));
    p.setProperty("urbanDensity", Boolean.toString(settings.urbanDensity()));
    // Another GraphHopper may not read this one's files: an upgrade asks for a new build.
    p.setProperty("graphhopper", com.graphhopper.util.Constants.VERSION);
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
      for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
        if (t instanceof IOException io && !(t instanceof java.io.CharConversionException)) {
          // A full disk, a folder that cannot be written: not the extract's fault.
          throw new IOException("building the road graph of " + osm + ": " + rootMessage(io), io);
        }
      }
      InputException ie = new InputException(
          osm.toString(), 0, "cannot be read as OpenStreetMap: " + rootMessage(e));
      ie.initCause(e);
      throw ie;
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
