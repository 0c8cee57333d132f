package fr.apl.geo.report;

import fr.apl.geo.MapClasses;
import fr.apl.geo.map.ChoroplethMap;
import fr.apl.zoning.AreaFigures;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lays a {@link Report} out as one HTML5 page: inline style sheet (screen, and print on A4 with
 * no figure or table row cut across pages), no script, maps and histogram as inline SVG whose
 * element ids are prefixed so that several maps live in one page.
 */
final class ReportHtml {

  /** The style sheet: system fonts only, the DREES class colours, A4 print rules. */
  private static final String CSS = String.join(
      "\n",
      ":root{--ink:#1a1a1a;--muted:#595959;--rule:#d8d8d8;--accent:#990000;--band:#faf6f1}",
      "*{box-sizing:border-box}",
      "html{background:#eeece8;color:var(--ink);"
          + "font-family:\"DejaVu Sans\",\"Segoe UI\",Arial,sans-serif}",
      "body{margin:0 auto;max-width:1120px;padding:28px 40px 40px;background:#fff;"
          + "font-size:15px;line-height:1.45}",
      "header{border-bottom:3px solid var(--accent);padding-bottom:10px;margin-bottom:8px}",
      "h1{font-size:27px;margin:0 0 6px}",
      "h2{font-size:20px;margin:30px 0 10px;padding-bottom:3px;border-bottom:1px solid var(--rule)}",
      "h3{font-size:17px;margin:22px 0 8px}",
      ".sub{color:var(--muted);margin:0}",
      ".estimates{background:#fff4e0;border-left:4px solid #e08a00;padding:6px 10px;margin:10px 0}",
      ".key{background:var(--band);border:1px solid #eadfce;border-radius:6px;padding:10px 16px}",
      "ul.sentences{margin:0;padding:0;list-style:none}",
      "ul.sentences li{margin:6px 0;padding-left:14px;text-indent:-14px}",
      "ul.sentences li::before{content:\"\\25A0\";color:var(--accent);margin-right:6px}",
      "ul.sentences li.capped::before{color:#fc8d59}",
      ".note{color:var(--muted);font-size:13px;margin:6px 0}",
      "figure{margin:10px 0;break-inside:avoid;page-break-inside:avoid}",
      "figure svg{display:block;width:100%;height:auto}",
      "figcaption{color:var(--muted);font-size:13px;margin-top:4px}",
      ".pair{display:grid;grid-template-columns:1fr 1fr;gap:14px;align-items:start}",
      ".pair>*{min-width:0}",
      "@media (max-width:900px){.pair.tables{grid-template-columns:1fr}}",
      "table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0 12px}",
      "caption{text-align:left;font-weight:bold;font-size:14px;padding:4px 0}",
      "th,td{padding:3px 7px;border-bottom:1px solid #e6e6e6;text-align:left;vertical-align:top}",
      "thead th{border-bottom:2px solid #bdbdbd;background:#f7f7f7}",
      "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}",
      "td.n{white-space:nowrap}",
      "tr.total td{font-weight:bold;border-top:2px solid #bdbdbd}",
      "td.hash{font-family:\"DejaVu Sans Mono\",Consolas,monospace;font-size:11px;"
          + "word-break:break-all}",
      ".sw{display:inline-block;width:11px;height:11px;margin-right:5px;"
          + "border:1px solid #777;vertical-align:-1px}",
      "footer{margin-top:28px;color:var(--muted);font-size:12px;border-top:1px solid var(--rule);"
          + "padding-top:8px}",
      "@page{size:A4;margin:12mm}",
      "@media print{",
      "html{background:#fff}",
      "body{max-width:none;padding:0;font-size:10pt}",
      "h1{font-size:18pt}h2{font-size:13pt;break-after:avoid;page-break-after:avoid}",
      "h3{break-after:avoid;page-break-after:avoid}",
      "figure svg{max-height:235mm}",
      ".pair figure svg{max-height:120mm}",
      "tr,li,.key{break-inside:avoid;page-break-inside:avoid}",
      "table{font-size:8.5pt}",
      "th,td{padding:2px 4px}",
      "table.departments{font-size:7.5pt}",
      ".pair.tables{grid-template-columns:1fr}",
      "thead{display:table-header-group}",
      "section.page{break-before:page;page-break-before:always}",
      "}");

