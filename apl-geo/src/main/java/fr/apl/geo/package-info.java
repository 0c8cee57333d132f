/**
 * Commune geometry and the result tables joined to it: polygons read from GeoJSON or a
 * GeoPackage and brought to one geography ({@link fr.apl.geo.CommuneShapes}), Lambert-93
 * ({@link fr.apl.geo.Lambert93}), result columns ({@link fr.apl.geo.ResultTable}) and their
 * classes ({@link fr.apl.geo.MapClasses}). What is drawn or written with them lives beside it:
 * {@code fr.apl.geo.map} (choropleth maps, SVG and PNG), {@code fr.apl.geo.write} (GeoJSON,
 * GeoPackage and xlsx outputs) and {@code fr.apl.geo.report} (the HTML report).
 */
package fr.apl.geo;
