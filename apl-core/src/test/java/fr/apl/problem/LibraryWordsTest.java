package fr.apl.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library names concepts, never command-line options: a message that says "--cog-map" would
 * be wrong for a Java caller. Every string literal of apl-core's main code is read for an option
 * ({@code --word}); the command line translates concepts into its options.
 */
class LibraryWordsTest {

  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern OPTION = Pattern.compile("(^|[^-\\w])--[a-z][a-z-]+");

  @Test
  void noLibraryMessageNamesACommandLineOption() throws IOException {
    Path main = Path.of("src/main/java");
    assertTrue(Files.isDirectory(main), "run from apl-core: " + main.toAbsolutePath());
    List<String> found = new ArrayList<>();
    int literals = 0;
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int k = 0; k < lines.size(); k++) {
          String line = lines.get(k).trim();
          if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
            continue; // comments may name the options a concept maps to
          }
          Matcher m = LITERAL.matcher(line);
          while (m.find()) {
            literals++;
            if (OPTION.matcher(m.group(1)).find()) {
              found.add(main.relativize(f) + ":" + (k + 1) + ": " + m.group());
            }
          }
        }
      }
    }
    assertTrue(literals > 500, "the scan read the literals (" + literals + ")");
    assertEquals(List.of(), found);
  }
}
