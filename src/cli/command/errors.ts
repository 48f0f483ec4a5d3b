/**
 * How a command fails, as docker's main() tells failures apart: a StatusError carries its own
 * exit code and text; anything else prints its message and exits 1.
 */

/** docker/cli's cli.StatusError: `status` is printed as is (when not empty), then exit `code`. */
export class StatusError extends Error {
  override readonly name = 'StatusError';
  constructor(
    readonly status: string,
    readonly code: number,
  ) {
    super(status);
  }
}

/** An error the CLI itself raises (`unknown role foo`), printed as is, exit 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** A wrong number of positional arguments (cobra's Args validators), printed as is, exit 1. */
export class ArgsError extends Error {
  override readonly name = 'ArgsError';
}

/** The playground does not simulate this command yet; it prints one line and exits 1. */
export class NotSimulatedError extends Error {
  override readonly name = 'NotSimulatedError';
  constructor(readonly commandPath: string) {
    super(`${commandPath}: not simulated in this playground yet`);
  }
}
