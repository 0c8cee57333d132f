/**
 * Results as features ({@link fr.apl.geo.write.FeatureTable}, built by {@link
 * fr.apl.geo.write.ResultFeatures}) and their writers: GeoJSON, GeoPackage (reproducible bytes)
 * and xlsx.
 */
package fr.apl.geo.write;
