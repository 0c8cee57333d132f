package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of broken files (src/test/resources/broken): apl validate and apl compute give the
 * exact message and the documented exit code for each, and compute writes nothing on errors.
 */
class BrokenInputsTest {

  @TempDir
  Path dir;

  static final String TIMES = "origin,destination,minutes\n01001,01001,0\n01001,01002,12\n"
      + "01002,01002,0\n01002,01001,12\n01004,01004,0\n01004,01002,18\n";
  static final String POPULATION = "commune,population\n01001,100\n01002,200\n01004,300\n";
  static final String SUPPLY = "commune,consultations\n01001,1000\n01004,600\n";
  static final String DOCTORS = "doctor_id,commune,acts,age,mode,new_installation\n"
      + "d1,01001,4000,50,liberal,0\nd2,01004,3000,66,liberal,0\n";

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (InputStream in = BrokenInputsTest.class.getResourceAsStream("/broken/expected.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\\|", -1);
        out.add(Arguments.of(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4]));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("cases")
  void validateAndComputeSayExactlyWhatIsWrong(
      String name, String role, int exit, String expected, String summary) throws IOException {
    Files.writeString(dir.resolve("times.csv"), TIMES, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("population.csv"), POPULATION, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("supply.csv"), SUPPLY, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("doctors.csv"), DOCTORS, StandardCharsets.UTF_8);
    try (InputStream in = getClass().getResourceAsStream("/broken/" + name + "." + role + ".csv")) {
      Files.write(dir.resolve(role + ".csv"), in.readAllBytes());
    }
    String supplyOption = role.equals("doctors") ? "--doctors" : "--supply";
    String supplyFile = role.equals("doctors") ? "doctors.csv" : "supply.csv";
    String[] inputs = {
      "--times",
      dir.resolve("times.csv").toString(),
      "--population",
      dir.resolve("population.csv").toString(),
      supplyOption,
      dir.resolve(supplyFile).toString()
    };

    Cli.Run validate = Cli.run(concat(new String[] {"validate"}, inputs));
    String out = validate.out().replace(dir + "/", "");
    assertEquals(exit, validate.exit(), out + validate.err());
    assertTrue(out.contains(expected + "\n"), out);
    assertTrue(out.endsWith("\n" + summary + "\n") || out.equals(summary + "\n"), out);

    Path output = dir.resolve("apl.csv");
    Cli.Run compute =
        Cli.run(concat(new String[] {"compute", "--output", output.toString()}, inputs));
    String err = compute.err().replace(dir + "/", "");
    assertEquals(exit, compute.exit(), err);
    if (exit != 0) {
      assertTrue(err.contains(expected + "\n"), err);
      assertTrue(err.contains(summary + "\napl: nothing computed"), err);
      assertFalse(Files.exists(output), "no output on errors");
    } else {
      assertTrue(Files.exists(output));
    }
  }

  private static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
