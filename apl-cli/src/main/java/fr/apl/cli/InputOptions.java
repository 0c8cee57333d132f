package fr.apl.cli;

import fr.apl.commune.CodeHistory;
import fr.apl.demand.AgeBandPopulation;
import fr.apl.demand.AgeWeights;
import fr.apl.demand.Population;
import fr.apl.demand.Rescaling;
import fr.apl.io.csv.CodeHistoryCsv;
import fr.apl.io.csv.ColumnMapping;
import fr.apl.io.csv.DoctorsCsv;
import fr.apl.io.csv.InputEncoding;
import fr.apl.io.csv.PopulationCsv;
import fr.apl.io.csv.ReadOptions;
import fr.apl.io.csv.SupplyCsv;
import fr.apl.io.binary.MatrixFile;
import fr.apl.io.csv.ReadProgress;
import fr.apl.io.csv.TimesCsv;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.supply.Doctor;
import fr.apl.supply.Supply;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options that say how input files are read (a picocli mixin of compute and validate): encoding,
 * column names, commune code history. Its read methods apply them and bring every input to the
 * current commune geography, noting what was remapped for {@link #report}.
 */
final class InputOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--encoding", paramLabel = "ENC", defaultValue = "auto",
      description = "Encoding of the CSV inputs: utf-8, windows-1252, or auto (UTF-8 when the"
          + " whole file decodes as UTF-8, else Windows-1252 with a warning) (default:"
          + " ${DEFAULT-VALUE}).")
  String encoding;

  @Option(names = "--columns", paramLabel = "KEY=NAME,...",
      description = "Column names that differ from the usual ones, looked for first, e.g."
          + " origin=COM1,destination=COM2,minutes=HC,commune=CODGEO,population=P21_POP. Keys:"
          + " origin, destination, minutes, commune, population, consultations, doctor_id, acts,"
          + " age, mode, new_installation.")
  String columns;

  @Option(names = "--cog-map", paramLabel = "FILE",
      description = "Commune code history, old code -> current code (ancien_code,code_actuel as"
          + " in the COG): every input is brought to the current geography first; population"
          + " and supply of merged communes are summed; a pair keeps the time of the current"
          + " codes' own pair, else the shortest.")
  Path cogMap;

  /** What ids the inputs use. */
  enum CodeKind {
    /** INSEE commune codes, checked. */
    INSEE,
    /** Any text: grid cells, practice points… */
    ANY
  }

  @Option(names = "--codes", paramLabel = "KIND", defaultValue = "insee",
      description = "insee (ids must be INSEE commune codes: a lost leading zero, 20xxx or any"
          + " other text is an error) or any (free ids: grid cells, practice points…)"
          + " (default: ${DEFAULT-VALUE}).")
  CodeKind codes;

  /** Returns true when ids must be INSEE commune codes (--codes insee). */
  boolean inseeCodes() {
    return codes != CodeKind.ANY;
  }

  private ReadOptions options;
  private CodeHistory history;
  /**
   * What the code history changed, by input: the times table is read on one thread while the
   * small files are read on another, so the notes are kept by kind and printed in kind order.
   */
  private final Map<Input, String> notes = Collections.synchronizedMap(new EnumMap<>(Input.class));

  /** The inputs a note can be about, in the order the notes are printed. */
  private enum Input { TIMES, POPULATION, SUPPLY, DOCTORS }

  /** Returns the read options; a bad value is a usage error. */
  ReadOptions readOptions() {
    if (options == null) {
      try {
        options = new ReadOptions(InputEncoding.parse(encoding),
            columns == null ? ColumnMapping.none() : ColumnMapping.parse(columns));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
    }
    return options;
  }

  /** Returns the code history, read once (none without --cog-map). */
  CodeHistory codeHistory() throws IOException {
    if (history == null) {
      history = cogMap == null ? CodeHistory.none() : CodeHistoryCsv.read(cogMap, readOptions());
    }
    return history;
  }

  /** Returns the minutes column: --time-column, else --columns minutes=, else null. */
  String minutesColumn(String timeColumn) {
    String mapped = readOptions().columns().get(ColumnMapping.MINUTES);
    if (timeColumn != null && mapped != null && !timeColumn.equalsIgnoreCase(mapped)) {
      throw new ParameterException(spec.commandLine(), "--time-column " + timeColumn
          + " and --columns minutes=" + mapped + " disagree: give one");
    }
    return timeColumn != null ? timeColumn : mapped;
  }

  /**
   * Reads the travel times in the current geography, a CSV table parsed on {@code threads}
   * threads.
   */
  TravelTimeMatrix times(Path file, String timeColumn, ReadProgress progress, int threads)
      throws IOException {
    return times(file, timeColumn, progress, threads, null);
  }

  /**
   * Reads a times table as {@link #times(Path, String, ReadProgress, int)} does, taking the read
   * started early when it is the one asked for.
   *
   * @param early the read started before the options were parsed, or null
   */
  TravelTimeMatrix times(Path file, String timeColumn, ReadProgress progress, int threads,
      EarlyTimes early) throws IOException {
    ColumnMapping c = readOptions().columns();
    String origin = c.get(ColumnMapping.ORIGIN);
    String destination = c.get(ColumnMapping.DESTINATION);
    String minutes = minutesColumn(timeColumn);
    TravelTimeMatrix m = early == null ? null
        : early.take(file, origin, destination, minutes, threads);
    if (m == null) {
      m = MatrixFile.isMatrixFile(file) ? MatrixFile.read(file)
          : TimesCsv.read(file, origin, destination, minutes, progress, threads);
    }
    CodeHistory.Remapped<TravelTimeMatrix> r = codeHistory().remap(m);
    note(Input.TIMES, file, r, "pairs fell onto another one");
    return r.value();
  }

  /** Reads the population in the current geography. */
  Population population(Path file, AgeWeights weights, Rescaling rescaling) throws IOException {
    CodeHistory.Remapped<Population> r = codeHistory().remap(
        PopulationCsv.read(file, weights, rescaling, readOptions()));
    note(Input.POPULATION, file, r, "communes summed into another");
    return r.value();
  }

  /**
   * Reads a population by age band once and standardises it with each set of weights, in the
   * current geography: one population per set, in order.
   */
  List<Population> populations(Path file, List<AgeWeights> weights, Rescaling rescaling)
      throws IOException {
    AgeBandPopulation bands = PopulationCsv.readBands(file, readOptions());
    List<Population> out = new java.util.ArrayList<>(weights.size());
    for (AgeWeights w : weights) {
      CodeHistory.Remapped<Population> r = codeHistory().remap(bands.standardise(w, rescaling));
      if (out.isEmpty()) {
        note(Input.POPULATION, file, r, "communes summed into another");
      }
      out.add(r.value());
    }
    return out;
  }

  /** Reads a supply file in the current geography. */
  SupplyCsv.Columns supply(Path file) throws IOException {
    SupplyCsv.Columns s = SupplyCsv.read(file, readOptions());
    CodeHistory h = codeHistory();
    CodeHistory.Remapped<Supply> all = h.remap(s.all());
    note(Input.SUPPLY, file, all, "communes summed into another");
    SortedMap<Integer, Supply> capped = new TreeMap<>();
    for (Map.Entry<Integer, Supply> e : s.underAge().entrySet()) {
      capped.put(e.getKey(), h.remap(e.getValue()).value());
    }
    return new SupplyCsv.Columns(all.value(), capped);
  }

  /** Reads doctors with their practices in the current geography. */
  List<Doctor> doctors(Path file) throws IOException {
    CodeHistory.Remapped<List<Doctor>> r = codeHistory().remapDoctors(
        DoctorsCsv.read(file, readOptions()));
    note(Input.DOCTORS, file, r, "practices merged into another");
    return r.value();
  }

  private void note(Input kind, Path file, CodeHistory.Remapped<?> r, String merged) {
    if (!r.remapped().isEmpty()) {
      notes.put(kind, String.format(Locale.ROOT, "  cog-map: %s: %d old codes brought to the current"
          + " geography (%s); %d %s", file, r.remapped().size(), r.examples(5), r.merged(),
          merged));
    }
  }

  /** Prints what the code history changed, one line per input (nothing when quiet). */
  void report(PrintWriter err, boolean quiet) {
    if (!quiet) {
      synchronized (notes) {
        for (String n : notes.values()) {
          err.println(n);
        }
      }
    }
  }
}
