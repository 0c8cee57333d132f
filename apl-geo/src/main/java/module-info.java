/**
 * Geography for apl: commune polygons read and joined to results, maps, GeoJSON, GeoPackage and
 * xlsx writers, the HTML report. JTS, proj4j, Jackson, fastexcel and SQLite's driver live here,
 * never in {@code fr.apl.core}.
 */
module fr.apl.geo {
  requires transitive fr.apl.core;
  requires transitive org.locationtech.jts;
  requires proj4j;
  requires com.fasterxml.jackson.databind;
  requires org.dhatim.fastexcel;
  requires org.xerial.sqlitejdbc;
  requires java.sql;
  requires java.desktop;

  exports fr.apl.geo;
  exports fr.apl.geo.map;
  exports fr.apl.geo.report;
  exports fr.apl.geo.write;
}
