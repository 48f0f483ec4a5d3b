import type { Config } from '../../../api/secret';
import { decodeBase64 } from '../../../lib/base64';
import { utf8Decode } from '../../../lib/utf8';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import {
  addPrettyInspectFlags,
  newPrettyInspectOptions,
  type PrettyInspectOptions,
} from '../inspect-flags';
import { prettyLabelLines, prettyTime, runDataObjectInspect } from '../secret-config';

export type InspectOptions = PrettyInspectOptions;

/** `docker config inspect`: display detailed information on one or more configs. */
export function newInspectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InspectOptions = newPrettyInspectOptions();
  const command = new Command({
    use: 'inspect [OPTIONS] CONFIG [CONFIG...]',
    short: 'Display detailed information on one or more configs',
    args: requiresMinArgs(1),
    run: (invocation) => runInspect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addPrettyInspectFlags(flags, options);
  return command;
}

/**
 * docker's configInspectPrettyTemplate: tabs after the first labels, spaces and a tab after
 * the times, then `Data:` and the content as text.
 */
export function prettyConfig(config: Config): string {
  const data = decodeBase64(config.Spec.Data ?? '');
  return [
    `ID:\t\t\t${config.ID}`,
    `Name:\t\t\t${config.Spec.Name}`,
    ...prettyLabelLines(config.Spec.Labels),
    `Created at:            \t${prettyTime(config.CreatedAt)}`,
    `Updated at:            \t${prettyTime(config.UpdatedAt)}`,
    'Data:',
    data === null ? '' : utf8Decode([...data]),
  ].join('\n');
}

/** docker config inspect: a config's data is shown, as base64 in the JSON, as text when pretty. */
export function runInspect(
  cli: DockerCli,
  options: InspectOptions,
  invocation: Invocation,
): Promise<void> {
  return runDataObjectInspect(cli, options, {
    noun: 'config',
    refs: invocation.args,
    fetch: (id) => cli.engine.configInspect({ id }, cli.cancel),
    pretty: prettyConfig,
  });
}
