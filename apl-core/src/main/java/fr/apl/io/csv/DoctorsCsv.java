package fr.apl.io.csv;

import fr.apl.problem.Check;
import fr.apl.problem.Problems;
import fr.apl.supply.Activity;
import fr.apl.supply.Doctor;
import fr.apl.supply.PracticeMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
   * Reads a doctors file, the first error thrown (with the others).
   *
   * @param path the doctors file, CSV plain or gzip
   * @return one doctor per row, in file order
   * @throws IOException when the file cannot be read
   * @throws InputException on bad data, naming file, line and value
   */
  public static List<Doctor> read(Path path) throws IOException {
    return read(path, ReadOptions.defaults());
  }

  /**
   * Reads a doctors file with the given encoding and column names, as {@link #read(Path)} does.
   *
   * @param path the doctors file, CSV plain or gzip
   * @param options encoding and column names, non-null
   * @return one doctor per row, in file order
   * @throws IOException when the file cannot be read
   * @throws InputException on bad data, naming file, line and value
   */
  public static List<Doctor> read(Path path, ReadOptions options) throws IOException {
    return ReadContext.failFast(options, ctx -> read(path, ctx));
  }

  /**
   * Reads a doctors file once, reporting every problem to the context's collector: the columns,
   * each row's doctor id, practice commune code, acts (a number, finite, &gt;= 0), age (whole
   * years from 0 to 120, or empty), mode and flag; a practice given twice for one doctor; rows
   * of one doctor that disagree on age, mode or flag; doctors with no act (a warning); a file
   * with no data row; Paris, Lyon or Marseille both whole and by arrondissement.
   *
   * @param path the doctors file, CSV plain or gzip
   * @param ctx read options, code rules and the collector of problems, non-null
   * @return the doctors of the rows without error, one per row in file order (the collector says
   *     whether there was an error), or null when the file cannot be read at all
   * @throws IOException when the file cannot be read
   */
  public static List<Doctor> read(Path path, ReadContext ctx) throws IOException {
    return read(path, ctx, Activity.ACTS);
  }

  /**
   * Reads a practitioners file as {@link #read(Path, ReadContext)} does, the activity in the
   * column the profession needs: {@code acts} (also {@code actes}, {@code activity}) or {@code
   * fte} (also {@code etp}), full-time equivalents from 0 to 10 at one practice. The value goes
   * into {@link Doctor#acts()} either way.
   *
   * @param path the practitioners file, CSV plain or gzip
   * @param ctx read options, code rules and the collector of problems, non-null
   * @param activity what the activity column measures, non-null
   * @return the practitioners of the rows without error, or null when the file cannot be read at
   *     all
   * @throws IOException when the file cannot be read
   */
  public static List<Doctor> read(Path path, ReadContext ctx, Activity activity)
      throws IOException {
    boolean fte = activity == Activity.FTE;
    String key = fte ? ColumnMapping.FTE : ColumnMapping.ACTS;
    String what = fte ? "fte" : "acts";
    try (CsvReader csv = CsvReader.open(path, ctx)) {
      if (csv == null) {
        return null;
      }
      Problems out = ctx.problems();
      String file = csv.source();
      List<String> header = csv.header();
      HeaderColumns columns =
          new HeaderColumns(out, file, 1, header, ctx.options().columns());
      int id = columns.require("doctor id", ColumnMapping.DOCTOR_ID);
      int code = columns.require("practice commune", ColumnMapping.COMMUNE);
      int acts = columns.require(what, key);
      int age = columns.optional("age", ColumnMapping.AGE);
      int mode = columns.optional("mode", ColumnMapping.MODE);
      int fresh = columns.optional("new_installation", ColumnMapping.NEW_INSTALLATION);
      if (!columns.ok()) {
        return null;
      }
      List<Doctor> doctors = new ArrayList<>();
      Map<String, Long> practiceLine = new HashMap<>();
      Map<String, String> profile = new HashMap<>();
      Map<String, Long> firstLine = new TreeMap<>();
      Map<String, Double> actsOf = new HashMap<>();
      Map<String, Long> codeSeen = new HashMap<>();
      List<String> f;
      long rows = 0;
      while ((f = csv.next()) != null) {
        rows++;
        long line = csv.line();
        String doctor = f.get(id).trim();
        boolean good = true;
        if (doctor.isEmpty()) {
          out.add(
              Check.INVALID_VALUE,
              file,
              line,
              null,
              "doctor id is empty",
              "give every doctor an identifier (RPPS or any stable id)");
          good = false;
        }
        String c = Rules.communeCode(ctx, file, line, f.get(code), null, "practice commune");
        double a = Rules.bounded(
            out,
            file,
            line,
            f.get(acts),
            what + " of doctor " + doctor,
            null,
            fte
                ? "full-time equivalents of the year at this practice"
                : "acts are consultations, visits and teleconsultations in the year",
            fte ? Rules.MAX_FTE : Rules.MAX_ACTS);
        good &= c != null && !Double.isNaN(a);
        String ageText = age >= 0 ? f.get(age).trim() : "";
        int years = Doctor.UNKNOWN_AGE;
        if (!ageText.isEmpty()) {
          double v = Numbers.parse(ageText);
          if (v != Math.rint(v) || v < 0 || v > 120) {
            out.add(
                Check.INVALID_VALUE,
                file,
                line,
                ageText,
                "age of doctor " + doctor + " must be a whole number of years from 0 to 120",
                "leave it empty if unknown");
            good = false;
          } else {
            years = (int) v;
          }
        }
        PracticeMode m = PracticeMode.LIBERAL;
        if (mode >= 0) {
          m = parseMode(f.get(mode));
          if (m == null) {
            out.add(
                Check.INVALID_VALUE,
                file,
                line,
                f.get(mode).trim(),
                "mode of doctor " + doctor + " must be liberal or centre_sante",
                null);
            good = false;
            m = PracticeMode.LIBERAL;
          }
        }
        Boolean n = fresh >= 0 ? parseFlag(f.get(fresh)) : Boolean.FALSE;
        if (n == null) {
          out.add(
              Check.INVALID_VALUE,
              file,
              line,
              f.get(fresh).trim(),
              "new_installation of" + " doctor " + doctor + " must be 0 or 1",
              null);
          good = false;
          n = Boolean.FALSE;
        }
        if (doctor.isEmpty()) {
          continue;
        }
        if (c != null) {
          codeSeen.putIfAbsent(c, line);
          Long dup = practiceLine.putIfAbsent(doctor + "\u0000" + c, line);
          if (dup != null) {
            out.add(
                Check.DUPLICATE_COMMUNE,
                file,
                line,
                c,
                "doctor " + doctor + " has this" + " practice commune twice, first at line " + dup,
                "keep one row per doctor" + " and practice, acts summed");
            good = false;
          }
        }
        String p = ageText + "|" + m + "|" + n;
        String before = profile.putIfAbsent(doctor, p);
        if (before != null && !before.equals(p)) {
          out.add(
              Check.INCONSISTENT_DOCTOR,
              file,
              line,
              doctor,
              "doctor " + doctor + " has" + " another age, mode or new_installation than at line "
                  + firstLine.get(doctor),
              "the rows of one doctor must agree");
          good = false;
        }
        firstLine.putIfAbsent(doctor, line);
        if (!Double.isNaN(a)) {
          actsOf.merge(doctor, a, Double::sum);
        }
        if (good) {
          doctors.add(new Doctor(doctor, c, a, years, m, n));
        }
      }
      if (rows == 0) {
        Rules.headerOnly(out, file, "no data below the header");
      }
      for (Map.Entry<String, Long> e : firstLine.entrySet()) {
        Double a = actsOf.get(e.getKey());
        if (a != null && a == 0) {
          out.add(
              Check.ZERO_ACTS,
              file,
              e.getValue(),
              null,
              "doctor " + e.getKey() + (fte ? " has no activity" : " has no act") + " in the year",
              "counted 0 unless a new installation: check the" + " extraction");
        }
      }
      Rules.wholeAndArrondissements(out, file, codeSeen);
      return doctors;
    }
  }

  /**
   * Returns the practice mode written {@code liberal}, {@code centre_sante} or a usual variant
   * ({@code libéral}, {@code cds}…), ignoring case, or null for anything else.
   *
   * @param text the field as read
   * @return the mode, or null when the text names none
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

  /**
   * Returns a new-installation flag written {@code 0}/{@code 1}, {@code true}/{@code false},
   * {@code oui}/{@code non} or empty (false), or null for anything else.
   *
   * @param text the field as read
   * @return the flag, or null when the text is none of these
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
