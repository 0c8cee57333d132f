package fr.apl.cli;

import fr.apl.io.csv.ColumnMapping;
import fr.apl.io.csv.InputEncoding;
import fr.apl.io.csv.ReadOptions;
import fr.apl.job.AplRequest;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options that say how input files are read (a picocli mixin of compute, validate and matrix
 * convert): encoding, column names, ids, commune code history. {@link #apply} sets them on a
 * request; the library reads.
 */
final class InputOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--encoding",
      paramLabel = "ENC",
      defaultValue = "auto",
      description = "Encoding of the CSV inputs: utf-8, windows-1252, or auto (UTF-8 when the"
          + " whole file decodes as UTF-8, else Windows-1252 with a warning) (default:"
          + " ${DEFAULT-VALUE}).")
  String encoding;

  @Option(
      names = "--columns",
      paramLabel = "KEY=NAME,...",
      description = "Column names that differ from the usual ones, looked for first, e.g."
          + " origin=COM1,destination=COM2,minutes=HC,commune=CODGEO,population=P21_POP. Keys:"
          + " origin, destination, minutes, commune, population, consultations, doctor_id, acts,"
          + " age, mode, new_installation.")
  String columns;

  @Option(
      names = "--cog-map",
      paramLabel = "FILE",
      description = "Commune code history, old code -> current code (ancien_code,code_actuel as"
          + " in the COG): every input is brought to the current geography first; population"
          + " and supply of merged communes are summed; a pair keeps the time of the current"
          + " codes' own pair, else the shortest.")
  Path cogMap;

  @Option(
      names = "--max-line-bytes",
      paramLabel = "BYTES",
      defaultValue = "1048576",
      description = "The longest line an input may have, in bytes (1024 to 1073741824): a longer"
          + " one (a binary file, no line ends) is bad data, and the bound keeps memory bounded"
          + " (default: ${DEFAULT-VALUE}).")
  int maxLineBytes;

  /** What ids the inputs use. */
  enum CodeKind {
    /** INSEE commune codes, checked. */
    INSEE,
    /** Any text: grid cells, practice points… */
    ANY
  }

  @Option(
      names = "--codes",
      paramLabel = "KIND",
      defaultValue = "insee",
      description = "insee (ids must be INSEE commune codes: a lost leading zero, 20xxx or any"
          + " other text is an error) or any (free ids: grid cells, practice points…)"
          + " (default: ${DEFAULT-VALUE}).")
  CodeKind codes;

  /** Returns true when ids must be INSEE commune codes (--codes insee). */
  boolean inseeCodes() {
    return codes != CodeKind.ANY;
  }

  private ReadOptions options;

  /**
   * Returns the read options: encoding, and column names with the minutes column of
   * {@code timeColumn} (--time-column) when given; a bad value is a usage error.
   */
  ReadOptions readOptions(String timeColumn) {
    if (options == null) {
      try {
        ColumnMapping names = columns == null ? ColumnMapping.none() : ColumnMapping.parse(columns);
        String mapped = names.get(ColumnMapping.MINUTES);
        if (timeColumn != null && mapped != null && !timeColumn.equalsIgnoreCase(mapped)) {
          throw new ParameterException(
              spec.commandLine(),
              "--time-column " + timeColumn + " and --columns minutes=" + mapped
                  + " disagree: give one");
        }
        if (timeColumn != null) {
          names = names.with(ColumnMapping.MINUTES, timeColumn);
        }
        if (maxLineBytes < 1024 || maxLineBytes > 1 << 30) {
          throw new ParameterException(
              spec.commandLine(),
              "--max-line-bytes must be from 1024" + " to 1073741824, given: " + maxLineBytes);
        }
        options = new ReadOptions(InputEncoding.parse(encoding), names, maxLineBytes);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(),
            e.getMessage()
                .replace("column mapping:", "--columns:")
                .replace("encoding must be", "--encoding must be"),
            e);
      }
    }
    return options;
  }

  /** Sets, on a request, how its inputs are read: options, codes and code history. */
  AplRequest.Builder apply(AplRequest.Builder request, String timeColumn) {
    return request
        .readOptions(readOptions(timeColumn))
        .inseeCodes(inseeCodes())
        .codeHistory(cogMap);
  }
}
