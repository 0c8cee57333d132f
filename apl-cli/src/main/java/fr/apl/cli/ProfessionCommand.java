package fr.apl.cli;

import fr.apl.io.csv.InputException;
import fr.apl.profession.Parameter;
import fr.apl.profession.Profession;
import fr.apl.profiles.ProfessionProfiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code apl profession}: lists the profession profiles, shows one, checks a profile file. */
@Command(
    name = "profession",
    header = "Lists the profession profiles, shows one's parameters and sources, checks a file.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    usageHelpAutoWidth = true,
    description = {
      "Without NAME: the built-in profiles, with how many of their parameters are assumed.",
      "With a built-in NAME or a profile FILE: every parameter, its value and its source",
      "(ASSUMED where no public source gives it); a FILE is checked as compute would read it.",
      "With --json: the built-in profile as JSON, to start a profile of one's own from."
    },
    footer = ExitCodes.HELP)
final class ProfessionCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME|FILE",
      description = "A built-in profile (general-practitioner, nurse, physiotherapist, midwife,"
          + " dentist) or a JSON profile file.")
  String name;

  @Option(names = "--json", description = "Print the built-in profile as JSON, on stdout.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> builtIn = ProfessionProfiles.builtInNames();
    if (name == null) {
      if (json) {
        throw new ParameterException(spec.commandLine(), "--json needs a built-in NAME");
      }
      for (String n : builtIn) {
        Profession p = ProfessionProfiles.builtIn(n);
        int assumed = p.assumed().size();
        out.printf(
            Locale.ROOT,
            "%-22s %s; %s%n",
            n,
            p.label(),
            assumed == 0
                ? "every parameter sourced"
                : assumed + " of " + p.parameters().size() + " parameters assumed");
      }
      out.flush();
      return ExitCodes.OK;
    }
    if (builtIn.contains(name.trim())) {
      if (json) {
        out.print(ProfessionProfiles.builtInText(name.trim()));
        out.flush();
        return ExitCodes.OK;
      }
      show(out, ProfessionProfiles.builtIn(name.trim()));
      return ExitCodes.OK;
    }
    if (json) {
      throw new ParameterException(
          spec.commandLine(), "--json prints a built-in profile; given: " + name);
    }
    Path file = Path.of(name);
    if (!Files.exists(file)) {
      throw new ParameterException(
          spec.commandLine(),
          "NAME must be " + String.join(", ", builtIn) + " or a profile file (JSON), given: " + name
              + " (no such file)");
    }
    try {
      show(out, ProfessionProfiles.read(file));
      return ExitCodes.OK;
    } catch (InputException | IOException e) {
      return Failures.exitCode(err, e, List.of(file));
    }
  }

  private static void show(PrintWriter out, Profession p) {
    out.printf(Locale.ROOT, "%s: %s%n", p.name(), p.label());
    out.printf(Locale.ROOT, "unit: %s%n", p.unit());
    for (Parameter q : p.parameters()) {
      out.printf(
          Locale.ROOT,
          "  %-26s %-24s %s%s%n",
          q.name(),
          q.value().length() > 24 ? q.value().substring(0, 21) + "..." : q.value(),
          q.assumed() ? "ASSUMED " : "",
          q.source());
    }
    int assumed = p.assumed().size();
    out.printf(
        Locale.ROOT,
        "%s%n",
        assumed == 0
            ? "every parameter from its source"
            : assumed + " parameters assumed: the figures are of the DREES kind, not the DREES"
                + " figures");
    out.flush();
  }
}
