package fr.apl.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.io.csv.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointsTest {

  @TempDir
  Path dir;

  private Path file(String text) throws IOException {
    Path p = dir.resolve("points.csv");
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void readsTheSharedFileLayoutWithCodesAsText() throws IOException {
    Path p = file("code_commune,commune,lat,lon,x_l93,y_l93,source\n"
        + "01001,L'Abergement-Clémenciat,46.1534255214,4.92611354223,848637,6563325,laposte\n"
        + "2A004,Ajaccio,41.9347,8.7011,1177000,6114000,laposte\n");
    Points w = Points.read(p, Points.Crs.WGS84);
    assertArrayEquals(new String[] {"01001", "2A004"}, w.codes());
    assertEquals(46.1534255214, w.latitude(0));
    assertEquals(4.92611354223, w.longitude(0));
    Points l = Points.read(p, Points.Crs.LAMBERT93);
    // x, y rounded to the metre: the same place within 1e-5 degree.
    assertEquals(46.1534255214, l.latitude(0), 1e-5);
    assertEquals(4.92611354223, l.longitude(0), 1e-5);
  }

  @Test
  void acceptsTheOtherColumnNamesAndSeparators() throws IOException {
    Points p = Points.read(file("commune;latitude;lng\n43157;45,0434;3,8858\n"), Points.Crs.WGS84);
    assertEquals("43157", p.code(0));
    assertEquals(45.0434, p.latitude(0));
    assertEquals(3.8858, p.longitude(0));
    Points q = Points.read(file("code,x,y\n75056,652297,6861636\n"), Points.Crs.LAMBERT93);
    assertEquals(48.8530, q.latitude(0), 2e-5);
    assertEquals(2.3499, q.longitude(0), 3e-5);
  }

  @Test
  void skipsRowsWithoutCoordinatesWithAWarning() throws IOException {
    Path p = file("code_commune,commune,lat,lon,x_l93,y_l93,source\n"
        + "85164,A,46.7,-1.1,350000,6640000,laposte\n"
        + "85165,Oie,,,,,missing\n");
    Points w = Points.read(p, Points.Crs.WGS84);
    assertEquals(1, w.size());
    assertEquals(
        List.of(p + ":3: commune 85165 has no coordinates: left out of the times"), w.warnings());
    assertEquals(1, Points.read(p, Points.Crs.LAMBERT93).warnings().size());
  }

  @Test
  void listsEveryBadRowWithFileLineAndValue() throws IOException {
    Path p = file("code,lat,lon\n"
        + "01001,46.1,4.9\n"
        + "01001,46.2,4.8\n"
        + ",46.2,4.8\n"
        + "01003,ninety,4.8\n"
        + "01004,91,4.8\n"
        + "01005,46,-181\n"
        + "01006,46,\n"
        + "01007,46,4,extra\n");
    InputException e = assertThrows(InputException.class, () -> Points.read(p, Points.Crs.WGS84));
    assertEquals(p + ":3: commune 01001 is given twice (first at line 2)", e.getMessage());
    List<String> others = e.others().stream().map(InputException::getMessage).toList();
    assertEquals(6, others.size(), others.toString());
    assertEquals(p + ":4: commune code is empty", others.get(0));
    assertEquals(p + ":5: latitude of 01003 must be a number, given: 'ninety'", others.get(1));
    assertEquals(
        p + ":6: latitude must be in [-90, 90] degrees, given: 91.0 (01004)", others.get(2));
    assertEquals(
        p + ":7: longitude must be in [-180, 180] degrees, given: -181.0 (01005)", others.get(3));
    assertTrue(others.get(4).startsWith(p + ":8: commune 01006 has its longitude empty"));
    assertTrue(others.get(5).startsWith(p + ":9: expected 3 fields"), others.get(5));
  }

  @Test
  void refusesCodesThatWouldBreakTheTimesTable() throws IOException {
    Path p = file("code,lat,lon\n\"A,1\",46.1,4.9\n\"B\"\"2\",46.1,4.9\nC;3,46.1,4.9\n");
    InputException e = assertThrows(InputException.class, () -> Points.read(p, Points.Crs.WGS84));
    assertEquals(
        p + ":2: code A,1 holds a comma, a semicolon, a quote or a line break: give codes"
            + " without them",
        e.getMessage());
    assertEquals(2, e.others().size());
  }

  @Test
  void refusesLambertOutsideFranceAndAMissingColumn() throws IOException {
    Path p = file("code,x,y\n01001,-5,6600000\n01002,700000,100\n");
    InputException e =
        assertThrows(InputException.class, () -> Points.read(p, Points.Crs.LAMBERT93));
    assertEquals(
        p + ":2: x (Lambert-93) must be in [0, 1500000] metres, given: -5 (01001)", e.getMessage());
    assertEquals(1, e.others().size());
    InputException m = assertThrows(InputException.class, () -> Points.read(p, Points.Crs.WGS84));
    assertTrue(
        m.getMessage().contains(": no latitude column: expected one of lat, latitude"),
        m.getMessage());
  }

  @Test
  void inMemoryPointsAreChecked() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Points.of(new String[] {"a", "a"}, new double[2], new double[2]));
    assertThrows(
        IllegalArgumentException.class,
        () -> Points.of(new String[] {"a"}, new double[] {95}, new double[1]));
  }
}
