import type { Secret } from '../../../api/secret';
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

/** `docker secret inspect`: display detailed information on one or more secrets. */
export function newInspectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InspectOptions = newPrettyInspectOptions();
  const command = new Command({
    use: 'inspect [OPTIONS] SECRET [SECRET...]',
    short: 'Display detailed information on one or more secrets',
    args: requiresMinArgs(1),
    run: (invocation) => runInspect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addPrettyInspectFlags(flags, options);
  return command;
}

/**
 * docker's secretInspectPrettyTemplate: spaces only, the first line two short of the others,
 * and `Driver:` followed by its padding even when there is no driver.
 */
export function prettySecret(secret: Secret): string {
  return [
    `ID:              ${secret.ID}`,
    `Name:              ${secret.Spec.Name}`,
    ...prettyLabelLines(secret.Spec.Labels),
    `Driver:            ${secret.Spec.Driver?.Name ?? ''}`,
    `Created at:        ${prettyTime(secret.CreatedAt)}`,
    `Updated at:        ${prettyTime(secret.UpdatedAt)}`,
  ].join('\n');
}

/** docker secret inspect: the daemon never sends a secret's data, so no output shows it. */
export function runInspect(
  cli: DockerCli,
  options: InspectOptions,
  invocation: Invocation,
): Promise<void> {
  return runDataObjectInspect(cli, options, {
    noun: 'secret',
    refs: invocation.args,
    fetch: (id) => cli.engine.secretInspect({ id }, cli.cancel),
    pretty: prettySecret,
  });
}
