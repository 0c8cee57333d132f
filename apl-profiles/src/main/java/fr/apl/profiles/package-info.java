/**
 * Reads profession profiles: small JSON files that give every parameter of a profession with its
 * source ({@link fr.apl.profiles.ProfessionProfiles}), and holds the built-in ones (general
 * practitioners, nurses, physiotherapists, midwives, dentists) as resources.
 */
package fr.apl.profiles;
