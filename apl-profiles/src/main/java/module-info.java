/**
 * Profession profiles for apl: the built-in ones and a strict JSON reader. Needs apl-core and
 * Jackson.
 */
module fr.apl.profiles {
  requires transitive fr.apl.core;
  requires com.fasterxml.jackson.databind;

  exports fr.apl.profiles;
}
