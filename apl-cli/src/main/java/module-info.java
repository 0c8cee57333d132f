/**
 * The {@code apl} command line over {@code fr.apl.core}: compute, validate, zoning, matrix,
 * times (over {@code fr.apl.routing}, and {@code fr.apl.roads} on the class path: GraphHopper's
 * jars split packages and cannot sit on the module path; the build lets this module read the
 * class path). Only this module knows picocli, which reads the commands' annotated fields by reflection.
 */
module fr.apl.cli {
  requires fr.apl.core;
  requires fr.apl.profiles;
  requires fr.apl.geo;
  requires fr.apl.routing;
  requires info.picocli;

  opens fr.apl.cli to
      info.picocli;
}
