package fr.apl.cli;

import fr.apl.io.TimesFile;
import fr.apl.io.csv.InputException;
import fr.apl.io.csv.ReadProgress;
import fr.apl.job.AplJob;
import fr.apl.job.AplRequest;
import fr.apl.problem.Validation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code apl validate}: every problem of the inputs of apl compute, at once. */
@Command(
    name = "validate",
    header = "Checks the inputs of apl compute and lists every problem.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Checks the inputs of apl compute (any of them) and lists every problem at",
      "once on stdout, one a line: 'file:line: error|warning: message (value)'",
      "and a hint, then 'N errors, M warnings in K files'. Errors stop apl",
      "compute; warnings do not. Checks: malformed rows, missing or repeated",
      "columns, empty or header-only files, encoding; times not numbers,",
      "negative, infinite or over a day, pairs twice with different times,",
      "missing self pairs; negative or non-numeric population or activity,",
      "doctors with zero acts; codes that are not INSEE codes, lost a leading",
      "zero (1001 for 01001) or write Corsica 20xxx; Paris, Lyon, Marseille",
      "both whole and by arrondissement; population communes absent from the",
      "times; supply that no populated commune reaches."
    },
    footer = "%nExit codes:%n"
        + "  0   no error (warnings allowed)%n"
        + "  1   internal error (a bug: please report it)%n"
        + "  2   usage error (unknown, missing or conflicting options)%n"
        + "  65  the inputs have errors (listed on stdout)%n"
        + "  66  an input file is missing or cannot be opened%n"
        + "  74  input/output error while reading%n")
final class ValidateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(
      names = "--times",
      paramLabel = "FILE",
      description = "Travel times: origin,destination,minutes or INSEE Metric COM1,COM2,KM,HC,HP.")
  Path times;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  SupplySource supplySource;

  static final class SupplySource {
    @Option(
        names = "--supply",
        required = true,
        paramLabel = "FILE",
        description = "Supply per practice commune: commune,consultations[,consultations_moins65].")
    Path supply;

    @Option(
        names = "--doctors",
        required = true,
        paramLabel = "FILE",
        description =
            "Doctors, one row per practice: doctor_id,commune,acts,age,mode," + "new_installation.")
    Path doctors;
  }

  @Option(
      names = "--population",
      paramLabel = "FILE",
      description = "Population per commune: commune,population or INSEE age bands.")
  Path population;

  @Option(
      names = "--scenarios",
      paramLabel = "FILE",
      description = "Scenarios, as for compute (checked against the population and supply).")
  Path scenarios;

  @Mixin
  MethodOptions method;

  @Mixin
  InputOptions input;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print errors and the summary, no warnings.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (times == null
        && population == null
        && supplySource == null
        && Options.ageWeightsFile(method.ageWeights) == null) {
      throw new ParameterException(
          spec.commandLine(),
          "nothing to check: give --times," + " --population, --supply or --doctors");
    }
    AplRequest.Builder request = AplRequest.builder()
        .times(times == null ? null : TimesFile.of(times, ReadProgress.NONE))
        .population(population)
        .scenarios(scenarios)
        .supply(supplySource == null ? null : supplySource.supply)
        .doctors(supplySource == null ? null : supplySource.doctors);
    input.apply(request, method.timeColumn);
    try {
      method.apply(request);
      Validation v = AplJob.validate(request.build()).validation();
      if (quiet) {
        for (var p : v.errorList()) {
          out.println(InputCheck.format(p));
        }
        out.println(v.summary());
      } else {
        InputCheck.list(out, v);
      }
      out.flush();
      return InputCheck.exitCode(v);
    } catch (InputException | IOException e) {
      return Failures.exitCode(err, e, inputs());
    }
  }

  private List<Path> inputs() {
    List<Path> in = new ArrayList<>();
    for (Path p : new Path[] {
      times,
      population,
      input.cogMap,
      supplySource == null ? null : supplySource.supply,
      supplySource == null ? null : supplySource.doctors
    }) {
      if (p != null) {
        in.add(p);
      }
    }
    return in;
  }
}
