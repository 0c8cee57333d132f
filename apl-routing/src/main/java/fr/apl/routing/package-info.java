/**
 * Travel times computed from coordinates: {@link fr.apl.routing.Points} (a points file read and
 * checked), {@link fr.apl.routing.Lambert93} (EPSG:2154 to WGS84), {@link
 * fr.apl.routing.CrowFly} (great-circle minutes with a detour factor and a speed, pairs found
 * with a grid index) and {@link fr.apl.routing.Calibration} (detour and speed fitted to a given
 * table by least squares).
 */
package fr.apl.routing;
