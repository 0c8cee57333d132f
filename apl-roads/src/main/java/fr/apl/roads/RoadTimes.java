package fr.apl.roads;

import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import fr.apl.io.TravelTimeSource;
import fr.apl.io.csv.ReadContext;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.problem.Check;
import fr.apl.problem.Problems;
import fr.apl.routing.PairTable;
import fr.apl.routing.PointPairsBuilder;
import fr.apl.routing.Points;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Computes car travel times between points on a {@link RoadNetwork}: each point snapped to the
 * nearest road, then one search per origin over the road graph, bounded by the maximum minutes.
 *
 * <p>A point is snapped onto the nearest road segment (not only its ends): the search starts and
 * ends at that spot of the road, and the way from the point to the road is not timed (its
 * length is reported as the point's snap distance). A point farther from any road than {@link
 * Builder#maxSnapMetres} is not routed and is reported ({@link Check#FAR_FROM_ROAD}); so is a
 * point with no road near it at all. A routed origin that reaches no other point within the
 * bound is reported too ({@link Check#UNREACHED_POINT}): an island without a car ferry, a road
 * network cut at the extract's edge. Without separate destinations every origin keeps its self
 * pair at 0 minutes, routed or not.
 *
 * <p>Times are those of GraphHopper's weighting of each road segment in milliseconds (rounded
 * per segment, at most half a millisecond each), summed along the fastest path in integers, so
 * that the sum does not depend on the order of the search; minutes are the milliseconds divided
 * by 60 000. Pairs are kept when their minutes are at most the maximum (inclusive), as {@link
 * fr.apl.routing.CrowFly} does. One-way roads are followed: the times of a pair and of its
 * reverse may differ.
 *
 * <p>The searches run on plain arrays (the road graph with the snapped points, in compressed
 * rows) on up to {@code threads} threads, one origin at a time; the matrix does not depend on
 * the thread count. Memory beyond the road network's own: 8 bytes per directed road segment and
 * 4 per node for the arrays, then 8 bytes per node for each thread's search state (30 million
 * nodes on 8 threads: some 2 GB), and 16 bytes per pair kept. Each search costs O(m log m) for
 * the m segments within the bound. Immutable and thread-safe.
 */
public final class RoadTimes implements TravelTimeSource {

  /** The default bound on the minutes of a pair kept (inclusive). */
  public static final double DEFAULT_MAX_MINUTES = PointPairsBuilder.DEFAULT_MAX_MINUTES;

  /** The default greatest distance from a point to its road, in metres. */
  public static final double DEFAULT_MAX_SNAP_METRES = 1000.0;

  /** Hears how many origins have been searched; called from the searching threads. */
  @FunctionalInterface
  public interface Progress {
    /** A listener that ignores everything. */
    Progress NONE = (done, total) -> {};

    /**
     * Reports progress, at most about a hundred times per computation.
     *
     * @param done origins searched so far
     * @param total origins to search
     */
    void progress(int done, int total);
  }

  /**
   * What a computation gives: the matrix, and each point's distance to its road.
   *
   * @param matrix the times, over the origins then the destinations not among them
   * @param originSnapMetres per origin, metres to its road; NaN when no road was found
   * @param destinationSnapMetres per destination (the origins' array when there are none
   *     separate)
   * @param routedOrigins origins snapped within the allowed distance
   * @param settledNodes road nodes the searches settled, summed over the origins (the work done)
   */
  public record Result(
      TravelTimeMatrix matrix,
      double[] originSnapMetres,
      double[] destinationSnapMetres,
      int routedOrigins,
      long settledNodes) {}

  private final RoadNetwork network;
  private final Points origins;
  private final Points destinations;
  private final double maxMinutes;
  private final double maxSnapMetres;
  private final String name;
  private final Progress progress;

  private RoadTimes(Builder b) {
    this.network = b.network;
    this.origins = b.origins();
    this.destinations = b.destinations();
    this.maxMinutes = b.maxMinutes();
    this.maxSnapMetres = b.maxSnapMetres;
    this.name = b.name();
    this.progress = b.progress;
  }

  /**
   * Returns a builder of road times between origins on a network.
   *
   * @param network the road graph, open, non-null; it must stay open while this source is used
   * @param origins the origins (and destinations when none are given), non-null
   * @return a new builder, not thread-safe
   * @throws IllegalArgumentException on a null argument
   */
  public static Builder builder(RoadNetwork network, Points origins) {
    if (network == null || origins == null) {
      throw new IllegalArgumentException("network and origins must not be null");
    }
    return new Builder(network, origins);
  }

  /** Builds a {@link RoadTimes}; each setter checks its value at once. */
  public static final class Builder extends PointPairsBuilder<Builder> {
    private final RoadNetwork network;
    private double maxSnapMetres = DEFAULT_MAX_SNAP_METRES;
    private Progress progress = Progress.NONE;

    private Builder(RoadNetwork network, Points origins) {
      super(origins, "roads");
      this.network = network;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets the greatest distance from a point to its road; a point farther is not routed.
     *
     * @param value metres, in [0, 100000]
     * @return this builder
     * @throws IllegalArgumentException otherwise
     */
    public Builder maxSnapMetres(double value) {
      if (!(value >= 0 && value <= 100_000)) {
        throw new IllegalArgumentException(
            "maximum snap distance must be in [0, 100000] metres, given: " + value);
      }
      this.maxSnapMetres = value;
      return this;
    }

    /**
     * Sets the listener of progress.
     *
     * @param value non-null, thread-safe
     * @return this builder
     * @throws IllegalArgumentException when value is null
     */
    public Builder progress(Progress value) {
      if (value == null) {
        throw new IllegalArgumentException("progress must not be null");
      }
      this.progress = value;
      return this;
    }

    /** {@return the source} */
    public RoadTimes build() {
      return new RoadTimes(this);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** {@return the inclusive bound on the minutes of a pair kept} */
  public double maxMinutes() {
    return maxMinutes;
  }

  /** {@return the greatest distance from a point to its road, in metres} */
  public double maxSnapMetres() {
    return maxSnapMetres;
  }

  @Override
  public TravelTimeMatrix read(ReadContext ctx) {
    return compute(ctx.threads(), ctx.problems()).matrix();
  }

  /**
   * Computes the times.
   *
   * @param threads threads to use, &gt;= 1; the result does not depend on it
   * @param problems where the points not routed and not reaching any other are reported, as
   *     warnings of {@link #name()}, non-null
   * @return the matrix and the snap distances
   * @throws IllegalArgumentException when threads is below 1, or the pairs exceed what a matrix
   *     holds (about 2 billion: lower the maximum minutes)
   */
  public Result compute(int threads, Problems problems) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, given: " + threads);
    }
    Points dest = destinations == null ? origins : destinations;
    PairTable table = PairTable.of(origins, destinations);
    int no = origins.size();
    int nd = dest.size();
    // Snap every point once; a point farther than allowed takes no part.
    List<Snap> snaps = new ArrayList<>();
    Snap[] originSnap = new Snap[no];
    Snap[] destSnap = new Snap[nd];
    double[] originMetres = snapAll(origins, originSnap, snaps, problems, "point");
    double[] destMetres = destinations == null
        ? originMetres
        : snapAll(destinations, destSnap, snaps, problems, "destination");
    if (destinations == null) {
      destSnap = originSnap;
    }
    RoadGraph graph = snaps.isEmpty()
        ? null
        : RoadGraph.of(QueryGraph.create(network.graph(), snaps), network.weighting());
    int[] originNode = nodes(originSnap);
    int[] destNode = nodes(destSnap);
    int[] destAt = graph == null ? new int[1] : new int[graph.nodes + 1];
    int[] destList = new int[nd];
    if (graph != null) {
      for (int j = 0; j < nd; j++) {
        if (destNode[j] >= 0) {
          destAt[destNode[j] + 1]++;
        }
      }
      for (int v = 0; v < graph.nodes; v++) {
        destAt[v + 1] += destAt[v];
      }
      int[] fill = Arrays.copyOf(destAt, graph.nodes);
      for (int j = 0; j < nd; j++) {
        if (destNode[j] >= 0) {
          destList[fill[destNode[j]]++] = j;
        }
      }
    }
    // The largest whole millisecond whose minutes (ms / 60 000, as a pair's time is written) are
    // within the bound: the bound stays inclusive whatever the rounding of maxMinutes * 60 000.
    long lim = (long) Math.floor(maxMinutes * 60_000.0);
    while ((lim + 1) / 60_000.0 <= maxMinutes) {
      lim++;
    }
    while (lim > 0 && lim / 60_000.0 > maxMinutes) {
      lim--;
    }
    long limitMs = lim;
    // Blocks of origins small enough that every thread gets several, at most 64.
    int block = Math.max(1, Math.min(64, no / (4 * threads)));
    int blocks = (no + block - 1) / block;
    PairTable.Block[] done = new PairTable.Block[blocks];
    boolean[] reachesOther = new boolean[no];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger searched = new AtomicInteger();
    AtomicLong settled = new AtomicLong();
    int step = Math.max(1, no / 100);
    Runnable work = () -> {
      Search s = graph == null ? null : new Search(graph);
      for (int b; (b = next.getAndIncrement()) < blocks; ) {
        PairTable.Block out = new PairTable.Block();
        for (int i = b * block, end = Math.min(no, i + block); i < end; i++) {
          if (originNode[i] < 0) {
            if (destinations == null) {
              out.add(i, i, 0.0);
            }
          } else {
            reachesOther[i] = s.run(
                originNode[i], limitMs, destAt, destList, i, table, destinations == null, out);
          }
          int k = searched.incrementAndGet();
          if (k % step == 0 || k == no) {
            synchronized (progress) {
              progress.progress(k, no);
            }
          }
        }
        done[b] = out;
      }
      if (s != null) {
        settled.addAndGet(s.settled);
      }
    };
    PairTable.run(Math.min(threads, Math.max(1, blocks)), "apl-roads", work);
    int routedDestinations = 0;
    for (int j = 0; j < nd; j++) {
      routedDestinations += destNode[j] >= 0 ? 1 : 0;
    }
    // Nothing to reach (a single point, or every destination off the roads): no warning each.
    boolean somethingToReach = routedDestinations > (destinations == null ? 1 : 0);
    int routed = 0;
    for (int i = 0; i < no; i++) {
      if (originNode[i] >= 0) {
        routed++;
        if (somethingToReach && !reachesOther[i]) {
          problems.add(
              Check.UNREACHED_POINT,
              name,
              0,
              origins.code(i),
              "point " + origins.code(i) + " reaches no other "
                  + (destinations == null ? "point" : "destination") + " by road within "
                  + Problems.number(maxMinutes) + " minutes",
              "an island without a car ferry, or roads cut at the extract's edge?");
        }
      }
    }
    return new Result(table.matrix(done, threads), originMetres, destMetres, routed, settled.get());
  }

  private double[] snapAll(
      Points points, Snap[] out, List<Snap> snaps, Problems problems, String what) {
    double[] metres = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      Snap s = network.snap(points.latitude(i), points.longitude(i));
      if (!s.isValid()) {
        metres[i] = Double.NaN;
        problems.add(
            Check.FAR_FROM_ROAD,
            name,
            0,
            points.code(i),
            what + " " + points.code(i) + " (" + coordinates(points, i)
                + ") has no road open to cars near it: not routed",
            "is it outside the extract?");
        continue;
      }
      metres[i] = s.getQueryDistance();
      if (metres[i] > maxSnapMetres) {
        problems.add(
            Check.FAR_FROM_ROAD,
            name,
            0,
            points.code(i),
            what + " " + points.code(i) + " (" + coordinates(points, i) + ") is "
                + Math.round(metres[i]) + " m from the nearest road, more than the "
                + Problems.number(maxSnapMetres) + " m allowed: not routed",
            "check its coordinates, or allow a longer snap distance");
        continue;
      }
      out[i] = s;
      snaps.add(s);
    }
    return metres;
  }

  private static String coordinates(Points p, int i) {
    return String.format(Locale.ROOT, "%.5f, %.5f", p.latitude(i), p.longitude(i));
  }

  /** The node of each snap once the query graph is built, or -1 for a point not routed. */
  private static int[] nodes(Snap[] snaps) {
    int[] n = new int[snaps.length];
    for (int i = 0; i < snaps.length; i++) {
      n[i] = snaps[i] == null ? -1 : snaps[i].getClosestNode();
    }
    return n;
  }

  /** The road graph with the snapped points, as compressed rows of milliseconds. */
  static final class RoadGraph {
    final int nodes;
    final int[] start;
    final int[] target;
    final int[] millis;

    private RoadGraph(int nodes, int[] start, int[] target, int[] millis) {
      this.nodes = nodes;
      this.start = start;
      this.target = target;
      this.millis = millis;
    }

    /** Reads every road segment the weighting lets a car take, in each direction. */
    static RoadGraph of(QueryGraph g, Weighting base) {
      Weighting w = g.wrapWeighting(base);
      int n = g.getNodes();
      EdgeExplorer ex = g.createEdgeExplorer();
      int[] start = new int[n + 1];
      for (int u = 0; u < n; u++) {
        EdgeIterator it = ex.setBaseNode(u);
        int c = 0;
        while (it.next()) {
          if (Double.isFinite(w.calcEdgeWeight(it, false))) {
            c++;
          }
        }
        start[u + 1] = start[u] + c;
      }
      int[] target = new int[start[n]];
      int[] millis = new int[start[n]];
      for (int u = 0; u < n; u++) {
        EdgeIterator it = ex.setBaseNode(u);
        int k = start[u];
        while (it.next()) {
          if (Double.isFinite(w.calcEdgeWeight(it, false))) {
            target[k] = it.getAdjNode();
            millis[k] = (int) Math.min(Integer.MAX_VALUE, w.calcEdgeMillis(it, false));
            k++;
          }
        }
      }
      return new RoadGraph(n, start, target, millis);
    }
  }

  /** One thread's search state: tentative times, a binary heap of (time, node), reset lazily. */
  static final class Search {
    private final RoadGraph g;
    private final int[] time;
    private final int[] seen;
    private int round;
    long settled;
    private long[] heap = new long[1024];
    private int size;

    Search(RoadGraph g) {
      this.g = g;
      this.time = new int[g.nodes];
      this.seen = new int[g.nodes];
    }

    /**
     * Searches from one node up to {@code limitMs}, adding a pair per destination reached.
     *
     * @return true when a destination other than the origin's own point was reached
     */
    boolean run(
        int from,
        long limitMs,
        int[] destAt,
        int[] destList,
        int origin,
        PairTable table,
        boolean selfIsDestination,
        PairTable.Block out) {
      round++;
      size = 0;
      boolean other = false;
      set(from, 0);
      push(0, from);
      while (size > 0) {
        long top = pop();
        int u = (int) top;
        long t = top >>> 32;
        if (t > time[u]) {
          continue;
        }
        settled++;
        for (int k = destAt[u]; k < destAt[u + 1]; k++) {
          int j = destList[k];
          out.add(origin, table.destinationCode(j), t / 60_000.0);
          if (!(selfIsDestination && j == origin)) {
            other = true;
          }
        }
        for (int e = g.start[u]; e < g.start[u + 1]; e++) {
          long nt = t + g.millis[e];
          int v = g.target[e];
          if (nt <= limitMs && (seen[v] != round || nt < time[v])) {
            set(v, nt);
            push(nt, v);
          }
        }
      }
      return other;
    }

    private void set(int v, long t) {
      seen[v] = round;
      time[v] = (int) t;
    }

    private void push(long t, int v) {
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, size * 2);
      }
      long key = (t << 32) | (v & 0xffffffffL);
      int i = size++;
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (heap[p] <= key) {
          break;
        }
        heap[i] = heap[p];
        i = p;
      }
      heap[i] = key;
    }

    private long pop() {
      long top = heap[0];
      long last = heap[--size];
      int i = 0;
      int half = size >>> 1;
      while (i < half) {
        int c = 2 * i + 1;
        if (c + 1 < size && heap[c + 1] < heap[c]) {
          c++;
        }
        if (last <= heap[c]) {
          break;
        }
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = last;
      return top;
    }
  }
}
