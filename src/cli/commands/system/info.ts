import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { CliError, StatusError } from '../../command/errors';
import { engineErrorText } from '../../command/errors-text';
import type { SystemInfo } from '../../../api/system';
import {
  executeGoTemplate,
  executeGoTemplateKeepingOutput,
  parseGoTemplate,
} from '../../format/template';
import { INSTALLED_PLUGINS } from '../plugins';
import { clientVersion } from './client-version';
import { serverInfoLines } from './info-server';
import { INSPECT_FORMAT_HELP } from '../format-help';
import {
  clientInfoData,
  dockerInfoData,
  dockerInfoType,
  sparseInfoData,
  sparseInfoType,
} from './info-format';

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
  _invocation: Invocation,
): Promise<void> {
  if (options.format !== '') return runInfoTemplate(cli, options.format);
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

/** A `.` followed by a letter: info.go's rudimentary test for a template that reads fields. */
const PLACEHOLDER = /\.[a-zA-Z]/;

/**
 * info.go needsServerInfo: a template that runs without error against the client half alone
 * (`{{.ClientInfo.Context}}`) does not contact the daemon. One without fields (`json`,
 * `{{json .}}`) or that does not parse asks the daemon anyway.
 */
function needsServerInfo(format: string, clientInfo: Record<string, unknown>): boolean {
  if (format === '' || !PLACEHOLDER.test(format)) return true;
  const parsed = parseGoTemplate(format);
  if (!parsed.ok) return true;
  const probe = executeGoTemplate(parsed.value, sparseInfoData(clientInfo), {
    type: sparseInfoType,
  });
  return !probe.ok;
}

/**
 * info.go runInfo and formatInfo with --format. A daemon that does not answer leaves the empty
 * system.Info in place: its error goes to stderr (and into ServerErrors) and the template still
 * runs, so the exit status is the template's. `json` is `{{json .}}`; a template that does not
 * parse exits 64, after the daemon's error if there was one. The output is written as it is
 * produced, so an execution error keeps what came before it; a newline always follows.
 */
async function runInfoTemplate(cli: DockerCli, format: string): Promise<void> {
  const clientInfo = clientInfoData({ client: clientVersion(cli), debug: cli.options.debug });
  let info: SystemInfo | null = null;
  const serverErrors: string[] = [];
  if (needsServerInfo(format, clientInfo)) {
    try {
      info = await cli.engine.info();
    } catch (error) {
      const text = engineErrorText(error);
      serverErrors.push(text);
      cli.err.write(`${text}\n`);
    }
  }
  const text = format === 'json' ? '{{json .}}' : format;
  const parsed = parseGoTemplate(text);
  if (!parsed.ok) throw new StatusError(`template parsing error: ${parsed.error.message}`, 64);
  const data = dockerInfoData(clientInfo, info, serverErrors);
  const result = executeGoTemplateKeepingOutput(parsed.value, data, { type: dockerInfoType });
  cli.out.write(`${result.output}\n`);
  if (result.error !== undefined) throw new StatusError(result.error.message, 1);
}
