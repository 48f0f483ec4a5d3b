import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { CliError } from '../../command/errors';
import { engineErrorText } from '../../command/errors-text';
import type { SystemInfo } from '../../../api/system';
import { INSTALLED_PLUGINS } from '../plugins';
import { clientVersion } from './client-version';
import { serverInfoLines } from './info-server';
import { INSPECT_FORMAT_HELP } from '../format-help';

export interface InfoOptions {
  format: string;
}

/** `docker system info`: display system-wide information. */
export function newInfoCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InfoOptions = {
    format: '',
  };
  const command = new Command({
    use: 'info [OPTIONS]',
    short: 'Display system-wide information',
    args: noArgs,
    annotations: {
      'category-top': '12',
      aliases: 'docker system info, docker info',
    },
    run: (invocation) => runInfo(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'format', 'format', 'f', INSPECT_FORMAT_HELP);
  return command;
}

/** The client half of `docker info`, with the CLI plugins of a docker-ce host. */
function clientInfoLines(cli: DockerCli): string[] {
  const client = clientVersion(cli);
  const lines = [
    `Client: ${client.platformName}`,
    ` Version:    ${client.version}`,
    ` Context:    ${client.context}`,
    ` Debug Mode: ${String(cli.options.debug)}`,
    ' Plugins:',
  ];
  for (const plugin of INSTALLED_PLUGINS) {
    lines.push(
      `  ${plugin.name}: ${plugin.shortDescription} (${plugin.vendor})`,
      `    Version:  ${plugin.version}`,
      `    Path:     ${plugin.path}`,
    );
  }
  return lines;
}

/**
 * docker/cli runInfo with the default (pretty) format: the client section, then the server's,
 * or the daemon's error on stderr followed by `errors pretty printing info` (exit 1).
 */
export async function runInfo(
  cli: DockerCli,
  options: InfoOptions,
  invocation: Invocation,
): Promise<void> {
  // --format needs the Go template engine, which is not wired in yet.
  if (options.format !== '') return notSimulated(invocation);
  let info: SystemInfo | null = null;
  let failure: unknown = null;
  try {
    info = await cli.engine.info();
  } catch (error) {
    failure = error;
  }
  const lines = [...clientInfoLines(cli), '', 'Server:'];
  if (info !== null) lines.push(...serverInfoLines(info, cli.options.debug));
  cli.out.write(`${lines.join('\n')}\n`);
  if (info !== null) {
    for (const warning of info.Warnings ?? []) cli.err.write(`${warning}\n`);
    return;
  }
  cli.err.write(`ERROR: ${engineErrorText(failure)}\n`);
  throw new CliError('errors pretty printing info');
}
