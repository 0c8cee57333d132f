package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a hostile or unlucky user feeds in: each gets exit 65 (bad data) with the file (and line)
 * named, never exit 1 or a stack trace, and no output file is left.
 */
class HostileInputsTest {

  @TempDir
  Path dir;

  private static final String TIMES = BrokenInputsTest.TIMES;
  private static final String POPULATION = BrokenInputsTest.POPULATION;
  private static final String SUPPLY = BrokenInputsTest.SUPPLY;

  /** Writes the good world, then replaces one file with {@code bytes}; returns compute's args. */
  private String[] world(String role, byte[] bytes) throws IOException {
    Files.writeString(dir.resolve("times.csv"), TIMES, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("population.csv"), POPULATION, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("supply.csv"), SUPPLY, StandardCharsets.UTF_8);
    if (role != null) {
      Files.write(dir.resolve(role + ".csv"), bytes);
    }
    return new String[] {
      "compute",
      "--times",
      dir.resolve("times.csv").toString(),
      "--population",
      dir.resolve("population.csv").toString(),
      "--supply",
      dir.resolve("supply.csv").toString(),
      "--output",
      dir.resolve("apl.csv").toString()
    };
  }

  /** Runs compute; checks exit 65, the fragment, and that no output or temporary file is left. */
  private void refused(String[] args, String fragment) throws IOException {
    Cli.Run run = Cli.run(args);
    String err = run.err().replace(dir + "/", "");
    assertEquals(65, run.exit(), err);
    assertTrue(err.contains(fragment), err);
    assertFalse(err.contains("Exception"), err);
    assertFalse(Files.exists(dir.resolve("apl.csv")), "no output");
    try (var files = Files.list(dir)) {
      assertTrue(
          files.noneMatch(p -> p.getFileName().toString().startsWith(".apl")), "no temporary file");
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
      z.write(data);
    }
    return b.toByteArray();
  }

  @Test
  void timesFromDevZeroStopAtTheLineBound() throws IOException {
    String[] args = world(null, null);
    args[2] = "/dev/zero";
    Cli.Run run = Cli.run(args);
    assertEquals(65, run.exit(), run.err());
    assertTrue(
        run.err().contains("/dev/zero:1: error: the line is longer than 1048576 bytes"), run.err());
  }

