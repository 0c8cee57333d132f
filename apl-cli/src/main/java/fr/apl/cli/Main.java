package fr.apl.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code apl} command: subcommands for computing APL. */
@Command(
    name = "apl",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Computes the APL indicator (accessibilité potentielle localisée, DREES) of"
        + " access to general practitioners (and other professions), commune by commune; zones,"
        + " maps and reports it.",
    footer = ExitCodes.HELP)
public final class Main implements Runnable {

  /** The commands, by name, in the order the help lists them (help itself comes last). */
  private static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("compute", ComputeCommand.class);
    COMMANDS.put("validate", ValidateCommand.class);
    COMMANDS.put("zoning", ZoningCommand.class);
    COMMANDS.put("matrix", MatrixCommand.class);
    COMMANDS.put("times", TimesCommand.class);
    COMMANDS.put("map", MapCommand.class);
    COMMANDS.put("report", ReportCommand.class);
    COMMANDS.put("profession", ProfessionCommand.class);
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Runs apl and exits with its exit code.
   *
   * @param args the command line, e.g. {@code compute --times times.csv ...}
   */
  public static void main(String[] args) {
    System.exit(execute(args, System.out, System.err));
  }

  /**
   * Runs apl with the given arguments and streams, and returns the exit code; never exits.
   *
   * @param args the command line, e.g. {@code compute --times times.csv ...}, non-null
   * @param out where data goes (the APL table when no --output file is given)
   * @param err where the summary, warnings and errors go
   * @return the exit code, as listed at the bottom of {@code --help}: 0 success, 1 a bug, 2 a
   *     usage error, 3 a changed zoning ({@code zoning --check}), 65 bad input data, 66 a missing
   *     input, 74 an input/output error
   */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        if (cls == ComputeCommand.class) {
          return cls.cast(new ComputeCommand(out));
        }
        if (cls == MapCommand.class) {
          return cls.cast(new MapCommand(out));
        }
        if (cls == ReportCommand.class) {
          return cls.cast(new ReportCommand(out));
        }
        if (cls == ZoningCommand.class) {
          return cls.cast(new ZoningCommand(out));
        }
        if (cls == TimesCommand.class) {
          return cls.cast(new TimesCommand(out));
        }
        if (cls == MatrixCommand.Convert.class) {
          return cls.cast(new MatrixCommand.Convert(out));
        }
        return CommandLine.defaultFactory().create(cls);
      }
    };
    CommandLine cl = new CommandLine(new Main(), factory);
    // picocli builds the model of every command it is given, by reflection, at start-up: when
    // the first argument names a command, only that one is built; otherwise (help, a usage
    // error) all of them, in this order.
    String first = args.length > 0 ? args[0] : "";
    boolean one = COMMANDS.containsKey(first);
    for (Map.Entry<String, Class<?>> c : COMMANDS.entrySet()) {
      if (!one || c.getKey().equals(first)) {
        try {
          cl.addSubcommand(c.getKey(), new CommandLine(factory.create(c.getValue()), factory));
        } catch (Exception e) {
          throw new IllegalStateException("cannot create the command " + c.getKey(), e);
        }
      }
    }
    cl.addSubcommand("help", new CommandLine.HelpCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cl.setExitCodeExceptionMapper(e -> ExitCodes.BUG);
    cl.setParameterExceptionHandler((e, a) -> {
      PrintWriter w = e.getCommandLine().getErr();
      w.println("apl: " + e.getMessage());
      w.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return ExitCodes.USAGE;
    });
    cl.setExecutionExceptionHandler((e, c, p) -> {
      PrintWriter w = c.getErr();
      w.println("apl: internal error, please report it with the command line: " + e);
      e.printStackTrace(w);
      return ExitCodes.BUG;
    });
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.setOut(cl.getOut());
      sub.setErr(cl.getErr());
    }
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      return outOfMemory(cl.getErr(), args);
    }
  }

  /**
   * Says that the JVM ran out of memory, with the heap it had and the size of the files named on
   * the command line, and how to give it more; returns the I/O exit code (74): the run did not
   * fail on its data but on the machine's means.
   */
  static int outOfMemory(PrintWriter err, String[] args) {
    long heapMb = Runtime.getRuntime().maxMemory() >> 20;
    StringBuilder files = new StringBuilder();
    for (String a : args) {
      try {
        java.nio.file.Path p = java.nio.file.Path.of(a);
        if (java.nio.file.Files.isRegularFile(p)) {
          files
              .append(files.length() == 0 ? "" : ", ")
              .append(a)
              .append(' ')
              .append(java.nio.file.Files.size(p) >> 20)
              .append(" MB");
        }
      } catch (java.io.IOException | RuntimeException ignored) {
        // Not a file: an option or a value.
      }
    }
    err.println("apl: out of memory: this JVM may use " + heapMb + " MB"
        + (files.length() == 0 ? "" : " for its inputs (" + files + ")")
        + "; give it more with APL_JAVA_OPTS=-Xmx" + Math.max(2, 4 * heapMb / 1024) + "g, or"
        + " split the run (fewer scenarios, a smaller territory)");
    err.flush();
    return ExitCodes.IO;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing command: try 'apl compute --help'");
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"apl " + (v == null ? "(development build)" : v)};
    }
  }
}
