/**
 * Commune geometry and what is drawn or written with it: polygons read from GeoJSON, brought to
 * one geography, projected to Lambert-93 and joined to result columns; choropleth maps in SVG and
 * PNG; GeoJSON, GeoPackage and xlsx outputs; the HTML report.
 */
package fr.apl.geo;