  /** 64 MB of zero bytes, gzipped to some 60 KB: the reader stops at the bound, not at 4 GB. */
  @Test
  void aGzipBombOfZerosStopsAtTheLineBound() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
      byte[] zeros = new byte[1 << 20];
      for (int k = 0; k < 64; k++) {
        z.write(zeros);
      }
    }
    refused(world("times", b.toByteArray()), "times.csv:1: error: the line is longer than");
    refused(
        world("population", b.toByteArray()), "population.csv:1: error: the line is longer than");
  }

  @Test
  void aShorterLineBoundIsSettable() throws IOException {
    String[] args = world(
        "population",
        ("commune,population\n01001," + "1".repeat(3000) + "\n").getBytes(StandardCharsets.UTF_8));
    String[] more = new String[args.length + 2];
    System.arraycopy(args, 0, more, 0, args.length);
    more[args.length] = "--max-line-bytes";
    more[args.length + 1] = "2048";
    refused(more, "population.csv:2: error: the line is longer than 2048 bytes");
  }

  @Test
  void aCutGzipIsBadData() throws IOException {
    byte[] gz = gzip(TIMES.repeat(200).getBytes(StandardCharsets.UTF_8));
    byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
    refused(world("times", cut), "times.csv: error: the gzip file is cut short after");
    byte[] pop = gzip(POPULATION.getBytes(StandardCharsets.UTF_8));
    refused(
        world("population", java.util.Arrays.copyOf(pop, pop.length - 6)),
        "population.csv: error: the gzip file is cut short");
  }

  @Test
  void aGzipWithABadChecksumIsBadData() throws IOException {
    byte[] gz = gzip(TIMES.getBytes(StandardCharsets.UTF_8));
    gz[gz.length - 8] ^= 0x55; // the CRC-32 of the trailer
    refused(world("times", gz), "times.csv: error: the gzip data is damaged");
  }

  @Test
  void utf16IsNamed() throws IOException {
    byte[] utf16 = ("\uFEFF" + POPULATION).getBytes(StandardCharsets.UTF_16LE);
    refused(world("population", utf16), "population.csv: error: the file is UTF-16 text");
    refused(
        world("times", TIMES.getBytes(StandardCharsets.UTF_16BE)),
        "times.csv: error: the file is UTF-16 text");
  }

  @Test
  void absurdMagnitudesAreErrors() throws IOException {
    refused(
        world(
            "population",
            "commune,population\n01001,1e308\n01002,200\n01004,300\n"
                .getBytes(StandardCharsets.UTF_8)),
        "population.csv:2: error: population of 01001 is" + " above 1e9");
    refused(
        world(
            "supply",
            "commune,consultations\n01001,1e308\n01004,600\n".getBytes(StandardCharsets.UTF_8)),
        "supply.csv:2: error: consultations of 01001 is" + " above 1e8");
  }

  @Test
  void aDoctorWithAbsurdActsIsAnError() throws IOException {
    String[] args = world(null, null);
    Path doctors = Files.writeString(
        dir.resolve("doctors.csv"),
        "doctor_id,commune,acts,age,mode,new_installation\nd1,01001,1e300,50,centre_sante,0\n");
    args[5] = "--doctors";
    args[6] = doctors.toString();
    refused(args, "doctors.csv:2: error: acts of doctor d1 is above 1e8");
  }

  @Test
  void absurdAgeWeightsAreAnError() throws IOException {
    StringBuilder w = new StringBuilder("band,weight\n");
    for (int a = 0; a < 19; a++) {
      w.append(a).append(",1e308\n");
    }
    Path weights = Files.writeString(dir.resolve("w.csv"), w.toString());
    StringBuilder bands = new StringBuilder("commune");
    for (int a = 0; a < 18; a++) {
      bands.append(",p_").append(5 * a).append('_').append(5 * a + 4);
    }
    bands.append(",p_90p\n");
    for (String c : new String[] {"01001", "01002", "01004"}) {
      bands.append(c).append(",1".repeat(19)).append('\n');
    }
    String[] args = world("population", bands.toString().getBytes(StandardCharsets.UTF_8));
    String[] more = java.util.Arrays.copyOf(args, args.length + 2);
    more[args.length] = "--age-weights";
    more[args.length + 1] = weights.toString();
    refused(more, "w.csv:2: error: weight of band 0 is above 1e3");
  }

  /** A population of 1e-320 makes supply / demand overflow: an error, not Infinity in a file. */
  @Test
  void anOverflowingResultIsAnError() throws IOException {
    refused(
        world(
            "population",
            "commune,population\n01001,1e-320\n01002,1e-320\n01004,1e-320\n"
                .getBytes(StandardCharsets.UTF_8)),
        "communes have an APL that is not finite");
  }

  @Test
  void aPopulationOfZeroIsAnError() throws IOException {
    refused(
        world(
            "population",
            "commune,population\n01001,0\n01002,0\n01004,0\n".getBytes(StandardCharsets.UTF_8)),
        "population.csv: error: the population totals 0:" + " every APL would be 0");
  }

  @Test
  void aSelfPairBeyondReachIsAWarning() throws IOException {
    String[] args = world(
        "times", TIMES.replace("01001,01001,0", "01001,01001,30").getBytes(StandardCharsets.UTF_8));
    Cli.Run run = Cli.run(args);
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        run.err()
            .contains("warning: 1 commune is beyond the decay's reach from itself"
                + " (the first at 30 minutes)"),
        run.err());
  }

  @Test
  void hugeThreadCountsAreUsageErrors() throws IOException {
    String[] args = world(null, null);
    String[] more = java.util.Arrays.copyOf(args, args.length + 2);
    more[args.length] = "--threads";
    more[args.length + 1] = "2147483647";
    Cli.Run run = Cli.run(more);
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("--threads"), run.err());
  }

  /**
   * Memory exhaustion is a message, not a trace: two pairs alternating over 8 million rows (about
   * 130 MB of records) in a 48 MB heap. Exit 74, the heap and the input named, and how to give
   * more.
   */
  @Test
  void runningOutOfMemoryIsAMessage() throws Exception {
    Path times = dir.resolve("alternating.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(times), 1 << 16)) {
      out.write("origin,destination,minutes\n".getBytes(StandardCharsets.UTF_8));
      byte[] two = "01001,01002,5\n01002,01001,5\n".getBytes(StandardCharsets.UTF_8);
      byte[] chunk = new byte[two.length * 4096];
      for (int k = 0; k < 4096; k++) {
        System.arraycopy(two, 0, chunk, k * two.length, two.length);
      }
      for (int k = 0; k < 1000; k++) {
        out.write(chunk);
      }
    }
    String[] args = world(null, null);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(
        List.of(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"), "fr.apl.cli.Main"));
    cmd.addAll(List.of(args));
    cmd.set(cmd.indexOf("--times") + 1, times.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "compute did not finish");
    assertEquals(74, p.exitValue(), output);
    assertTrue(output.contains("apl: out of memory: this JVM may use"), output);
    assertTrue(output.contains("APL_JAVA_OPTS=-Xmx"), output);
    assertTrue(output.contains(times.toString()), output);
    assertFalse(output.contains("at fr.apl") || output.contains("Exception in thread"), output);
    assertFalse(Files.exists(dir.resolve("apl.csv")), "no output");
  }

  /**
   * Scenarios whose results would not fit are refused before computing, with the memory they
   * need: 12 000 scenarios on the 1 010 communes of Haute-Loire (97 MB of results) in a 64 MB heap.
   */
  @Test
  void tooManyScenariosForTheHeapAreRefusedWithTheMemoryNeeded() throws Exception {
    Path folder = Cli.samples().resolve("haute-loire-43");
    StringBuilder sc = new StringBuilder("scenario,commune,delta\n");
    for (int k = 0; k < 12_000; k++) {
      sc.append("s").append(k).append(",43157,-").append(k % 100).append('\n');
    }
    Path scenarios = Files.writeString(dir.resolve("many.csv"), sc.toString());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path out = dir.resolve("apl.csv");
    Process p = new ProcessBuilder(
            java,
            "-Xmx64m",
            "-cp",
            System.getProperty("java.class.path"),
            "fr.apl.cli.Main",
            "compute",
            "--times",
            folder.resolve("times.csv").toString(),
            "--population",
            folder.resolve("population.csv").toString(),
            "--supply",
            folder.resolve("supply.csv").toString(),
            "--scenarios",
            scenarios.toString(),
            "--output",
            out.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "compute did not finish");
    assertEquals(74, p.exitValue(), output);
    assertTrue(output.contains("12002 variants on 1010 communes need about"), output);
    assertTrue(output.contains("split the scenarios"), output);
    assertFalse(Files.exists(out), "no output");
  }

  /** The zoning readers keep the same line bound: /dev/zero as the APL table is bad data. */
  @Test
  void zoningFromDevZeroStopsAtTheLineBound() throws IOException {
    Path territories = Files.writeString(dir.resolve("t.csv"), "commune,territory\n01001,T1\n");
    Cli.Run run = Cli.run(
        "zoning",
        "--apl",
        "/dev/zero",
        "--territories",
        territories.toString(),
        "--output",
        dir.resolve("z.csv").toString());
    assertEquals(65, run.exit(), run.err());
    assertTrue(run.err().contains("/dev/zero:1: the line is longer than 1048576 bytes"), run.err());
    assertFalse(Files.exists(dir.resolve("z.csv")), "no output");
  }
}
