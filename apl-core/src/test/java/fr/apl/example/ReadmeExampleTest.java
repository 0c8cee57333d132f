package fr.apl.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.core.AplResult;
import fr.apl.problem.Check;
import fr.apl.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the README's embedding example true: same text as ReadmeExample, and it runs. */
class ReadmeExampleTest {

  private static Path repo() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("data-samples"))) {
      p = p.getParent();
    }
    assertNotNull(p, "data-samples/ not found above the working directory");
    return p;
  }

  @Test
  void readmeShowsTheExampleVerbatim() throws IOException {
    List<String> source = Files.readAllLines(
        repo().resolve("apl-core/src/test/java/fr/apl/example/ReadmeExample.java"),
        StandardCharsets.UTF_8);
    int from = indexOfTrimmed(source, "// README-BEGIN") + 1;
    int to = indexOfTrimmed(source, "// README-END");
    StringBuilder block = new StringBuilder();
    for (String line : source.subList(from, to)) {
      block.append(line.length() >= 4 ? line.substring(4) : line.strip()).append('\n');
    }
    String readme = Files.readString(repo().resolve("README.md"), StandardCharsets.UTF_8);
    assertTrue(
        readme.contains("```java\n" + block + "```"),
        "README.md must show this block verbatim:\n" + block);
  }

  @Test
  void exampleRunsAndMatchesExpected() throws IOException {
    ReadmeExample.Outcome outcome =
        ReadmeExample.run(repo().resolve("data-samples/haute-loire-43"));
    AplResult result = outcome.run().result();
    assertNotNull(result, outcome.problems().toString());
    assertFalse(outcome.run().validation().hasErrors());
    // expected/haute-loire-43.csv, computed by an independent implementation.
    double expected = expectedApl("43157");
    assertEquals(expected, result.apl("apl", "43157"), 1e-9 * expected);
  }

  /**
   * The example validates: a population code that lost its leading zero (1001 for 01001, what a
   * spreadsheet does) is refused with its line, and nothing is computed.
   */
  @Test
  void exampleRefusesACodeThatLostItsLeadingZero(@TempDir Path dir) throws IOException {
    Path sample = repo().resolve("data-samples/haute-loire-43");
    for (String f : new String[] {"times.csv", "supply.csv"}) {
      Files.copy(sample.resolve(f), dir.resolve(f));
    }
    List<String> population =
        Files.readAllLines(sample.resolve("population.csv"), StandardCharsets.UTF_8);
    population.add("1001,250");
    Files.write(dir.resolve("population.csv"), population, StandardCharsets.UTF_8);
    ReadmeExample.Outcome outcome = ReadmeExample.run(dir);
    assertNull(outcome.run().result());
    Problem p = outcome.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
    assertEquals(Check.LEADING_ZERO, p.check());
    assertEquals(population.size(), p.line());
    assertEquals("1001", p.value());
  }

  private static double expectedApl(String code) throws IOException {
    for (String line : Files.readAllLines(
        repo().resolve("data-samples/expected/haute-loire-43.csv"), StandardCharsets.UTF_8)) {
      if (line.startsWith(code + ",")) {
        return Double.parseDouble(line.split(",")[1]);
      }
    }
    throw new AssertionError(code + " not in expected/haute-loire-43.csv");
  }

  private static int indexOfTrimmed(List<String> lines, String text) {
    for (int k = 0; k < lines.size(); k++) {
      if (lines.get(k).trim().equals(text)) {
        return k;
      }
    }
    throw new AssertionError(text + " not found in ReadmeExample.java");
  }
}
