/**
 * Travel times for apl from coordinates: points in WGS84 or Lambert-93, crow-fly minutes found
 * with a spatial index (a {@code fr.apl.io.TravelTimeSource}), and their calibration against a
 * given times table. commons-math3 (an automatic module, named from its jar) is used by the
 * calibration only.
 */
module fr.apl.routing {
  requires transitive fr.apl.core;
  requires commons.math3;

  exports fr.apl.routing;
}
