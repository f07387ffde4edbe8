/**
 * The {@code loupe} command. {@link dev.loupe.cli.Loupe} wires the sub-commands; each command
 * class is one verb or noun of the command line. Results go to standard output (exactly one JSON
 * object with {@code --json}), logs and progress to standard error.
 *
 * <p>Exit codes: 0 success, 1 a service error or bad input, 2 a usage error, 3 an internal failure.
 */
package dev.loupe.cli;
