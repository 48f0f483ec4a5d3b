import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { CliError } from '../../command/errors';

export type UnlockOptions = Record<string, never>;

/** `docker swarm unlock`: unlock swarm. */
export function newUnlockCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: UnlockOptions = {};
  const command = new Command({
    use: 'unlock',
    short: 'Unlock swarm',
    args: noArgs,
    annotations: {
      version: '1.24',
      swarm: 'manager',
    },
    run: (invocation) => runUnlock(cli, options, invocation),
    ...variant,
  });
  return command;
}

const PROMPT = 'Enter unlock key: ';

/**
 * docker's readKey: a hidden prompt when stdin is the terminal, otherwise the first line of
 * stdin, trimmed (`echo KEY | docker swarm unlock`). Null when the prompt was abandoned.
 */
async function readKey(cli: DockerCli): Promise<string | null> {
  if (cli.in.isTerminal && cli.terminal !== null) return cli.terminal.readSecretLine(PROMPT);
  const text = await cli.in.readAll();
  const newline = text.indexOf('\n');
  return (newline < 0 ? text : text.slice(0, newline)).trim();
}

/**
 * docker swarm unlock: `/info` first, so that a node that is not locked fails in the CLI
 * (`Error: swarm is not locked`, with docker's own "Error: " prefix); then the key is read and
 * sent. Success prints nothing.
 */
export async function runUnlock(
  cli: DockerCli,
  _options: UnlockOptions,
  _invocation: Invocation,
): Promise<void> {
  const info = await cli.engine.info();
  switch (info.Swarm.LocalNodeState) {
    case 'inactive':
      throw new CliError('Error: This node is not part of a swarm');
    case 'locked':
      break;
    case 'pending':
    case 'active':
    case 'error':
      throw new CliError('Error: swarm is not locked');
  }
  const key = await readKey(cli);
  // Ctrl+C ends the command (the shell reports it); Ctrl+D at the prompt is term's EOF.
  if (key === null) {
    if (cli.cancel.cancelled) return;
    throw new CliError('EOF');
  }
  await cli.engine.swarmUnlock({ request: { UnlockKey: key } }, cli.cancel);
}
