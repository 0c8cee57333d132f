/**
 * Owns the travel-time matrix: road times in minutes between communes as sparse rows by origin,
 * communes numbered in INSEE code order so that the input row order never changes the result, the
 * builders that sort and check pairs on several threads, and the exception for a pair given twice
 * with different times. Matrices are immutable and thread-safe; builders are not.
 */
package fr.apl.matrix;
