package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apl matrix convert, and apl compute reading the matrix file as it reads the CSV. */
class MatrixCommandTest {

  @TempDir
  Path dir;

  @Test
  void convertedMatrixGivesTheSameBytes() throws IOException {
    Path folder = Cli.samples().resolve("territoire-de-belfort-90");
    Path matrix = dir.resolve("belfort.aplm");
    for (String times : new String[] {"times.csv", "times_metric.csv"}) {
      Cli.Run convert = Cli.run(
          "matrix",
          "convert",
          "--times",
          folder.resolve(times).toString(),
          "--output",
          matrix.toString(),
          "--force");
      assertEquals(0, convert.exit(), convert.err());
      assertTrue(convert.err().contains("768 communes, 51799 pairs"), convert.err());
      String[] common = {
        "--supply",
        folder.resolve("supply.csv").toString(),
        "--population",
        folder.resolve("population.csv").toString()
      };
      Cli.Run fromCsv = Cli.run(
          concat(new String[] {"compute", "--times", folder.resolve(times).toString()}, common));
      Cli.Run fromMatrix =
          Cli.run(concat(new String[] {"compute", "--times", matrix.toString()}, common));
      assertEquals(0, fromMatrix.exit(), fromMatrix.err());
      assertEquals(fromCsv.out(), fromMatrix.out(), times);
    }
  }

  @Test
  void badInputAndOutput() throws IOException {
    Path bad = Files.writeString(dir.resolve("t.csv"), "origin,destination,minutes\nA,B,x\n");
    Cli.Run run = Cli.run(
        "matrix",
        "convert",
        "--times",
        bad.toString(),
        "--output",
        dir.resolve("m.aplm").toString());
    assertEquals(65, run.exit());
    assertTrue(
        run.err().contains(bad + ":2: error: travel time A -> B must be a number ('x')"),
        run.err());
    assertEquals(false, Files.exists(dir.resolve("m.aplm")));
    assertEquals(
        2,
        Cli.run("matrix", "convert", "--times", bad.toString(), "--output", "-").exit());
    assertEquals(2, Cli.run("matrix").exit());
    Path damaged = Files.write(
        dir.resolve("d.aplm"), new byte[] {'A', 'P', 'L', 'M', 'A', 'T', 'R', 'X', 1, 0, 0, 0});
    Path folder = Cli.samples().resolve("territoire-de-belfort-90");
    Cli.Run d = Cli.run(
        "compute",
        "--times",
        damaged.toString(),
        "--supply",
        folder.resolve("supply.csv").toString(),
        "--population",
        folder.resolve("population.csv").toString());
    assertEquals(65, d.exit());
    assertTrue(d.err().contains("not an apl matrix file: 12 bytes"), d.err());
  }

  @Test
  void absurdThreadCountsAreUsageErrors() throws IOException {
    Path times = Files.writeString(dir.resolve("t.csv"), "origin,destination,minutes\n");
    for (String n : new String[] {"2147483647", "1025", "0", "-1"}) {
      Cli.Run run = Cli.run(
          "matrix",
          "convert",
          "--times",
          times.toString(),
          "--output",
          dir.resolve("m.aplm").toString(),
          "--threads",
          n);
      assertEquals(2, run.exit(), n);
      assertEquals("", run.out());
      assertTrue(
          run.err().contains("apl: --threads must be between 1 and 1024, given: " + n), run.err());
    }
    assertEquals(List.of("t.csv"), fileNames());
  }

  private List<String> fileNames() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
