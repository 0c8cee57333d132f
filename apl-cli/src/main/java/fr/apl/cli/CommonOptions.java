package fr.apl.cli;

import picocli.CommandLine.Option;

/** Options every command that writes tables takes (a picocli mixin). */
final class CommonOptions {

  @Option(
      names = "--output-dialect",
      paramLabel = "DIALECT",
      defaultValue = "standard",
      description = "standard (',' and decimal point) or french (';' and decimal comma)"
          + " (default: ${DEFAULT-VALUE}).")
  String outputDialect;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print no summary, only warnings and errors.")
  boolean quiet;

  @Option(
      names = "--force",
      description = "Replace output files that already exist (they are"
          + " refused otherwise). A FIFO or a device (/dev/null) is written in place, never replaced;"
          + " a symbolic link's target is replaced, the link stays.")
  boolean force;
}
