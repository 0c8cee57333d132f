package fr.apl.core;

import java.util.function.DoubleUnaryOperator;

/**
 * Computes every access method the slow, obvious way, as a reference for the sparse gathers: a
 * dense n × n weight matrix and the formulas of the README's table written out loop by loop, with
 * nothing taken from the main code (no squared-weight tables, no {@code T_i} factored out).
 *
 * <p>Weights as {@link NaiveApl}: an absent pair (NaN) weighs 0, except a commune's own pair,
 * which then counts as 0 minutes.
 */
final class NaiveMethods {

  private NaiveMethods() {}

  /** Returns the dense weights {@code W_ij = f(t_ij)}. */
  static double[][] weights(double[][] minutes, DoubleUnaryOperator decay) {
    int n = minutes.length;
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double t = minutes[i][j];
        if (Double.isNaN(t) && i == j) {
          t = 0.0;
        }
        w[i][j] = Double.isNaN(t) ? 0.0 : decay.applyAsDouble(t);
      }
    }
    return w;
  }

  /** Returns the access {@code A_i} of every commune under the method {@code name}. */
  static double[] access(String name, double[][] w, double[] p, double[] s) {
    int n = p.length;
    double[] a = new double[n];
    switch (name) {
      case "e2sfca" -> {
        double[] r = ratio(s, demand(w, p));
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            a[i] += w[i][j] * r[j];
          }
        }
      }
      case "3sfca" -> {
        // G_ij = W_ij / Σ_k W_ik over the k with S_k > 0; the product G_ij W_ij in both steps.
        double[][] gw = new double[n][n];
        for (int i = 0; i < n; i++) {
          double total = 0;
          for (int k = 0; k < n; k++) {
            total += s[k] > 0 ? w[i][k] : 0.0;
          }
          for (int j = 0; j < n; j++) {
            double g = total > 0 ? w[i][j] / total : 0.0;
            gw[i][j] = g * w[i][j];
          }
        }
        double[] r = ratio(s, demand(gw, p));
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            a[i] += gw[i][j] * r[j];
          }
        }
      }
      case "m2sfca" -> {
        double[] r = ratio(s, demand(w, p));
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            a[i] += w[i][j] * w[i][j] * r[j];
          }
        }
      }
      case "bfca" -> {
        double[][] byRow = new double[n][n];
        double[][] byColumn = new double[n][n];
        for (int i = 0; i < n; i++) {
          double total = 0;
          for (int k = 0; k < n; k++) {
            total += w[i][k];
          }
          for (int j = 0; j < n; j++) {
            byRow[i][j] = total > 0 ? w[i][j] / total : 0.0;
          }
        }
        for (int j = 0; j < n; j++) {
          double total = 0;
          for (int l = 0; l < n; l++) {
            total += w[l][j];
          }
          for (int i = 0; i < n; i++) {
            byColumn[i][j] = total > 0 ? w[i][j] / total : 0.0;
          }
        }
        double[] r = ratio(s, demand(byRow, p));
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            a[i] += byColumn[i][j] * r[j];
          }
        }
      }
      case "cumulative" -> {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            a[i] += w[i][j] * s[j];
          }
        }
      }
      case "ratio" -> {
        for (int i = 0; i < n; i++) {
          double supply = 0;
          double population = 0;
          for (int j = 0; j < n; j++) {
            supply += w[i][j] * s[j];
            population += w[i][j] * p[j];
          }
          a[i] = population > 0 ? supply / population : 0.0;
        }
      }
      default -> throw new IllegalArgumentException(name);
    }
    return a;
  }

  /** {@code D_j = Σ_i x_ij P_i}. */
  private static double[] demand(double[][] x, double[] p) {
    int n = p.length;
    double[] d = new double[n];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        d[j] += x[i][j] * p[i];
      }
    }
    return d;
  }

  private static double[] ratio(double[] s, double[] d) {
    double[] r = new double[s.length];
    for (int j = 0; j < s.length; j++) {
      r[j] = d[j] > 0 ? s[j] / d[j] : 0.0;
    }
    return r;
  }
}
