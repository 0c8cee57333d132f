/**
 * Owns INSEE commune codes as strings: checking and repairing them, mapping the municipal
 * arrondissements of Paris, Lyon and Marseille to their municipality, bringing old codes to the
 * current geography with the INSEE code history, and holding one number per commune code.
 * Immutable classes are thread-safe; builders are not.
 */
package fr.apl.commune;
