import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import type { Node } from '../../../api/swarm';
import { CliError, StatusError } from '../../command/errors';
import { engineErrorText } from '../../command/errors-text';
import { inspectEach } from '../inspect-run';
import { SWARM_NODE_TYPE } from './node-type';
import { prettyNode } from './pretty';
import { nodeReference } from './reference';
import {
  addPrettyInspectFlags,
  newPrettyInspectOptions,
  type PrettyInspectOptions,
} from '../inspect-flags';

export type InspectOptions = PrettyInspectOptions;

/** `docker node inspect`: display detailed information on one or more nodes. */
export function newInspectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InspectOptions = newPrettyInspectOptions();
  const command = new Command({
    use: 'inspect [OPTIONS] self|NODE [NODE...]',
    short: 'Display detailed information on one or more nodes',
    args: requiresMinArgs(1),
    run: (invocation) => runInspect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addPrettyInspectFlags(flags, options);
  return command;
}

const PRETTY = 'pretty';

async function inspectNode(cli: DockerCli, ref: string): Promise<Node> {
  return cli.engine.nodeInspect({ id: await nodeReference(cli, ref) }, cli.cancel);
}

/** Go's encoding/json writes map keys sorted; the daemon's label maps are maps. */
function sortedLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

export function asGoJson(node: Node): Node {
  const engine = node.Description.Engine;
  return {
    ...node,
    Spec: { ...node.Spec, Labels: sortedLabels(node.Spec.Labels) },
    Description:
      engine?.Labels === undefined
        ? node.Description
        : { ...node.Description, Engine: { ...engine, Labels: sortedLabels(engine.Labels) } },
  };
}

/**
 * --pretty: docker's formatter stops at the first failed lookup and then prints nothing at all,
 * since its buffer is written out only at the end.
 */
async function runPretty(cli: DockerCli, refs: readonly string[]): Promise<void> {
  let text = '';
  for (const ref of refs) {
    try {
      text += prettyNode(await inspectNode(cli, ref));
    } catch (error) {
      // Here the wrapped error is a plain one, so no `Status: …` text appears.
      throw new StatusError(engineErrorText(error), 1);
    }
  }
  cli.out.write(text);
}

/**
 * docker node inspect: indented JSON, `json`, a template per node, or the pretty text. Lookup
 * and template errors come after the output. docker ≤27 wraps the inspector's StatusError in
 * another one, so the text printed is the inner one's Error(): `Status: …, Code: 1`, or
 * `…, Code: 64` for a template that does not parse (exit 1 either way).
 */
export async function runInspect(
  cli: DockerCli,
  options: InspectOptions,
  invocation: Invocation,
): Promise<void> {
  const format = options.pretty ? PRETTY : options.format;
  if (format.startsWith(PRETTY) && format !== PRETTY) {
    throw new CliError('cannot supply extra formatting options to the pretty template');
  }
  if (format === PRETTY) return runPretty(cli, invocation.args);
  await inspectEach(cli, {
    format,
    refs: invocation.args,
    type: SWARM_NODE_TYPE,
    fetch: async (ref) => asGoJson(await inspectNode(cli, ref)),
  });
}
