import type { DockerCli } from '../../command/cli';
import { CliError } from '../../command/errors';
import { engineErrorText } from '../../command/errors-text';
import type { OutputStream } from '../../process';

/**
 * The blocks docker/cli's swarm commands share: the join command (init, join-token) and the
 * unlock key (init --autolock, update --autolock=true, unlock-key), as Docker 27.5.1 words them.
 */

/** docker's printUnlockCommand; prints nothing for an empty key. */
export function printUnlockCommand(out: OutputStream, unlockKey: string): void {
  if (unlockKey === '') return;
  out.write(
    'To unlock a swarm manager after it restarts, run the `docker swarm unlock`\n' +
      `command and provide the following key:\n\n    ${unlockKey}\n\n` +
      'Remember to store this key in a password manager, since without it you\n' +
      'will not be able to restart the manager.\n',
  );
}

/**
 * docker's printJoinCommand: the join line for each requested role, with this manager's
 * advertised address. On a node without ManagerStatus it prints nothing, as docker does.
 */
export async function printJoinCommand(
  cli: DockerCli,
  nodeId: string,
  roles: { readonly worker: boolean; readonly manager: boolean },
): Promise<void> {
  const node = await cli.engine.nodeInspect({ id: nodeId }, cli.cancel);
  const swarm = await cli.engine.swarmInspect(cli.cancel);
  const address = node.ManagerStatus?.Addr;
  if (address === undefined) return;
  const block = (role: string, token: string): string =>
    `To add a ${role} to this swarm, run the following command:\n\n` +
    `    docker swarm join --token ${token} ${address}\n\n`;
  if (roles.worker) cli.out.write(block('worker', swarm.JoinTokens.Worker));
  if (roles.manager) cli.out.write(block('manager', swarm.JoinTokens.Manager));
}

/**
 * `errors.Wrap(err, "could not fetch unlock key")`: the CLI's prefix before the daemon's
 * error as docker prints it.
 */
export const UNLOCK_KEY_FETCH_ERROR = 'could not fetch unlock key';

/** Go's errors.Wrap around an Engine API error: `<prefix>: Error response from daemon: …`. */
export function wrapEngineError(prefix: string, error: unknown): CliError {
  return new CliError(`${prefix}: ${engineErrorText(error)}`);
}
