import { ListValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import type { Node, NodeSpecUpdate } from '../../../api/swarm';
import { CliError } from '../../command/errors';
import { updateNodes, type NodeMerge } from './update-nodes';

export interface UpdateOptions {
  availability: string;
  labelAdd: ListValue;
  labelRm: ListValue;
  role: string;
}

/** `docker node update`: update a node. */
export function newUpdateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: UpdateOptions = {
    availability: '',
    labelAdd: new ListValue(),
    labelRm: new ListValue(),
    role: '',
  };
  const command = new Command({
    use: 'update [OPTIONS] NODE',
    short: 'Update a node',
    args: exactArgs(1),
    run: (invocation) => runUpdate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(
    options,
    'availability',
    'availability',
    '',
    'Availability of the node ("active", "pause", "drain")',
  );
  flags.add(options.labelAdd, 'label-add', '', 'Add or update a node label ("key=value")');
  flags.add(options.labelRm, 'label-rm', '', 'Remove a node label if exists');
  flags.stringVar(options, 'role', 'role', '', 'Role of the node ("worker", "manager")');
  return command;
}

/** docker's ConvertKVStringsToMap: `k=v`, or `k` alone for an empty value. */
function labelEntry(text: string): [string, string] {
  const equals = text.indexOf('=');
  return equals < 0 ? [text, ''] : [text.slice(0, equals), text.slice(equals + 1)];
}

/**
 * docker's mergeNodeUpdate: --role and --availability are passed through unchecked (the daemon
 * rejects bad values), labels are added first, then removed; removing a missing key fails.
 */
function mergeNodeUpdate(options: UpdateOptions, invocation: Invocation, node: Node): NodeMerge {
  const flags = invocation.command.flags;
  const labels = new Map(Object.entries(node.Spec.Labels));
  for (const [key, value] of options.labelAdd.values.map(labelEntry)) labels.set(key, value);
  for (const key of options.labelRm.values) {
    if (!labels.delete(key)) throw new CliError(`key ${key} doesn't exist in node's labels`);
  }
  const spec: NodeSpecUpdate = {
    ...node.Spec,
    Labels: Object.fromEntries(labels),
    Role: flags.changed('role') ? options.role : node.Spec.Role,
    Availability: flags.changed('availability') ? options.availability : node.Spec.Availability,
  };
  return { spec };
}

/** docker node update: prints the NODE argument as typed on success. */
export async function runUpdate(
  cli: DockerCli,
  options: UpdateOptions,
  invocation: Invocation,
): Promise<void> {
  await updateNodes(
    cli,
    invocation.args,
    (node) => mergeNodeUpdate(options, invocation, node),
    (ref) => {
      cli.out.write(`${ref}\n`);
    },
  );
}
