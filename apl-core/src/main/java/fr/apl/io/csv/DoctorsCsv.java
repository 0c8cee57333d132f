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
    try (CsvReader csv = CsvReader.open(path)) {
      int id = csv.requireColumn("doctor id", "doctor_id", "id", "medecin");
      int code = csv.requireColumn("practice commune", PopulationCsv.COMMUNE);
      int acts = csv.requireColumn("acts", "acts", "actes", "activity");
      int age = csv.column("age");
      int mode = csv.column("mode");
      int fresh = csv.column("new_installation", "nouvelle_installation");
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

  private static PracticeMode mode(CsvReader csv, String text) {
    String t = CsvReader.lower(text);
    switch (t) {
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
        throw csv.error("mode must be liberal or centre_sante, given: '" + text.trim() + "'");
    }
  }

  private static boolean flag(CsvReader csv, String text) {
    String t = CsvReader.lower(text);
    switch (t) {
      case "":
      case "0":
      case "false":
      case "non":
        return false;
      case "1":
      case "true":
      case "oui":
        return true;
      default:
        throw csv.error("new_installation must be 0 or 1, given: '" + text.trim() + "'");
    }
  }
}
