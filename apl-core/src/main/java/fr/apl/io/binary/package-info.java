/**
 * Owns the apl binary matrix format: a travel-time matrix as stored in memory, with its commune
 * index and a CRC-32C checksum, written once and read back by memory-mapping, so a France matrix
 * loads without parsing text again. Stateless and thread-safe.
 */
package fr.apl.io.binary;
