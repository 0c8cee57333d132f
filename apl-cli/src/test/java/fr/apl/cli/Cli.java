package fr.apl.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in-process with captured streams, and finds the repository's folders. */
final class Cli {

  /** Exit code, stdout and stderr of one run. */
  record Run(int exit, String out, String err) {}

  private Cli() {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.execute(args, o, e);
    }
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Returns the repository root (surefire runs in the module folder). */
  static Path repo() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("data-samples"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException(
          "data-samples/ not found above " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  /**
   * Runs {@code apl compute} on the Haute-Loire sample's times, supply and population, on two
   * threads, with more arguments after them.
   */
  static Run computeHauteLoireSupply(String... extra) {
    Path dir = samples().resolve("haute-loire-43");
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
        "compute",
        "--times",
        dir.resolve("times.csv").toString(),
        "--supply",
        dir.resolve("supply.csv").toString(),
        "--population",
        dir.resolve("population.csv").toString(),
        "--threads",
        "2"));
    args.addAll(java.util.List.of(extra));
    return run(args.toArray(new String[0]));
  }

  static Path samples() {
    return repo().resolve("data-samples");
  }
}
