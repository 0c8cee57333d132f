package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The --help of every command and subcommand, found by walking the help itself. */
class HelpTest {

  /** Returns the command lines of every command and subcommand, found in the help itself. */
  private static List<List<String>> commands(List<String> prefix) {
    List<List<String>> all = new ArrayList<>();
    all.add(prefix);
    List<String> args = new ArrayList<>(prefix);
    args.add("--help");
    String help = Cli.run(args.toArray(String[]::new)).out();
    int at = help.indexOf("Commands:\n");
    if (at >= 0) {
      for (String line : help.substring(at).split("\n\n")[0].split("\n")) {
        if (line.matches("  \\S.*")) {
          String name = line.trim().split("\\s+")[0];
          if (!name.equals("help")) {
            List<String> sub = new ArrayList<>(prefix);
            sub.add(name);
            all.addAll(commands(sub));
          }
        }
      }
    }
    return all;
  }

  @Test
  void everyHelpIsCleanAndListsTheExitCodes() {
    List<List<String>> commands = commands(List.of());
    assertEquals(10, commands.size(), commands.toString());
    for (List<String> c : commands) {
      List<String> args = new ArrayList<>(c);
      args.add("--help");
      Cli.Run run = Cli.run(args.toArray(String[]::new));
      assertEquals(0, run.exit(), c.toString());
      assertEquals("", run.err(), c.toString());
      assertFalse(run.out().contains("picocli WARN"), c.toString());
      assertTrue(run.out().contains("Exit codes:"), c.toString());
      // validate writes nothing and never exits 3: its list is its own.
      if (!c.equals(List.of("validate"))) {
        String words = run.out().replaceAll("\\s+", " ");
        assertTrue(words.contains(" 3 apl zoning --check: the zoning changed"), c + run.out());
        assertTrue(
            words.contains(" 74 input/output error while reading or writing (e.g. an"
                + " output's folder does not exist"),
            c + run.out());
      }
    }
    assertTrue(
        Cli.run("zoning", "--help").out().replaceAll("\\s+", " ").contains("(0.203 or 20.3 %)."));
  }
}
