package fr.apl.zoning;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the project's shared data, as {@code fr.apl.demand.SharedData} does (that one is
 * package-private): CI has a copy of {@code shared/} beside the clone, at {@code <repo>/../shared};
 * Surefire runs in {@code <repo>/apl-core}, an IDE often in the repository root, so the working
 * directory and its two parents are tried. A missing directory fails the test: a skip would let a
 * broken CI checkout pass silently.
 */
final class SharedData {

  private SharedData() {}

  /** Returns a file under {@code shared/data}, failing when it or the directory is absent. */
  static Path file(String relative) {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    List<Path> tried = new ArrayList<>();
    Path dir = start;
    for (int up = 0; up <= 2 && dir != null; up++, dir = dir.getParent()) {
      Path data = dir.resolve("shared").resolve("data");
      tried.add(data);
      if (Files.isDirectory(data)) {
        Path p = data.resolve(relative);
        if (!Files.isRegularFile(p)) {
          fail("shared data file missing: " + p);
        }
        return p;
      }
    }
    return fail("shared data not found: expected a copy of shared/ beside the repository"
        + " (<repo>/../shared/data); tried " + tried);
  }
}
