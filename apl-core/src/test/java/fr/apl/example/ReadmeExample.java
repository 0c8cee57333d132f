package fr.apl.example;

import fr.apl.core.Apl;
import fr.apl.core.AplResult;
import fr.apl.core.Catchments;
import fr.apl.core.Variant;
import fr.apl.decay.DistanceDecay;
import fr.apl.demand.AgeWeights;
import fr.apl.demand.Population;
import fr.apl.demand.Rescaling;
import fr.apl.io.csv.PopulationCsv;
import fr.apl.io.csv.SupplyCsv;
import fr.apl.io.csv.TimesCsv;
import fr.apl.matrix.TravelTimeMatrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The embedding example of the README, verbatim between the markers (ReadmeExampleTest). */
final class ReadmeExample {

  private ReadmeExample() {}

  static AplResult run(Path dir) throws IOException {
    // The README shows this block verbatim (ReadmeExampleTest): the formatter leaves it as written.
    // spotless:off
    // README-BEGIN
    // dir: a sample folder, e.g. Path.of("data-samples/haute-loire-43")
    TravelTimeMatrix times = TimesCsv.read(dir.resolve("times.csv"));
    Population population = PopulationCsv.read(dir.resolve("population.csv"),
        AgeWeights.drees2023(), Rescaling.toTotal()); // weights used only for age-band files
    SupplyCsv.Columns supply = SupplyCsv.read(dir.resolve("supply.csv"));

    Catchments catchments = Apl.prepare(times, DistanceDecay.dreesGeneralPractitioners());
    AplResult result = catchments.compute(population, List.of(
        Variant.of("apl", supply.all()),
        Variant.of("apl_moins65", supply.underAge().get(65))), 2);

    double lePuy = result.apl("apl", "43157"); // Le Puy-en-Velay
    double mean = result.weightedMean("apl"); // weighted by standardised population
    // README-END
    // spotless:on
    return lePuy > 0 && mean > 0 ? result : null;
  }
}
