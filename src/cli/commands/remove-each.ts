import type { DockerCli } from '../command/cli';
import { CliError } from '../command/errors';
import { engineErrorText } from '../command/errors-text';

/**
 * The `rm` of docker's swarm and volume commands (`node`, `service`, `secret`, `config`,
 * `volume`): every reference is tried in turn; each success prints the argument as typed, and
 * the errors come together at the end (exit 1).
 */
export async function removeEach(
  cli: DockerCli,
  refs: readonly string[],
  remove: (ref: string) => Promise<void>,
): Promise<void> {
  const errors: string[] = [];
  for (const ref of refs) {
    try {
      await remove(ref);
      cli.out.write(`${ref}\n`);
    } catch (error) {
      errors.push(engineErrorText(error));
    }
  }
  if (errors.length > 0) throw new CliError(errors.join('\n'));
}

/**
 * An empty argument makes `DELETE /services/` (or `/secrets/`, `/configs/`), a path the
 * daemon's router does not know.
 */
export function refuseEmptyPath(ref: string): void {
  if (ref === '') throw new CliError('Error response from daemon: page not found');
}
