package fr.apl.core;

import fr.apl.demand.Population;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.place.CommuneValues;
import fr.apl.supply.Supply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

/**
 * Generates a small random world from a seed: 5 to 300 communes, sparse directed times of 0–30
 * minutes, many of them exactly on a band edge, and the awkward cases the kernel must handle:
 * missing and explicit self pairs (some beyond 20 minutes), communes of the population or of the
 * supply that the matrix does not know, matrix communes with no population, zero populations,
 * zero supplies, repeated records, and one practice that no one reaches.
 *
 * <p>Everything comes from {@code new Random(seed)}: the same seed gives the same world.
 */
final class RandomWorld {

  /** Times chosen often: the edges of the decays under test, 0 and the matrix limit. */
  private static final double[] EDGE_MINUTES = {0, 7.5, 10, 15, 20, 25, 30};

  /** A record of the times table: origin → destination in minutes. */
  record Pair(String origin, String destination, double minutes) {}

  final long seed;
  /** All communes, sorted; indices below refer to this order. */
  final String[] codes;

  final boolean[] inMatrix;
  final boolean[] inPopulation;
  final boolean[] inSupply;
  /** minutes[i][j], NaN when the pair is absent. */
  final double[][] minutes;

  final double[] population;
  final double[] supply;
  /** The records as given to the builder, shuffled, repeats included. */
  final List<Pair> records;

  final int repeatedRecords;
  final int isolatedPractice;

  private RandomWorld(long seed) {
    this.seed = seed;
    Random rnd = new Random(seed);
    int n = 5 + rnd.nextInt(296);
    TreeSet<String> set = new TreeSet<>();
    while (set.size() < n) {
      int dept = 1 + rnd.nextInt(95);
      String d =
          dept == 20 ? (rnd.nextBoolean() ? "2A" : "2B") : String.format(Locale.ROOT, "%02d", dept);
      set.add(d + String.format(Locale.ROOT, "%03d", 1 + rnd.nextInt(999)));
    }
    codes = set.toArray(new String[0]);
    inMatrix = new boolean[n];
    inPopulation = new boolean[n];
    inSupply = new boolean[n];
    for (int i = 0; i < n; i++) {
      inMatrix[i] = rnd.nextDouble() < 0.9;
      inPopulation[i] = rnd.nextDouble() < 0.85;
      inSupply[i] = rnd.nextDouble() < 0.4;
      if (!inMatrix[i] && !inPopulation[i] && !inSupply[i]) {
        inPopulation[i] = true;
      }
    }
    // One practice with supply, no population, and only 30-minute-plus pairs towards it: weight 0
    // under every decay tested (the widest ends at 25 minutes).
    isolatedPractice = rnd.nextInt(n);
    inMatrix[isolatedPractice] = true;
    inPopulation[isolatedPractice] = false;
    inSupply[isolatedPractice] = true;
    int someone = (isolatedPractice + 1) % n;
    inPopulation[someone] = true;

    minutes = new double[n][n];
    double density = 0.02 + 0.25 * rnd.nextDouble();
    for (int i = 0; i < n; i++) {
      Arrays.fill(minutes[i], Double.NaN);
      if (!inMatrix[i]) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        if (!inMatrix[j]) {
          continue;
        }
        if (i == j) {
          // 60 % of communes have a self pair, mostly 0 minutes, sometimes more than 20.
          if (rnd.nextDouble() < 0.6) {
            minutes[i][i] = rnd.nextDouble() < 0.6 ? 0.0 : randomMinutes(rnd);
          }
        } else if (rnd.nextDouble() < density) {
          minutes[i][j] = randomMinutes(rnd);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (i != isolatedPractice && !Double.isNaN(minutes[i][isolatedPractice])) {
        minutes[i][isolatedPractice] = 30 + 10 * rnd.nextDouble();
      }
    }

    population = new double[n];
    supply = new double[n];
    for (int i = 0; i < n; i++) {
      if (inPopulation[i]) {
        double u = rnd.nextDouble();
        population[i] = u < 0.1 ? 0.0 : u < 0.2 ? 1e5 * rnd.nextDouble() : 3000 * rnd.nextDouble();
      }
      if (inSupply[i]) {
        supply[i] = randomSupply(rnd, i);
      }
    }

    List<Pair> list = new ArrayList<>();
    int repeats = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (!Double.isNaN(minutes[i][j])) {
          Pair p = new Pair(codes[i], codes[j], minutes[i][j]);
          list.add(p);
          if (rnd.nextDouble() < 0.03) {
            list.add(p);
            repeats++;
          }
        }
      }
    }
    Collections.shuffle(list, rnd);
    records = List.copyOf(list);
    repeatedRecords = repeats;
  }

  static RandomWorld generate(long seed) {
    return new RandomWorld(seed);
  }

  /**
   * A time of 0–30 minutes: a quarter exactly on an edge, a quarter whole minutes, the rest any
   * double.
   */
  static double randomMinutes(Random rnd) {
    switch (rnd.nextInt(4)) {
      case 0:
        return EDGE_MINUTES[rnd.nextInt(EDGE_MINUTES.length)];
      case 1:
        return rnd.nextInt(31);
      default:
        return 30 * rnd.nextDouble();
    }
  }

  /**
   * Draws a supply for commune i: a fifth are 0, also where the commune is known to neither the
   * matrix nor the population (see CatchmentsTest.zeroSupplyInACommuneKnownNowhereIsHarmless).
   */
  double randomSupply(Random rnd, int i) {
    if (rnd.nextDouble() < 0.2 && i != isolatedPractice) {
      return 0.0;
    }
    return 1 + 20000 * rnd.nextDouble();
  }

  int size() {
    return codes.length;
  }

  /** Returns the index of a code in {@link #codes}. */
  int index(String code) {
    int i = Arrays.binarySearch(codes, code);
    if (i < 0) {
      throw new IllegalArgumentException("seed " + seed + ": no commune " + code);
    }
    return i;
  }

  /** Builds the matrix: matrix communes declared first, then the records in their order. */
  TravelTimeMatrix matrix() {
    TravelTimeMatrix.Builder b = TravelTimeMatrix.builder();
    for (int i = 0; i < size(); i++) {
      if (inMatrix[i]) {
        b.commune(codes[i]);
      }
    }
    for (Pair p : records) {
      b.add(p.origin(), p.destination(), p.minutes());
    }
    return b.build();
  }

  Population populationValues() {
    CommuneValues.Builder b = CommuneValues.builder();
    for (int i = 0; i < size(); i++) {
      if (inPopulation[i]) {
        b.add(codes[i], population[i]);
      }
    }
    return Population.standardised(b.build());
  }

  /** Returns the supply of the communes flagged in {@link #inSupply}, zeros included. */
  Supply supplyValues() {
    return supplyOf(supply, inSupply);
  }

  /** Returns a supply from dense values, with a row for every flagged commune. */
  Supply supplyOf(double[] values, boolean[] present) {
    CommuneValues.Builder b = CommuneValues.builder();
    for (int i = 0; i < size(); i++) {
      if (present[i]) {
        b.add(codes[i], values[i]);
      }
    }
    return Supply.of(b.build());
  }

  /** Counts matrix communes with no self pair (the kernel gives them one at 0 minutes). */
  int selfPairsMissing() {
    int c = 0;
    for (int i = 0; i < size(); i++) {
      if (inMatrix[i] && Double.isNaN(minutes[i][i])) {
        c++;
      }
    }
    return c;
  }

  /** Counts the distinct pairs given. */
  int distinctPairs() {
    return records.size() - repeatedRecords;
  }
}
