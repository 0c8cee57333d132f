package fr.apl.geo;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's data-samples folder from the tests' working directory. */
public final class Samples {

  private Samples() {}

  /** {@return the data-samples folder of the repository} */
  public static Path folder() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("data-samples"))) {
      p = p.getParent();
    }
    return p.resolve("data-samples");
  }
}
