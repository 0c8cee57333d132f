/**
 * The APL engine and its readers: travel-time matrix, distance decay, supply and demand rules, the
 * two-step kernel, zoning, the run as a job. Needs nothing beyond {@code java.base}. Exports every
 * package but {@code fr.apl.internal} (kernels, parallel helpers, array access: no compatibility
 * promise).
 */
module fr.apl.core {
  uses fr.apl.engine.Engine;
  uses fr.apl.io.PairTableWriter;

  exports fr.apl.commune;
  exports fr.apl.core;
  exports fr.apl.decay;
  exports fr.apl.demand;
  exports fr.apl.engine;
  exports fr.apl.io;
  exports fr.apl.io.binary;
  exports fr.apl.io.csv;
  exports fr.apl.job;
  exports fr.apl.matrix;
  exports fr.apl.place;
  exports fr.apl.profession;
  exports fr.apl.problem;
  exports fr.apl.supply;
  exports fr.apl.zoning;
}
