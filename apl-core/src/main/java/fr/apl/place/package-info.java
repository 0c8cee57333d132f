/**
 * Values by place: {@link fr.apl.place.CommuneValues} holds one number per id (a commune code, a
 * grid cell, a practice point), sorted by id, the shape in which populations, supplies and
 * results travel between the readers, the engine and the writers. Knows nothing of INSEE codes
 * (see {@code fr.apl.commune}). Immutable and thread-safe.
 */
package fr.apl.place;
