package fr.apl.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.core.AplResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    AplResult result = ReadmeExample.run(repo().resolve("data-samples/haute-loire-43"));
    assertNotNull(result);
    // expected/haute-loire-43.csv, computed by an independent implementation.
    double expected = expectedApl("43157");
    assertEquals(expected, result.apl("apl", "43157"), 1e-9 * expected);
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
