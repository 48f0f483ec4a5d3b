import type { SystemVersion } from '../../../api/system';
import { TabWriter } from '../../format/tabwriter';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { StatusError } from '../../command/errors';
import { parseGoTemplate, executeGoTemplateKeepingOutput } from '../../format/template';
import { versionInfoData, versionInfoType } from './version-data';
import { clientVersion, type ClientVersion } from './client-version';
import { reformatDate } from './go-time';
import { INSPECT_FORMAT_HELP } from '../format-help';

export interface VersionOptions {
  format: string;
}

/** `docker version`: show the Docker version information. */
export function newVersionCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: VersionOptions = {
    format: '',
  };
  const command = new Command({
    use: 'version [OPTIONS]',
    short: 'Show the Docker version information',
    args: noArgs,
    annotations: {
      'category-top': '10',
    },
    run: (invocation) => runVersion(cli, options, invocation),
    ...variant,
  });
  command.flags.stringVar(options, 'format', 'format', 'f', INSPECT_FORMAT_HELP);
  return command;
}

function clientLines(client: ClientVersion): string[] {
  const downgraded =
    client.apiVersion === client.defaultApiVersion
      ? ''
      : ` (downgraded from ${client.defaultApiVersion})`;
  return [
    `Client: ${client.platformName}`,
    ` Version:\t${client.version}`,
    ` API version:\t${client.apiVersion}${downgraded}`,
    ` Go version:\t${client.goVersion}`,
    ` Git commit:\t${client.gitCommit}`,
    ` Built:\t${client.buildTime}`,
    ` OS/Arch:\t${client.os}/${client.arch}`,
    ` Context:\t${client.context}`,
  ];
}

function engineLines(details: Readonly<Record<string, string>>, version: string): string[] {
  const detail = (key: string): string => details[key] ?? '';
  return [
    `  Version:\t${version}`,
    `  API version:\t${detail('ApiVersion')} (minimum version ${detail('MinAPIVersion')})`,
    `  Go version:\t${detail('GoVersion')}`,
    `  Git commit:\t${detail('GitCommit')}`,
    `  Built:\t${reformatDate(detail('BuildTime'))}`,
    `  OS/Arch:\t${detail('Os')}/${detail('Arch')}`,
    `  Experimental:\t${detail('Experimental')}`,
  ];
}

/** The server half: one block per component, the Engine first as the daemon lists it. */
function serverLines(server: SystemVersion): string[] {
  const name = server.Platform.Name === '' ? '' : ` ${server.Platform.Name}`;
  const lines = ['', `Server:${name}`];
  for (const component of server.Components) {
    lines.push(` ${component.Name}:`);
    const details = component.Details ?? {};
    if (component.Name === 'Engine') {
      lines.push(...engineLines(details, component.Version));
      continue;
    }
    lines.push(`  Version:\t${component.Version}`);
    for (const key of Object.keys(details).sort()) lines.push(`  ${key}:\t${details[key] ?? ''}`);
  }
  return lines;
}

/**
 * docker/cli runVersion: the client section always prints; the server section only when the
 * daemon answers, and otherwise its error follows the client section. The layout is docker's
 * tabwriter with minwidth 20, padding 1.
 */
export async function runVersion(
  cli: DockerCli,
  options: VersionOptions,
  _invocation: Invocation,
): Promise<void> {
  if (options.format !== '') return runVersionTemplate(cli, options.format);
  let server: SystemVersion | null = null;
  let failure: unknown = null;
  try {
    server = await cli.engine.version();
  } catch (error) {
    failure = error;
  }
  const lines = clientLines(clientVersion(cli));
  if (server !== null) lines.push(...serverLines(server));
  const writer = new TabWriter({ minWidth: 20, tabWidth: 1, padding: 1, padChar: ' ' });
  writer.write(`${lines.join('\n')}\n`);
  cli.out.write(writer.flush());
  if (failure instanceof Error) throw failure;
}

/**
 * `docker version --format`: the template runs over docker/cli's versionInfo (Server is nil
 * when the daemon does not answer), through the same tabwriter, with a newline after it. A
 * template that does not parse exits 64; the daemon's error wins over the template's.
 */
async function runVersionTemplate(cli: DockerCli, format: string): Promise<void> {
  const text = format === 'json' ? '{{json .}}' : format;
  const parsed = parseGoTemplate(text, { name: 'version' });
  if (!parsed.ok) throw new StatusError(`template parsing error: ${parsed.error.message}`, 64);
  let server: SystemVersion | null = null;
  let failure: Error | null = null;
  try {
    server = await cli.engine.version();
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
  }
  const data = versionInfoData(clientVersion(cli), server);
  const result = executeGoTemplateKeepingOutput(parsed.value, data, { type: versionInfoType });
  const writer = new TabWriter({ minWidth: 20, tabWidth: 1, padding: 1, padChar: ' ' });
  writer.write(`${result.output}\n`);
  cli.out.write(writer.flush());
  if (failure !== null) throw failure;
  if (result.error !== undefined) throw new StatusError(result.error.message, 1);
}
