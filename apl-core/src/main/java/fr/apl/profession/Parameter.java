package fr.apl.profession;

import java.util.Locale;

/**
 * Holds one parameter of a profession profile, as the profile states it, with where its value
 * comes from.
 *
 * @param name the parameter's name in the profile, e.g. {@code supply.ceiling}
 * @param value the value as written, e.g. {@code 6000}
 * @param source where the value comes from (a publication, a table), or a text starting with
 *     {@code assumed} when no public source gives it
 */
public record Parameter(String name, String value, String source) {

  /**
   * Validates the parameter.
   *
   * @param name non-blank
   * @param value non-null
   * @param source non-blank
   * @throws IllegalArgumentException on a blank name or source, or a null value
   */
  public Parameter {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a parameter needs a name");
    }
    if (value == null) {
      throw new IllegalArgumentException("parameter " + name + " needs a value");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException(
          "parameter " + name + " needs a source, or the word \"assumed\"");
    }
  }

  /** {@return true when the source says the value is assumed (no public source gives it)} */
  public boolean assumed() {
    return source.strip().toLowerCase(Locale.ROOT).startsWith("assumed");
  }
}
