package fr.apl.io.csv;

import fr.apl.supply.Doctor;
import fr.apl.supply.PracticeMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads doctors, one row per doctor and practice commune:
 * {@code doctor_id,commune,acts,age,mode,new_installation}.
 *
 * <ul>
 *   <li>{@code acts}: consultations, visits and teleconsultations of the year at this practice;
 *   <li>{@code age}: whole years; the column may be absent or a cell empty (no age cap then);
 *   <li>{@code mode}: {@code liberal} or {@code centre_sante} (also {@code libéral},
 *       {@code centre-sante}, {@code cds}); absent means liberal;
 *   <li>{@code new_installation}: 1 for a liberal doctor with no liberal activity the year before,
 *       else 0 ({@code true}/{@code false} accepted); absent means 0.
 * </ul>
 *
 * <p>The rows of one doctor must agree on age, mode and new installation.
 */
public final class DoctorsCsv {

  private DoctorsCsv() {}

  /**
   * Reads a doctors file.
   *
   * @throws InputException on bad data, naming file, line and value
   */
  public static List<Doctor> read(Path path) throws IOException {
    return read(path, ReadOptions.defaults());
  }

  /**
   * Reads a doctors file with the given encoding and column names.
   *
   * @throws InputException on bad data, naming file, line and value
   */
  public static List<Doctor> read(Path path, ReadOptions options) throws IOException {
    try (CsvReader csv = CsvReader.open(path, options.encoding())) {
      ColumnMapping names = options.columns();
      int id = csv.requireColumn("doctor id", names.candidates(ColumnMapping.DOCTOR_ID));
      int code = csv.requireColumn("practice commune", names.candidates(ColumnMapping.COMMUNE));
      int acts = csv.requireColumn("acts", names.candidates(ColumnMapping.ACTS));
      int age = csv.column(names.candidates(ColumnMapping.AGE));
      int mode = csv.column(names.candidates(ColumnMapping.MODE));
      int fresh = csv.column(names.candidates(ColumnMapping.NEW_INSTALLATION));
      List<Doctor> out = new ArrayList<>();
      Map<String, Integer> firstRow = new HashMap<>();
      Map<String, Long> firstLine = new HashMap<>();
      Map<String, Long> practiceLine = new HashMap<>();
      List<String> f;
      while ((f = csv.next()) != null) {
        String doctor = f.get(id).trim();
        if (doctor.isEmpty()) {
          throw csv.error("doctor id is empty");
        }
        String commune = f.get(code).trim();
        if (commune.isEmpty()) {
          throw csv.error("practice commune of doctor " + doctor + " is empty");
        }
        double a = PopulationCsv.nonNegative(csv, f, acts, "acts");
        int years = Doctor.UNKNOWN_AGE;
        if (age >= 0 && !f.get(age).isBlank()) {
          double v = csv.number(f, age, "age");
          if (v != Math.rint(v) || v < 0 || v > 120) {
            throw csv.error("age must be a whole number of years from 0 to 120, given: "
                + f.get(age).trim());
          }
          years = (int) v;
        }
        PracticeMode m = mode < 0 ? PracticeMode.LIBERAL : mode(csv, f.get(mode));
        boolean n = fresh >= 0 && flag(csv, f.get(fresh));
        Doctor d = new Doctor(doctor, commune, a, years, m, n);
        Long dup = practiceLine.putIfAbsent(doctor + "\u0000" + commune, csv.line());
        if (dup != null) {
          throw csv.error("doctor " + doctor + " has practice commune " + commune
              + " twice (first at line " + dup + ")");
        }
        Integer first = firstRow.putIfAbsent(doctor, out.size());
        if (first != null) {
          Doctor p = out.get(first);
          if (p.age() != years || p.mode() != m || p.newInstallation() != n) {
            throw csv.error("doctor " + doctor + " has age " + show(years) + ", mode "
                + m.name().toLowerCase(Locale.ROOT) + ", new_installation " + (n ? 1 : 0)
                + " here but age " + show(p.age()) + ", mode "
                + p.mode().name().toLowerCase(Locale.ROOT) + ", new_installation "
                + (p.newInstallation() ? 1 : 0) + " at line " + firstLine.get(doctor));
          }
        } else {
          firstLine.put(doctor, csv.line());
        }
        out.add(d);
      }
      if (out.isEmpty()) {
        throw new InputException(csv.source(), 0, "no doctor below the header");
      }
      return out;
    }
  }

  private static String show(int age) {
    return age == Doctor.UNKNOWN_AGE ? "unknown" : Integer.toString(age);
  }

  /** Parses a practice mode, or throws the reader's error. */
  static PracticeMode mode(CsvReader csv, String text) {
    PracticeMode m = parseMode(text);
    if (m == null) {
      throw csv.error("mode must be liberal or centre_sante, given: '" + text.trim() + "'");
    }
    return m;
  }

  /**
   * Returns the practice mode written {@code liberal}, {@code centre_sante} or a usual variant
   * ({@code libéral}, {@code cds}…), ignoring case, or null for anything else.
   */
  public static PracticeMode parseMode(String text) {
    switch (CsvReader.lower(text)) {
      case "liberal":
      case "libéral":
      case "liberale":
      case "libérale":
        return PracticeMode.LIBERAL;
      case "centre_sante":
      case "centre-sante":
      case "centre_santé":
      case "centre de santé":
      case "centre de sante":
      case "cds":
        return PracticeMode.CENTRE_SANTE;
      default:
        return null;
    }
  }

  /** Parses a new-installation flag, or throws the reader's error. */
  static boolean flag(CsvReader csv, String text) {
    Boolean b = parseFlag(text);
    if (b == null) {
      throw csv.error("new_installation must be 0 or 1, given: '" + text.trim() + "'");
    }
    return b;
  }

  /**
   * Returns a new-installation flag written {@code 0}/{@code 1}, {@code true}/{@code false},
   * {@code oui}/{@code non} or empty (false), or null for anything else.
   */
  public static Boolean parseFlag(String text) {
    switch (CsvReader.lower(text)) {
      case "":
      case "0":
      case "false":
      case "non":
        return Boolean.FALSE;
      case "1":
      case "true":
      case "oui":
        return Boolean.TRUE;
      default:
        return null;
    }
  }
}
