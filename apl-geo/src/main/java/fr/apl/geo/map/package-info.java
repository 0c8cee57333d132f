/**
 * Choropleth maps of communes: the values joined to the polygons and classed ({@link
 * fr.apl.geo.map.CommuneMap}), drawn in SVG or PNG with insets for the overseas departments
 * ({@link fr.apl.geo.map.ChoroplethMap}).
 */
package fr.apl.geo.map;
