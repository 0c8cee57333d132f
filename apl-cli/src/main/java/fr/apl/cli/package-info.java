/**
 * Owns the {@code apl} command line over apl-core: the subcommands, their picocli options, progress
 * and errors on stderr, outputs written through a temporary file, and the documented exit codes.
 * The only package that knows picocli; {@link fr.apl.cli.Main} is its one public entry point, and
 * tests call {@code Main.execute} with captured streams instead of {@code main}.
 */
package fr.apl.cli;
