import type { Readable, Writable } from 'node:stream';

/** The streams a CLI command talks through; tests pass their own. */
export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Exit codes shared by every subcommand. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A command-line mistake: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A subcommand: parses its own flags, returns the exit code. */
export type CliCommand = (args: readonly string[], io: CliIO) => Promise<number>;
