package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analysts' files: French dialect and Windows-1252, other column names, two commune geographies
 * joined by the code history, a huge file with one bad line at the end, outputs that are never
 * partial or overwritten by accident.
 */
class RealWorldInputsTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private Path write(String name, String text, Charset charset) throws IOException {
    return Files.write(dir.resolve(name), text.getBytes(charset));
  }

  private String[] world(String times, String population, String supply, String... more) {
    String[] base = {
      "--times",
      dir.resolve(times).toString(),
      "--population",
      dir.resolve(population).toString(),
      "--supply",
      dir.resolve(supply).toString()
    };
    return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
  }

  private static String[] cmd(String command, String... args) {
    return Stream.concat(Stream.of(command), Stream.of(args)).toArray(String[]::new);
  }

  private static String[] plus(String[] args, String... more) {
    return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
  }

  @Test
  void windows1252FrenchDialectGzipAndCrlfGiveTheSameApl() throws IOException {
    write("times.csv", BrokenInputsTest.TIMES);
    write("population.csv", "commune,population\n01001,100\n01002,200\n01004,300\n");
    write("supply.csv", "commune,consultations\n01001,1000\n01004,600\n");
    Cli.Run reference = Cli.run(cmd("compute", world("times.csv", "population.csv", "supply.csv")));
    assertEquals(0, reference.exit(), reference.err());

    // What Excel writes on a French Windows machine: ';', decimal comma, names with accents in
    // Windows-1252, CRLF; the times gzipped with a UTF-8 BOM and quoted fields.
    write(
        "population-fr.csv",
        "commune;libellé;population\r\n01001;L'Abergement-Clémenciat;"
            + "100,0\r\n01002;\"L'Abergement-de-Varey\";200\r\n01004;Ambérieu-en-Bugey;300\r\n",
        Charset.forName("windows-1252"));
    write("supply-fr.csv", "commune\tconsultations\n01001\t1000\n01004\t600,0\n");
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("t.csv.gz")))) {
      gz.write(("\uFEFF"
              + BrokenInputsTest.TIMES.replace("01001,01002,12", "\"01001\",\"01002\",\"12,0\""))
          .getBytes(StandardCharsets.UTF_8));
    }
    String[] french = world("t.csv.gz", "population-fr.csv", "supply-fr.csv");
    Cli.Run validate = Cli.run(cmd("validate", french));
    assertEquals(0, validate.exit(), validate.out());
    String file = dir.resolve("population-fr.csv").toString();
    assertEquals(
        file + ": warning: the file is not UTF-8: read as Windows-1252 \u2014 if accents"
            + " look wrong, save it as UTF-8 or give --encoding\n0 errors, 1 warning in 3 files\n",
        validate.out());
    Cli.Run compute = Cli.run(cmd("compute", french));
    assertEquals(0, compute.exit(), compute.err());
    assertEquals(reference.out(), compute.out());
    assertTrue(compute.err().contains("read as Windows-1252"), compute.err());
    // Given explicitly, the encoding is not guessed: no warning.
    Cli.Run given = Cli.run(cmd("validate", plus(french, "--encoding", "windows-1252")));
    assertEquals("0 errors, 0 warnings in 3 files\n", given.out());
    // Insisting on UTF-8 makes it an error.
    Cli.Run strict = Cli.run(cmd("validate", plus(french, "--encoding", "utf-8")));
    assertEquals(65, strict.exit());
    assertTrue(strict.out().contains(file + ": error: the file is not valid UTF-8"), strict.out());
  }

  @Test
  void inseeAndMetricHeadersAndColumnMapping() throws IOException {
    write("times.csv", BrokenInputsTest.TIMES);
    write("population.csv", "commune,population\n01001,100\n01002,200\n01004,300\n");
    write("supply.csv", "commune,consultations\n01001,1000\n01004,600\n");
    Cli.Run reference = Cli.run(cmd("compute", world("times.csv", "population.csv", "supply.csv")));
    // Metric layout, an INSEE census header, and a supply file with its own names.
    write(
        "metric.csv",
        BrokenInputsTest.TIMES
            .replace("origin,destination,minutes", "COM1,COM2,KM,HC,HP")
            .replaceAll("(\\d+)\n", "1.5,$1,99\n"));
    write("census.csv", "CODGEO;LIBGEO;P21_POP\n01001;A;100\n01002;B;200\n01004;C;300\n");
    write("offer.csv", "code_insee,actes_mg\n01001,1000\n01004,600\n");
    String[] mapped = world(
        "metric.csv",
        "census.csv",
        "offer.csv",
        "--columns",
        "population=P21_POP,consultations=actes_mg");
    Cli.Run validate = Cli.run(cmd("validate", mapped));
    assertEquals("0 errors, 0 warnings in 3 files\n", validate.out(), validate.err());
    Cli.Run compute = Cli.run(cmd("compute", mapped));
    assertEquals(0, compute.exit(), compute.err());
    assertEquals(reference.out(), compute.out());
    // Without the mapping, the message says how to give it.
    Cli.Run unmapped = Cli.run(cmd("validate", world("metric.csv", "census.csv", "offer.csv")));
    assertEquals(65, unmapped.exit());
    assertTrue(
        unmapped
            .out()
            .contains(dir.resolve("offer.csv") + ":1: error: no consultations"
                + " column: expected one of consultations (code_insee,actes_mg) \u2014 rename the column,"
                + " or name it with --columns consultations=NAME\n"),
        unmapped.out());
    Cli.Run bad = Cli.run(cmd(
        "validate", world("metric.csv", "census.csv", "offer.csv", "--columns", "pop=P21_POP")));
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--columns: unknown column 'pop'"), bad.err());
  }

  /**
   * The same world in two commune geographies. Current codes: Valserhône 01033, Francheleins
   * 01165, Le Puy-en-Velay 43157, L'Abergement-Clémenciat 01001. The old files use the codes of
   * communes that merged into them (real rows of the COG table of old codes, in
   * src/test/resources/cog): 01018 → 01033, 01003 and 01070 → 01165, 43146 and 43243 → 43157.
   */
  @Test
  void twoGeographiesJoinedByTheCodeHistoryGiveTheSameApl() throws IOException {
    write(
        "population.csv",
        "commune,population\n01001,838\n01033,16712\n01165,1597\n" + "43157,18540\n");
    write(
        "times.csv",
        "origin,destination,minutes\n01001,01001,0\n01033,01033,0\n"
            + "01165,01165,0\n43157,43157,0\n01033,01165,10\n01165,01033,9\n01001,01165,8\n"
            + "01165,01001,8\n43157,01001,19\n01001,43157,19\n");
    write("supply.csv", "commune,consultations\n01033,20000\n01165,5000\n43157,30000\n");
    // Old geography. Supply split among old communes (sums exact in binary).
    write(
        "supply-old.csv",
        "commune,consultations\n01033,12000\n01018,8000\n01003,5000\n"
            + "43146,10000\n43243,20000\n");
    write(
        "times-old.csv",
        "origin,destination,minutes\n"
            + "01001,01001,0\n01033,01033,0\n01018,01018,0\n" // old self pair: the own one wins
            + "01165,01165,0\n01003,01003,0\n01070,01165,3\n" // two town halls of one commune: out
            + "43157,43157,0\n43146,43243,7\n"
            + "01033,01003,15\n01018,01003,10\n" // no own pair: the shortest, 10
            + "01003,01033,16\n01003,01018,9\n" // shortest: 9
            + "01001,01165,8\n01001,01070,5\n" // the own pair wins: 8
            + "01165,01001,8\n43146,01001,19\n01001,43243,19\n");
    Path cog;
    try (InputStream in = getClass().getResourceAsStream("/cog/cog_anciens_codes_extract.csv")) {
      cog = Files.write(dir.resolve("cog.csv"), in.readAllBytes());
    }
    Cli.Run reference = Cli.run(cmd("compute", world("times.csv", "population.csv", "supply.csv")));
    assertEquals(0, reference.exit(), reference.err());
    String[] old =
        world("times-old.csv", "population.csv", "supply-old.csv", "--cog-map", cog.toString());
    Cli.Run joined = Cli.run(cmd("compute", old));
    assertEquals(0, joined.exit(), joined.err());
    assertEquals(reference.out(), joined.out());
    assertTrue(
        joined
            .err()
            .contains("cog-map: " + dir.resolve("times-old.csv") + ": 5 old codes"
                + " brought to the current geography (01003->01165 01018->01033 01070->01165"
                + " 43146->43157 43243->43157); 7 pairs fell onto another one"),
        joined.err());
    assertTrue(
        joined.err().contains("cog-map: " + dir.resolve("supply-old.csv") + ": 4 old" + " codes"),
        joined.err());
    // The code history is a fourth file, read and checked too.
    assertEquals(
        "0 errors, 0 warnings in 4 files\n", Cli.run(cmd("validate", old)).out());
    // Without the history the old codes are valid INSEE codes of another year: the supply of
    // 01018, 01003, 43146 and 43243 reaches no one, which the warnings say.
    Cli.Run unjoined =
        Cli.run(cmd("validate", world("times-old.csv", "population.csv", "supply-old.csv")));
    assertEquals(0, unjoined.exit());
    assertTrue(unjoined.out().contains("(--cog-map)"), unjoined.out());
  }

  @Test
  void existingOutputNeedsForceAndInputsAreNeverOverwritten() throws IOException {
    write("times.csv", BrokenInputsTest.TIMES);
    write("population.csv", BrokenInputsTest.POPULATION);
    write("supply.csv", BrokenInputsTest.SUPPLY);
    Path out = write("apl.csv", "previous\n");
    Cli.Run refused = Cli.run(cmd(
        "compute", world("times.csv", "population.csv", "supply.csv", "--output", out.toString())));
    assertEquals(2, refused.exit());
    assertTrue(
        refused.err().contains("--output " + out + " exists; use --force to replace it"),
        refused.err());
    assertEquals("previous\n", Files.readString(out));
    Cli.Run forced = Cli.run(cmd(
        "compute",
        world("times.csv", "population.csv", "supply.csv", "--output", out.toString(), "--force")));
    assertEquals(0, forced.exit(), forced.err());
    assertTrue(Files.readString(out).startsWith("commune,apl"));
    Cli.Run input = Cli.run(cmd(
        "compute",
        world(
            "times.csv",
            "population.csv",
            "supply.csv",
            "--output",
            dir.resolve("times.csv").toString(),
            "--force")));
    assertEquals(2, input.exit());
    assertTrue(input.err().contains("is also an input file"), input.err());
  }

  @Test
  void anInterruptedWriteLeavesTheOldOutputAndNoTemporaryFile() throws IOException {
    Path out = write("apl.csv", "old output\n");
    OutputTarget target = OutputTarget.of("--output", out.toString(), List.of(), true);
    IOException e = assertThrows(
        IOException.class,
        () -> target.write(
            w -> {
              w.write("commune,apl\n01001,1.5\n");
              w.flush();
              throw new IOException("disk full (simulated)");
            },
            new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)));
    // The failure names the output: it is the line the user sees (exit 74).
    assertEquals("--output " + out + ": write error: disk full (simulated)", e.getMessage());
    assertEquals("disk full (simulated)", e.getCause().getMessage());
    target.commit(); // Nothing staged: nothing moved.
    assertEquals("old output\n", Files.readString(out));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(out), files.toList());
    }
  }

  /**
   * Three million rows, the last one bad: the validation streams the file in a JVM limited to
   * 256 MB (the rows as Java strings would need over 1 GB) and names the last line.
   */
  @Test
  void aHugeTimesFileWithOneBadLineAtTheEndIsRejectedInBoundedMemory() throws Exception {
    Path times = dir.resolve("huge.csv");
    int rows = 3_000_000;
    try (BufferedWriter w = Files.newBufferedWriter(times, StandardCharsets.UTF_8)) {
      w.write("origin,destination,minutes\n");
      // 1 500 origins x 2 000 destinations, every pair once.
      for (int r = 0; r < rows - 1; r++) {
        int o = r / 2000;
        int d = r % 2000;
        w.write(String.format(
            java.util.Locale.ROOT,
            "%02d%03d,%02d%03d,%d%n",
            1 + o / 900,
            1 + o % 900,
            1 + d / 900,
            1 + d % 900,
            r % 60));
      }
      w.write("01001,01002,-7\n");
    }
    Path population = write("population.csv", BrokenInputsTest.POPULATION);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            "fr.apl.cli.Main",
            "validate",
            "--times",
            times.toString(),
            "--population",
            population.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "validate did not finish");
    assertEquals(65, p.exitValue(), output);
    assertTrue(
        output.contains(times + ":" + (rows + 1) + ": error: travel time 01001 -> 01002"
            + " must be >= 0 (-7)"),
        output);
    assertFalse(output.contains("OutOfMemoryError"), output);
  }
}
