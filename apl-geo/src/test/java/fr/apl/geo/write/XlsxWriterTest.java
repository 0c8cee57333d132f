package fr.apl.geo.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxWriterTest {

  /** Reads the cells' number formats too. */
  private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, false);

  @TempDir
  Path dir;

  private static byte[] write(FeatureTable t) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxWriter.write(t, out);
    return out.toByteArray();
  }

  private static List<Row> rows(ReadableWorkbook wb, String sheet) throws IOException {
    return wb.findSheet(sheet)
        .orElseThrow(() -> new AssertionError("no sheet " + sheet))
        .read();
  }

  /** A cell that holds nothing: absent from the row, or present and empty. */
  private static boolean isEmpty(Row row, int c) {
    return row.getOptionalCell(c).map(cell -> cell.getType() == CellType.EMPTY).orElse(true);
  }

  @Test
  void sheetsHeaderCodesAndFullNumbers() throws IOException {
    try (ReadableWorkbook wb = new ReadableWorkbook(
        new ByteArrayInputStream(write(WriterFixtures.small())), WITH_FORMATS)) {
      assertEquals(
          List.of("apl", "figures", "parameters"),
          wb.getSheets().map(Sheet::getName).collect(Collectors.toList()));

      List<Row> rows = rows(wb, "apl");
      assertEquals(4, rows.size(), "header and 3 places");
      List<String> header = new ArrayList<>();
      for (Cell c : rows.get(0)) {
        header.add(c.getText());
      }
      assertEquals(List.of("code", "name", "apl", "population", "class"), header);

      Row r1 = rows.get(1);
      Cell code = r1.getCell(0);
      assertEquals(CellType.STRING, code.getType(), "the code is text, not a number");
      assertEquals("01001", code.asString());
      assertEquals("L'Abergement-Clémenciat", r1.getCell(1).asString());
      Cell apl = r1.getCell(2);
      assertEquals(CellType.NUMBER, apl.getType());
      // Stored whole, displayed with 2 decimals.
      assertEquals(WriterFixtures.APL_01001, apl.asNumber().doubleValue());
      assertEquals("0.00", apl.getDataFormatString());
      Cell population = r1.getCell(3);
      assertEquals(WriterFixtures.POPULATION_01001, population.asNumber().doubleValue());
      assertEquals("#,##0", population.getDataFormatString());
      assertEquals("faible", r1.getCell(4).asString());

      Row r2 = rows.get(2);
      assertEquals(CellType.STRING, r2.getCell(0).getType());
      assertEquals("2A004", r2.getCell(0).asString());
      assertEquals("Ajaccio, façade maritime", r2.getCell(1).asString());
      assertTrue(isEmpty(r2, 2), "NaN is an empty cell: " + r2);
      assertEquals(WriterFixtures.POPULATION_2A004, r2.getCell(3).asNumber().doubleValue());

      Row r3 = rows.get(3);
      assertEquals("75056", r3.getCell(0).asString());
      assertEquals(WriterFixtures.APL_75056, r3.getCell(2).asNumber().doubleValue());
      assertEquals(WriterFixtures.POPULATION_75056, r3.getCell(3).asNumber().doubleValue());
      assertTrue(isEmpty(r3, 4), "a null class is an empty cell");

      List<Row> figures = rows(wb, "figures");
      assertEquals(3, figures.size());
      assertEquals("figure", figures.get(0).getCell(0).asString());
      assertEquals("communes", figures.get(1).getCell(0).asString());
      assertEquals(3, figures.get(1).getCell(1).asNumber().intValue());
      assertEquals(3.79, figures.get(2).getCell(1).asNumber().doubleValue());

      List<Row> parameters = rows(wb, "parameters");
      assertEquals(3, parameters.size());
      assertEquals(
          List.of("name", "value", "source"),
          List.of(
              parameters.get(0).getCell(0).asString(),
              parameters.get(0).getCell(1).asString(),
              parameters.get(0).getCell(2).asString()));
      assertEquals("maxMinutes", parameters.get(1).getCell(0).asString());
      assertEquals("20", parameters.get(1).getCell(1).asString());
      assertEquals(CellType.STRING, parameters.get(1).getCell(1).getType());
      assertEquals("--decay", parameters.get(2).getCell(2).asString());
    }
  }

  /** What the reader does not expose: checked in the sheet's XML (ECMA-376 part 1, 18.3). */
  @Test
  void headerIsBoldFrozenAndFiltered() throws IOException {
    byte[] xlsx = write(WriterFixtures.small());
    String sheet = entry(xlsx, "xl/worksheets/sheet1.xml");
    assertTrue(sheet.contains("<autoFilter ref=\"A1:E4\""), sheet);
    assertTrue(sheet.contains("ySplit=\"1\"") && sheet.contains("state=\"frozen\""), sheet);
    assertTrue(sheet.contains("<cols>"), "column widths: " + sheet);
    String styles = entry(xlsx, "xl/styles.xml");
    assertTrue(styles.contains("<b/>") || styles.contains("<b val=\"true\"/>"), styles);
    String app = entry(xlsx, "docProps/app.xml");
    assertTrue(app.contains("<Application>apl</Application>"), app);
  }

  /** Reads an entry through the zip's central directory (the entries stream data descriptors). */
  private String entry(byte[] xlsx, String name) throws IOException {
    Path file = dir.resolve("book.xlsx");
    Files.write(file, xlsx);
    try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      ZipEntry e = zip.getEntry(name);
      if (e == null) {
        throw new AssertionError("no " + name + " in the workbook");
      }
      return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void noFiguresNoFiguresSheetAndNamesStayDistinct() throws IOException {
    FeatureTable small = WriterFixtures.small();
    FeatureTable t = new FeatureTable(
        "Parameters", small.columns(), small.rows(), small.parameters(), List.of());
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(write(t)))) {
      List<String> names = wb.getSheets().map(Sheet::getName).collect(Collectors.toList());
      assertEquals(List.of("Parameters", "parameters_2"), names);
      assertFalse(names.contains("figures"));
    }
  }

  @Test
  void leavesTheStreamOpenAndWritesAnEmptySheet() throws IOException {
    FeatureTable small = WriterFixtures.small();
    WriterFixtures.CloseRecorder out = new WriterFixtures.CloseRecorder();
    XlsxWriter.write(
        new FeatureTable("apl", small.columns(), List.of(), List.of(), List.of()), out);
    assertFalse(out.closed);
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertEquals(1, rows(wb, "apl").size(), "the header alone");
    }
  }

  @Test
  void sheetNamesAreMadeValid() {
    List<String> used = new ArrayList<>();
    assertEquals("a-b-c", XlsxWriter.sheetName("a/b:c", used));
    assertEquals("A-B-C_2", XlsxWriter.sheetName("A/B:C", used));
    String longName = "x".repeat(40);
    assertEquals(31, XlsxWriter.sheetName(longName, used).length());
    assertEquals("x".repeat(29) + "_2", XlsxWriter.sheetName(longName, used));
  }

  @Test
  void ogrinfoReadsIt() throws Exception {
    WriterFixtures.ogrinfo();
    Path file = dir.resolve("apl.xlsx");
    Files.write(file, write(WriterFixtures.small()));
    String info = WriterFixtures.runOgrinfo(file);
    assertTrue(info.contains("Layer name: apl"), info);
    assertTrue(info.contains("Feature Count: 3"), info);
    assertTrue(info.contains("code: String"), info);
    assertTrue(info.contains("apl: Real"), info);
    assertTrue(info.contains("Layer name: parameters"), info);
  }
}
