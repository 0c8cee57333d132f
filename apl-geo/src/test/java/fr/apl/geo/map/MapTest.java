package fr.apl.geo.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.commune.CodeHistory;
import fr.apl.geo.CommuneShapes;
import fr.apl.geo.Lambert93;
import fr.apl.geo.MapClasses;
import fr.apl.geo.ResultTable;
import fr.apl.geo.Samples;
import fr.apl.io.csv.InputException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Maps of hand-made values on the bundled polygons of Haute-Loire and of France. */
class MapTest {

  static CommuneShapes france;

  static Path samples() {
    return Samples.folder();
  }

  @BeforeAll
  static void read() throws IOException {
    france = CommuneShapes.read(
        samples().resolve("geo/communes_cog2018_france.geojson.gz"), "code", "nom");
  }

  /** Values for four Haute-Loire communes, one per class, and a fifth with no value. */
  private static ResultTable values(Path dir) throws IOException {
    Path f = dir.resolve("values.csv");
    Files.writeString(
        f,
        "commune,apl,population\n"
            + "43157,1.5,18000\n" // Le Puy-en-Velay: [0; 2.5[
            + "43268,2.5,2500\n" // on the edge: [2.5; 4[
            + "43012,3.99,5000\n" // Aurec-sur-Loire: [2.5; 4[
            + "43244,4,1000\n" // on the edge: [4; +inf[
            + "43137,,300\n",
        StandardCharsets.UTF_8);
    return ResultTable.read(f);
  }

  private static CommuneMap.Result map(ResultTable t) {
    return CommuneMap.build(
        france,
        new CommuneMap.Request(
            t,
            "apl",
            null,
            false,
            null,
            null,
            "population",
            Set.of("43"),
            null,
            null,
            CodeHistory.none(),
            "t",
            "legend",
            List.of("source"),
            "fr"));
  }

  @Test
  void classesAreHalfOpenAsDreesWritesThem() {
    MapClasses c = MapClasses.drees();
    assertEquals(List.of("[0; 2.5[", "[2.5; 4[", "[4; +∞["), c.labels());
    assertEquals(0, c.classOf(2.4999));
    assertEquals(1, c.classOf(2.5));
    assertEquals(1, c.classOf(3.9999));
    assertEquals(2, c.classOf(4));
    assertEquals(-1, c.classOf(Double.NaN));
  }

  @Test
  void quantilesSplitThePopulationEvenly() {
    double[] v = {1, 2, 3, 4, 5, 6};
    double[] w = {1, 1, 1, 1, 1, 1};
    MapClasses q = MapClasses.quantiles(3, v, w);
    assertEquals(0, q.classOf(2));
    assertEquals(1, q.classOf(3));
    assertEquals(1, q.classOf(4));
    assertEquals(2, q.classOf(5));
    // Weighted: the commune of value 1 holds most people.
    MapClasses heavy = MapClasses.quantiles(2, v, new double[] {10, 1, 1, 1, 1, 1});
    assertEquals(1, heavy.classOf(2));
  }

  @Test
  void legendCountsCommunesAndInhabitantsPerClass(@TempDir Path dir) throws IOException {
    CommuneMap.Result r = map(values(dir));
    long[] n = r.map().communesByClass();
    double[] p = r.map().inhabitantsByClass();
    assertEquals(1, n[0]);
    assertEquals(2, n[1]);
    assertEquals(1, n[2]);
    assertEquals(18000, p[0]);
    assertEquals(7500, p[1]);
    assertEquals(1000, p[2]);
    // Every other commune of Haute-Loire is drawn, hatched: 257 in COG 2018 (one has an empty
    // value, the rest are absent from the values).
    assertEquals(257, r.drawn());
    assertEquals(253, n[3]);
    assertTrue(
        r.notes().stream().anyMatch(s -> s.startsWith("253 communes drawn without a value")),
        r.notes().toString());
  }

