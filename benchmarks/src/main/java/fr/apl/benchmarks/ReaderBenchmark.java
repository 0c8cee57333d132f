package fr.apl.benchmarks;

import fr.apl.io.csv.ReadContext;
import fr.apl.io.csv.TimesCsv;
import fr.apl.matrix.TravelTimeMatrix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures {@link TimesCsv#read(String, InputStream, ReadContext)} on the synthetic France times
 * table
 * held in memory (about 48 MB of {@code origin,destination,minutes}, 2.8 million rows), plain and
 * gzipped, parsed on {@code threads} threads (gunzip runs on one more). The time includes the matrix build that ends every read ({@link MatrixBenchmark}
 * measures it alone), and no disk: the file system cache is not what is measured.
 *
 * <p>Throughput in MB/s is {@code csvBytes / 1e6 / (score ms / 1000)}, with the byte counts the
 * setup prints; for the gzip variant, of the uncompressed text. {@link #gunzipOnly} drains the
 * same gzip stream without parsing: the floor the gzip reader can reach.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ReaderBenchmark {

  @Param({"1", "2"})
  int threads;

  private byte[] csv;
  private byte[] gzip;
  private final byte[] drain = new byte[1 << 16];

  /** Renders and gzips the table once, and checks that reading it gives the generated matrix. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    SyntheticFrance world = SyntheticFrance.standard();
    csv = world.timesCsv();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(csv.length / 3);
    try (GZIPOutputStream out = new GZIPOutputStream(bytes, 1 << 16)) {
      out.write(csv);
    }
    gzip = bytes.toByteArray();
    TravelTimeMatrix expected = world.matrix();
    for (TravelTimeMatrix read : new TravelTimeMatrix[] {readCsv(), readGzip()}) {
      if (!Arrays.equals(read.codes(), expected.codes())
          || !Arrays.equals(read.rowStart(), expected.rowStart())
          || !Arrays.equals(read.destinations(), expected.destinations())
          || !Arrays.equals(read.minutes(), expected.minutes())) {
        throw new IllegalStateException("the CSV read back differs from the generated pairs");
      }
    }
    System.out.println("# " + world.summary());
    System.out.printf(
        Locale.ROOT, "# times CSV: %d bytes, gzipped: %d bytes%n", csv.length, gzip.length);
  }

  /** Reads the plain CSV. */
  @Benchmark
  public TravelTimeMatrix readCsv() throws IOException {
    return TimesCsv.read(
        "times.csv", new ByteArrayInputStream(csv), ReadContext.defaults().withThreads(threads));
  }

  /** Reads the gzipped CSV (gunzip included). */
  @Benchmark
  public TravelTimeMatrix readGzip() throws IOException {
    return TimesCsv.read(
        "times.csv.gz",
        new ByteArrayInputStream(gzip),
        ReadContext.defaults().withThreads(threads));
  }

  /** Gunzips the same bytes with the reader's buffer sizes and parses nothing: the baseline. */
  @Benchmark
  public long gunzipOnly() throws IOException {
    long total = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), 1 << 16)) {
      int r;
      while ((r = in.read(drain, 0, drain.length)) > 0) {
        total += r;
      }
    }
    return total;
  }
}
