package fr.apl.io;

import fr.apl.io.binary.MatrixFile;
import fr.apl.io.csv.InputException;
import fr.apl.io.csv.ReadContext;
import fr.apl.io.csv.ReadProgress;
import fr.apl.io.csv.TimesCsv;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.problem.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads travel times from a file, whichever it is: the apl binary matrix format (recognised by
 * its magic bytes, memory-mapped, its checksum verified) or a CSV table (plain or gzip, the
 * layouts of {@link TimesCsv}). Immutable; each {@link #read} reads the file again.
 */
public final class TimesFile implements TravelTimeSource {

  private final Path path;
  private final ReadProgress progress;

  private TimesFile(Path path, ReadProgress progress) {
    this.path = path;
    this.progress = progress;
  }

  /**
   * Returns the source of a file; the file is not opened here.
   *
   * @param path the times file, binary matrix or CSV, plain or gzip, non-null
   * @param progress told how many bytes of a CSV table were read, non-null
   * @return the source
   * @throws IllegalArgumentException when an argument is null
   */
  public static TimesFile of(Path path, ReadProgress progress) {
    if (path == null || progress == null) {
      throw new IllegalArgumentException("path and progress must not be null");
    }
    return new TimesFile(path, progress);
  }

  /** {@return the file, as given} */
  public Path path() {
    return path;
  }

  @Override
  public String name() {
    return path.toString();
  }

  /**
   * Returns true when the file is in the binary matrix format (checked when it was written).
   *
   * @return true when the file exists, is a regular file and starts with the matrix magic bytes
   * @throws IOException when the file exists but cannot be read
   */
  public boolean isMatrixFile() throws IOException {
    return Files.isRegularFile(path) && MatrixFile.isMatrixFile(path);
  }

  @Override
  public TravelTimeMatrix read(ReadContext ctx) throws IOException {
    if (!isMatrixFile()) {
      return TimesCsv.read(path, ctx, progress);
    }
    ctx.problems().file(name());
    try {
      return MatrixFile.read(path);
    } catch (InputException e) {
      ctx.problems()
          .add(
              Check.MALFORMED_ROW,
              name(),
              e.line(),
              null,
              e.problem(),
              "write the matrix file again from its times table");
      return null;
    }
  }
}