  /** The pixel at a point inside a commune has its class colour. */
  @Test
  void pngHasTheClassColourAtKnownCommunes(@TempDir Path dir) throws IOException {
    CommuneMap.Result r = map(values(dir));
    int width = 2000;
    BufferedImage img = r.map().png(width);
    double s = width / (double) ChoroplethMap.WIDTH;
    Map<String, Integer> classOf = Map.of("43157", 0, "43012", 1, "43244", 2);
    for (Map.Entry<String, Integer> e : classOf.entrySet()) {
      Geometry g = Lambert93.project(france.byCode().get(e.getKey()).geometry());
      Point inside = g.getInteriorPoint();
      double[] u = r.map().layout(inside.getX(), inside.getY());
      int rgb = img.getRGB((int) Math.round(u[0] * s), (int) Math.round(u[1] * s)) & 0xffffff;
      Color want = r.classes().color(e.getValue());
      assertEquals(want.getRGB() & 0xffffff, rgb, e.getKey());
    }
  }

  @Test
  void svgParsesWithOneShapePerCommune(@TempDir Path dir) throws Exception {
    CommuneMap.Result r = map(values(dir));
    StringWriter w = new StringWriter();
    r.map().writeSvg(w);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8)));
    Element communes = null;
    NodeList groups = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
    for (int k = 0; k < groups.getLength(); k++) {
      Element g = (Element) groups.item(k);
      if (g.getAttribute("id").equals("communes")) {
        communes = g;
      }
    }
    NodeList paths = communes.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
    assertEquals(r.drawn(), paths.getLength());
    int puy = 0;
    for (int k = 0; k < paths.getLength(); k++) {
      Element p = (Element) paths.item(k);
      if (p.getAttribute("data-code").equals("43157")) {
        puy++;
        assertEquals(r.classes().hex(0), p.getAttribute("fill"));
        assertTrue(p.getTextContent().contains("43157 Puy-en-Velay: 1.50"), p.getTextContent());
      }
    }
    assertEquals(1, puy);
  }

  /** Merged communes are dissolved into the current one: the area is kept, the parts gone. */
  @Test
  void dissolvingMergedCommunesKeepsTheArea() throws IOException {
    CodeHistory h = fr.apl.io.csv.CodeHistoryCsv.read(
        samples().resolve("geo/cog_anciens_codes.csv"), fr.apl.io.csv.ReadOptions.defaults());
    CommuneShapes current = france.current(h);
    double before = 0;
    for (CommuneShapes.Shape s : france.byCode().values()) {
      before += Lambert93.project(s.geometry()).getArea();
    }
    double after = 0;
    for (CommuneShapes.Shape s : current.byCode().values()) {
      after += Lambert93.project(s.geometry()).getArea();
      assertTrue(!h.isOld(s.code()), s.code());
    }
    assertTrue(current.byCode().size() < france.byCode().size());
    // The union removes only the slivers where simplified neighbours overlapped.
    assertEquals(before, after, before * 1e-4);
  }

  @Test
  void aNumericCodeIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.geojson");
    Files.writeString(
        f,
        "{\"type\":\"FeatureCollection\",\"features\":[\n"
            + "{\"type\":\"Feature\",\"properties\":{\"code\":1001},\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[4,46],[4.1,46],[4.1,46.1],[4,46]]]}}]}\n");
    InputException e =
        assertThrows(InputException.class, () -> CommuneShapes.read(f, "code", null));
    assertEquals(2, e.line());
    assertTrue(e.problem().contains("is a number"), e.problem());
    Path twice = dir.resolve("twice.geojson");
    String feature = "{\"type\":\"Feature\",\"properties\":{\"code\":\"01001\"},\"geometry\":"
        + "{\"type\":\"Polygon\",\"coordinates\":[[[4,46],[4.1,46],[4.1,46.1],[4,46]]]}}";
    Files.writeString(
        twice,
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + feature + ",\n" + feature + "]}");
    assertTrue(assertThrows(InputException.class, () -> CommuneShapes.read(twice, "code", null))
        .problem()
        .contains("given twice (first at line 2)"));
    Path projected = dir.resolve("l93.geojson");
    Files.writeString(
        projected,
        "{\"type\":\"FeatureCollection\",\"features\":["
            + feature.replace(
                "[[[4,46],[4.1,46],[4.1,46.1],[4,46]]]",
                "[[[700000,6600000],[700100,6600000],[700100,6600100],[700000,6600000]]]")
            + "]}");
    assertTrue(assertThrows(InputException.class, () -> CommuneShapes.read(projected, "code", null))
        .problem()
        .contains("not a longitude/latitude"));
  }
}