  /** Maps of more communes than this (a region has fewer) draw their paths with {@link #STEP}. */
  static final int LARGE_MAP = 5000;

  /**
   * The step of a large map's paths, in layout units: half a pixel of the 1 000 units of a map's
   * width, 0.1 mm on A4. France's report (two maps) goes from 57 to 23 MB; the seams between
   * communes show a little more when zoomed in.
   */
  static final double STEP = 0.5;

  private final Report report;
  private final ReportWords words;
  private final Writer out;
  private final StringBuilder b = new StringBuilder(1 << 16);
  private int svgs;

  ReportHtml(Report report, Writer out) {
    this.report = report;
    this.words = report.words();
    this.out = out;
  }

  private String t(ReportText text) {
    return words.t(text);
  }

  private String t(ReportText text, Object... args) {
    return words.t(text, args);
  }

  private static String esc(String s) {
    return ChoroplethMap.xml(s == null ? "" : s);
  }

  private void flush() throws IOException {
    out.append(b);
    b.setLength(0);
  }

  void write() throws IOException {
    Report.Request r = report.request();
    String column = r.column();
    b.append("<!DOCTYPE html>\n<html lang=\"")
        .append(t(ReportText.HTML_LANG))
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"")
        .append(esc(r.generator()))
        .append("\">\n<title>")
        .append(esc(report.title()))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("\n</style>\n</head>\n<body>\n");
    b.append("<header>\n<h1>")
        .append(esc(report.title()))
        .append("</h1>\n<p class=\"sub\">")
        .append(esc(t(ReportText.SUBTITLE, column, r.values().source().replaceAll(".*/", ""))))
        .append("</p>\n</header>\n");
    if (r.estimates()) {
      b.append("<p class=\"estimates\">").append(esc(t(ReportText.ESTIMATES))).append("</p>\n");
    }
    summary();
    mapSection();
    departments();
    distribution();
    extremes();
    capped();
    zoning();
    scenarios();
    inputs();
    b.append("<footer>")
        .append(esc(t(ReportText.METHOD_NOTE)))
        .append(' ')
        .append(esc(r.generator()))
        .append("</footer>\n</body>\n</html>\n");
    flush();
  }

  // ------------------------------------------------------------------------------- sections

  private void summary() {
    b.append("<section id=\"summary\">\n<h2>").append(esc(t(ReportText.SECTION_SUMMARY)));
    b.append("</h2>\n<div class=\"key\">\n<ul class=\"sentences\">\n");
    for (Report.Sentence s : report.sentences()) {
      if (s.level().equals("territory")) {
        sentence(s);
      }
    }
    b.append("</ul>\n</div>\n");
    AreaFigures all = report.figures().get(0);
    b.append("<p class=\"note\">")
        .append(
            esc(t(ReportText.MEAN_SENTENCE, words.decimal(all.variants().get(0).mean(), 2))))
        .append(' ')
        .append(esc(t(
            report.residents() ? ReportText.WEIGHT_RESIDENTS : ReportText.WEIGHT_STANDARDISED,
            report.weightColumn())))
        .append(' ')
        .append(esc(t(ReportText.THRESHOLDS_NOTE)))
        .append("</p>\n</section>\n");
  }

  private void sentence(Report.Sentence s) {
    boolean capped = !s.column().equals(report.request().column());
    b.append(capped ? "<li class=\"capped\">" : "<li>")
        .append("<strong>")
        .append(esc(s.label()))
        .append("</strong>")
        .append(esc(t(ReportText.AREA_SEPARATOR)))
        .append(esc(s.text()))
        .append("</li>\n");
  }

  private void mapSection() throws IOException {
    b.append("<section id=\"map\">\n<h2>")
        .append(esc(t(ReportText.SECTION_MAP)))
        .append("</h2>\n");
    figure(report.map(), t(ReportText.MAP_CAPTION));
    b.append("</section>\n");
  }

  private void departments() {
    if (report.departments().size() < 2) {
      return;
    }
    b.append("<section id=\"departments\">\n<h2>")
        .append(esc(t(ReportText.SECTION_DEPARTMENTS)))
        .append("</h2>\n<ul class=\"sentences\">\n");
    for (String d : report.departments()) {
      for (Report.Sentence s : report.sentences()) {
        if (s.level().equals("department") && s.area().equals(d)) {
          sentence(s);
        }
      }
    }
    b.append("</ul>\n");
    boolean capped = !report.cappedFigures().isEmpty();
    String age = report.cappedAge();
    b.append("<table class=\"departments\">\n<thead><tr><th rowspan=\"2\">")
        .append(esc(t(ReportText.DEPARTMENT)))
        .append("</th><th class=\"n\" rowspan=\"2\">")
        .append(esc(t(ReportText.COMMUNES_HEADER)))
        .append("</th><th class=\"n\" rowspan=\"2\">")
        .append(esc(t(ReportText.INHABITANTS_HEADER)))
        .append("</th><th class=\"n\" rowspan=\"2\">")
        .append(esc(t(ReportText.MEAN_HEADER)))
        .append("</th><th class=\"n\" colspan=\"3\">")
        .append(esc(t(ReportText.BELOW_25_HEADER)))
        .append("</th><th class=\"n\" colspan=\"2\">")
        .append(esc(t(ReportText.BELOW_1_HEADER)))
        .append("</th>");
    if (capped) {
      b.append("<th class=\"n\" colspan=\"3\">")
          .append(esc(
              age != null
                  ? t(ReportText.CAPPED_BELOW_25_HEADER, age)
                  : t(ReportText.CAPPED_BELOW_25_COLUMN_HEADER, report.cappedColumn())))
          .append("</th>");
    }
    b.append("</tr>\n<tr>");
    int groups = capped ? 3 : 2;
    for (int g = 0; g < groups; g++) {
      b.append("<th class=\"n\">")
          .append(esc(t(ReportText.COMMUNES_SHORT)))
          .append("</th><th class=\"n\">")
          .append(esc(t(ReportText.INHABITANTS_SHORT)))
          .append("</th>");
      if (g != 1) {
        b.append("<th class=\"n\">").append(esc(t(ReportText.SHARE_HEADER))).append("</th>");
      }
    }
    b.append("</tr></thead>\n<tbody>\n");
    List<AreaFigures> f = report.figures();
    List<AreaFigures> c = report.cappedFigures();
    for (int k = 1; k < f.size(); k++) {
      departmentRow(
          report.departmentName(f.get(k).code()), f.get(k), capped ? c.get(k) : null, false);
    }
    departmentRow(t(ReportText.TOTAL), f.get(0), capped ? c.get(0) : null, true);
    b.append("</tbody>\n</table>\n</section>\n");
  }

  private void departmentRow(String name, AreaFigures a, AreaFigures capped, boolean total) {
    AreaFigures.VariantFigures v = a.variants().get(0);
    b.append(total ? "<tr class=\"total\">" : "<tr>")
        .append("<td>")
        .append(esc(name))
        .append("</td>");
    num(words.integer(a.communes()));
    num(words.integer(a.population()));
    num(words.decimal(v.mean(), 2));
    num(words.integer(v.communesBelow()[1]));
    num(words.integer(v.populationBelow()[1]));
    num(words.percent(v.shareBelow(1, a.population())));
    num(words.integer(v.communesBelow()[0]));
    num(words.integer(v.populationBelow()[0]));
    if (capped != null) {
      AreaFigures.VariantFigures cv = capped.variants().get(0);
      num(words.integer(cv.communesBelow()[1]));
      num(words.integer(cv.populationBelow()[1]));
      num(words.percent(cv.shareBelow(1, capped.population())));
    }
    b.append("</tr>\n");
  }

  private void num(String text) {
    b.append("<td class=\"n\">").append(esc(text)).append("</td>");
  }

  private void distribution() {
    AreaFigures.VariantFigures v = report.figures().get(0).variants().get(0);
    b.append("<section id=\"distribution\">\n<h2>")
        .append(esc(t(ReportText.SECTION_DISTRIBUTION)))
        .append("</h2>\n<figure>\n")
        .append(ReportHistogram.svg(
            report.histogramValues(), report.histogramWeights(), v.mean(), words, "histogram"))
        .append("<figcaption>")
        .append(esc(t(
            ReportText.HISTOGRAM_CAPTION,
            words.decimal(ReportHistogram.BIN, 2),
            words.decimal(v.deciles()[0], 2),
            words.decimal(v.deciles()[4], 2),
            words.decimal(v.deciles()[8], 2))))
        .append("</figcaption>\n</figure>\n</section>\n");
  }

  private void extremes() {
    b.append("<section id=\"extremes\">\n<h2>")
        .append(esc(t(ReportText.SECTION_EXTREMES)))
        .append("</h2>\n<div class=\"pair tables\">\n");
    rows(t(ReportText.LOWEST, Report.EXTREMES), report.lowest());
    rows(t(ReportText.HIGHEST, Report.EXTREMES), report.highest());
    b.append("</div>\n<p class=\"note\">")
        .append(esc(t(ReportText.EXTREMES_NOTE)))
        .append("</p>\n</section>\n");
  }

  private void rows(String caption, List<Report.Row> rows) {
    boolean capped = report.cappedColumn() != null;
    b.append("<table class=\"extremes\">\n<caption>")
        .append(esc(caption))
        .append("</caption>\n<thead><tr><th>")
        .append(esc(t(ReportText.COMMUNE_HEADER)))
        .append("</th><th>")
        .append(esc(t(ReportText.CODE_HEADER)))
        .append("</th><th class=\"n\">")
        .append(esc(t(ReportText.APL_HEADER)))
        .append("</th>");
    if (capped) {
      String age = report.cappedAge();
      b.append("<th class=\"n\">")
          .append(esc(age != null ? t(ReportText.CAPPED_HEADER, age) : report.cappedColumn()))
          .append("</th>");
    }
    b.append("<th class=\"n\">")
        .append(esc(t(ReportText.INHABITANTS_HEADER)))
        .append("</th></tr></thead>\n<tbody>\n");
    for (Report.Row r : rows) {
      b.append("<tr><td>")
          .append(esc(r.name() == null ? "–" : r.name()))
          .append("</td><td>")
          .append(esc(r.code()))
          .append("</td>");
      classNum(r.value());
      if (capped) {
        classNum(r.capped());
      }
      num(words.integer(r.weight()));
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n");
  }

  /** An APL cell with the swatch of its DREES class. */
  private void classNum(double v) {
    MapClasses drees = MapClasses.drees();
    int k = drees.classOf(v);
    b.append("<td class=\"n\">");
    if (k >= 0) {
      b.append("<span class=\"sw\" style=\"background:").append(drees.hex(k)).append("\"></span>");
    }
    b.append(esc(words.decimal(v, 2))).append("</td>");
  }

  private void capped() throws IOException {
    if (report.cappedMap() == null) {
      return;
    }
    String age = report.cappedAge();
    b.append("<section id=\"capped\">\n<h2>")
        .append(esc(t(ReportText.SECTION_CAPPED)))
        .append("</h2>\n<p>")
        .append(esc(
            age != null
                ? t(ReportText.CAPPED_INTRO, age, report.cappedColumn())
                : t(ReportText.CAPPED_INTRO_COLUMN, report.cappedColumn())))
        .append("</p>\n<ul class=\"sentences\">\n");
    for (Report.Sentence s : report.sentences()) {
      if (s.level().equals("territory") && s.column().equals(report.cappedColumn())) {
        sentence(s);
      }
    }
    b.append("</ul>\n");
    figure(report.cappedMap(), t(ReportText.MAP_CAPTION));
    b.append("</section>\n");
  }

  private void zoning() throws IOException {
    Report.Zoning z = report.zoning();
    if (z == null) {
      return;
    }
    String file = z.file().getFileName().toString();
    b.append("<section id=\"zoning\">\n<h2>")
        .append(esc(t(ReportText.SECTION_ZONING)))
        .append("</h2>\n<p>")
        .append(esc(
            z.communes()
                ? t(ReportText.ZONING_INTRO_COMMUNES, file, report.weightColumn())
                : t(ReportText.ZONING_INTRO_TERRITORIES, file)))
        .append("</p>\n<table class=\"zoning\">\n<thead><tr><th>")
        .append(esc(t(ReportText.CLASS_HEADER)))
        .append("</th><th class=\"n\">")
        .append(esc(t(ReportText.TERRITORIES_HEADER)))
        .append("</th>");
    if (z.communes()) {
      b.append("<th class=\"n\">").append(esc(t(ReportText.COMMUNES_HEADER))).append("</th>");
    }
    b.append("<th class=\"n\">")
        .append(esc(t(ReportText.POPULATION_HEADER)))
        .append("</th><th class=\"n\">")
        .append(esc(t(ReportText.SHARE_HEADER)))
        .append("</th></tr></thead>\n<tbody>\n");
    double total = 0;
    int territories = 0;
    int communes = 0;
    for (Report.ZoningClass c : z.classes().values()) {
      total += c.population;
      territories += c.territories;
      communes += c.communes;
    }
    MapClasses colours = MapClasses.categories(new ArrayList<>(named(z.classes().keySet())));
    for (var e : z.classes().entrySet()) {
      Report.ZoningClass c = e.getValue();
      int k = colours.classOf(e.getKey());
      b.append("<tr><td>");
      if (k >= 0) {
        b.append("<span class=\"sw\" style=\"background:")
            .append(colours.hex(k))
            .append("\"></span>");
      }
      b.append(esc(e.getKey().isEmpty() ? t(ReportText.NO_CLASS) : e.getKey())).append("</td>");
      num(words.integer(c.territories));
      if (z.communes()) {
        num(words.integer(c.communes));
      }
      num(words.integer(c.population));
      num(words.percent(total > 0 ? c.population / total : Double.NaN));
      b.append("</tr>\n");
    }
    b.append("<tr class=\"total\"><td>").append(esc(t(ReportText.TOTAL))).append("</td>");
    num(words.integer(territories));
    if (z.communes()) {
      num(words.integer(communes));
    }
    num(words.integer(total));
    num(words.percent(total > 0 ? 1 : Double.NaN));
    b.append("</tr>\n</tbody>\n</table>\n");
    if (z.map() != null) {
      figure(z.map(), null);
    }
    b.append("</section>\n");
  }

  private static List<String> named(Set<String> classes) {
    List<String> out = new ArrayList<>();
    for (String c : classes) {
      if (!c.isEmpty()) {
        out.add(c);
      }
    }
    return out.isEmpty() ? List.of("") : out;
  }

  private void scenarios() throws IOException {
    List<Report.Scenario> list = report.scenarios();
    if (list.isEmpty()) {
      return;
    }
    String column = report.request().column();
    b.append("<section id=\"scenarios\">\n<h2>")
        .append(esc(t(ReportText.SECTION_SCENARIOS)))
        .append("</h2>\n<p>")
        .append(esc(t(ReportText.SCENARIOS_INTRO, column, column)))
        .append("</p>\n");
    AreaFigures base = report.figures().get(0);
    MapClasses drees = MapClasses.drees();
    for (Report.Scenario s : list) {
      String name = s.column().substring(column.length() + 1);
      b.append("<article class=\"scenario\">\n<h3>")
          .append(esc(t(ReportText.SCENARIO_TITLE, name)))
          .append(" <span class=\"note\">(")
          .append(esc(s.column()))
          .append(")</span></h3>\n");
      if (s.changed() == 0) {
        b.append("<p>").append(esc(t(ReportText.SCENARIO_UNCHANGED))).append("</p>\n</article>\n");
        continue;
      }
      AreaFigures after = s.figures().get(0);
      b.append("<p>")
          .append(esc(t(
              ReportText.SCENARIO_CHANGED,
              words.count(s.changed(), ReportText.COMMUNE, ReportText.COMMUNES))))
          .append("</p>\n");
      beforeAfter(base, after);
      b.append("<div class=\"pair\">\n");
      figure(s.before(), null);
      figure(s.after(), null);
      List<String> deps = new ArrayList<>();
      for (String d : s.departments()) {
        deps.add(report.departmentName(d));
      }
      b.append("</div>\n<p class=\"note\">")
          .append(esc(t(ReportText.SCENARIO_MAPS_CAPTION, String.join(", ", deps))))
          .append("</p>\n");
      if (s.changes().isEmpty()) {
        b.append("<p>").append(esc(t(ReportText.NO_CLASS_CHANGE))).append("</p>\n");
      } else {
        b.append("<table class=\"changes\">\n<caption>")
            .append(esc(t(
                ReportText.CLASS_CHANGES,
                words.count(s.changes().size(), ReportText.COMMUNE, ReportText.COMMUNES))))
            .append("</caption>\n<thead><tr><th>")
            .append(esc(t(ReportText.COMMUNE_HEADER)))
            .append("</th><th>")
            .append(esc(t(ReportText.CODE_HEADER)))
            .append("</th><th class=\"n\">")
            .append(esc(t(ReportText.BEFORE)))
            .append("</th><th class=\"n\">")
            .append(esc(t(ReportText.AFTER)))
            .append("</th><th>")
            .append(esc(t(ReportText.CLASS_BEFORE)))
            .append("</th><th>")
            .append(esc(t(ReportText.CLASS_AFTER)))
            .append("</th><th class=\"n\">")
            .append(esc(t(ReportText.INHABITANTS_HEADER)))
            .append("</th></tr></thead>\n<tbody>\n");
        int shown = Math.min(Report.MAX_CHANGES, s.changes().size());
        for (Report.Change c : s.changes().subList(0, shown)) {
          b.append("<tr><td>")
              .append(esc(c.name() == null ? "–" : c.name()))
              .append("</td><td>")
              .append(esc(c.code()))
              .append("</td>");
          classNum(c.before());
          classNum(c.after());
          b.append("<td>")
              .append(esc(words.classLabel(drees.labels().get(drees.classOf(c.before())))))
              .append("</td><td>")
              .append(esc(words.classLabel(drees.labels().get(drees.classOf(c.after())))))
              .append("</td>");
          num(words.integer(c.weight()));
          b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        if (shown < s.changes().size()) {
          b.append("<p class=\"note\">")
              .append(esc(t(ReportText.MORE_ROWS, words.integer(s.changes().size() - shown))))
              .append("</p>\n");
        }
      }
      b.append("</article>\n");
    }
    b.append("</section>\n");
  }

  /** The figures of a scenario's territory, before and after. */
  private void beforeAfter(AreaFigures before, AreaFigures after) {
    b.append("<table class=\"before-after\">\n<thead><tr><th rowspan=\"2\"></th>")
        .append("<th class=\"n\" rowspan=\"2\">")
        .append(esc(t(ReportText.MEAN_HEADER)))
        .append("</th>");
    for (ReportText h : new ReportText[] {
      ReportText.BELOW_1_HEADER, ReportText.BELOW_25_HEADER, ReportText.BELOW_4_HEADER
    }) {
      b.append("<th class=\"n\" colspan=\"2\">").append(esc(t(h))).append("</th>");
    }
    b.append("</tr>\n<tr>");
    for (int k = 0; k < 3; k++) {
      b.append("<th class=\"n\">")
          .append(esc(t(ReportText.COMMUNES_HEADER)))
          .append("</th><th class=\"n\">")
          .append(esc(t(ReportText.INHABITANTS_HEADER)))
          .append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (int k = 0; k < 2; k++) {
      AreaFigures a = k == 0 ? before : after;
      AreaFigures.VariantFigures v = a.variants().get(0);
      b.append("<tr><th>")
          .append(esc(t(k == 0 ? ReportText.BEFORE : ReportText.AFTER)))
          .append("</th>");
      num(words.decimal(v.mean(), 3));
      for (int i = 0; i < v.thresholds().length; i++) {
        num(words.integer(v.communesBelow()[i]));
        num(words.integer(v.populationBelow()[i]));
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n");
  }

  private void inputs() {
    Report.Request r = report.request();
    b.append("<section id=\"inputs\">\n<h2>")
        .append(esc(t(ReportText.SECTION_INPUTS)))
        .append("</h2>\n<table class=\"parameters\">\n<thead><tr><th>")
        .append(esc(t(ReportText.PARAMETER)))
        .append("</th><th>")
        .append(esc(t(ReportText.VALUE)))
        .append("</th></tr></thead>\n<tbody>\n");
    parameter(t(ReportText.P_COLUMN), r.column());
    parameter(
        t(ReportText.P_CAPPED),
        report.cappedColumn() == null ? t(ReportText.P_NONE) : report.cappedColumn());
    parameter(
        t(ReportText.P_WEIGHT),
        t(
            report.residents() ? ReportText.P_WEIGHT_RESIDENTS : ReportText.P_WEIGHT_STANDARDISED,
            report.weightColumn()));
    List<String> deps = new ArrayList<>();
    for (String d : report.departments()) {
      deps.add(report.departmentName(d));
    }
    parameter(t(ReportText.P_DEPARTMENTS), String.join(", ", deps));
    parameter(t(ReportText.P_CLASSES), t(ReportText.P_CLASSES_VALUE));
    List<String> sc = report.scenarioColumns();
    parameter(
        t(ReportText.P_SCENARIOS), sc.isEmpty() ? t(ReportText.P_NONE) : String.join(", ", sc));
    parameter(t(ReportText.P_GENERATOR), r.generator());
    b.append("</tbody>\n</table>\n<table class=\"files\">\n<thead><tr><th>")
        .append(esc(t(ReportText.INPUT_ROLE)))
        .append("</th><th>")
        .append(esc(t(ReportText.INPUT_FILE)))
        .append("</th><th class=\"n\">")
        .append(esc(t(ReportText.INPUT_SIZE)))
        .append("</th><th>")
        .append(esc(t(ReportText.INPUT_SHA256)))
        .append("</th></tr></thead>\n<tbody>\n");
    for (Report.FileFacts f : report.files()) {
      b.append("<tr><td>")
          .append(esc(f.role()))
          .append("</td><td>")
          .append(esc(f.name()))
          .append("</td>");
      num(words.integer(f.size()));
      b.append("<td class=\"hash\">").append(esc(f.sha256())).append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n<h3>").append(esc(t(ReportText.NOTES))).append("</h3>\n<ul>\n");
    if (r.estimates()) {
      b.append("<li>").append(esc(t(ReportText.ESTIMATES))).append("</li>\n");
    }
    for (String n : report.notes()) {
      b.append("<li>").append(esc(n)).append("</li>\n");
    }
    if (!r.estimates() && report.notes().isEmpty()) {
      b.append("<li>").append(esc(t(ReportText.NO_NOTE))).append("</li>\n");
    }
    b.append("</ul>\n</section>\n");
  }

  private void parameter(String name, String value) {
    b.append("<tr><th>")
        .append(esc(name))
        .append("</th><td>")
        .append(esc(value))
        .append("</td></tr>\n");
  }

  // ----------------------------------------------------------------------------------- maps

  /** Writes a map in a figure, with a caption unless null. */
  private void figure(ChoroplethMap map, String caption) throws IOException {
    b.append("<figure class=\"map\">\n");
    flush();
    svg(map);
    if (caption != null) {
      b.append("<figcaption>").append(esc(caption)).append("</figcaption>\n");
    }
    b.append("</figure>\n");
  }

  /**
   * Writes a map's SVG inline: without its XML prolog and fixed size (the style sheet sizes it),
   * a large map's paths coarsened to {@link #STEP},
   * its ids prefixed ({@code m1-nodata}…) so that each map's hatching pattern is its own, and
   * its DREES class labels in the report's language.
   */
  private void svg(ChoroplethMap map) throws IOException {
    String id = "m" + (++svgs);
    StringWriter w = new StringWriter(1 << 20);
    long communes = 0;
    for (long n : map.communesByClass()) {
      communes += n;
    }
    map.writeSvg(w, communes > LARGE_MAP ? STEP : 0);
    String s = w.toString();
    s = s.substring(s.indexOf("<svg"));
    s = s.replace(" id=\"", " id=\"" + id + "-").replace("url(#", "url(#" + id + "-");
    int end = s.indexOf('>');
    String open = s.substring(0, end)
        .replaceFirst(" width=\"[0-9.]+\" height=\"[0-9.]+\"", "")
        .replace("<svg ", "<svg id=\"" + id + "\" role=\"img\" ");
    s = open + s.substring(end);
    if (words.french()) {
      for (String label : MapClasses.drees().labels()) {
        s = s.replace(">" + esc(label) + "</text>", ">" + esc(words.classLabel(label)) + "</text>");
      }
    }
    out.append(s);
  }
}
