import { ListValue, MapValue, MemBytesValue } from '../../flags';
import { requiresMaxArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { CliError } from '../../command/errors';
import { validateLabel } from '../service/opts/validators';
import { kvMap } from '../service/spec/parts';

export interface CreateOptions {
  availability: string;
  driver: string;
  group: string;
  label: ListValue;
  limitBytes: MemBytesValue;
  name: string;
  opt: MapValue;
  requiredBytes: MemBytesValue;
  scope: string;
  secret: MapValue;
  sharing: string;
  topologyPreferred: ListValue;
  topologyRequired: ListValue;
  type: string;
}

/** `docker volume create`: create a volume. */
export function newCreateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CreateOptions = {
    availability: 'active',
    driver: 'local',
    group: '',
    label: new ListValue(validateLabel),
    limitBytes: new MemBytesValue(),
    name: '',
    opt: new MapValue(),
    requiredBytes: new MemBytesValue(),
    scope: 'single',
    secret: new MapValue(),
    sharing: 'none',
    topologyPreferred: new ListValue(),
    topologyRequired: new ListValue(),
    type: 'block',
  };
  const command = new Command({
    use: 'create [OPTIONS] [VOLUME]',
    short: 'Create a volume',
    args: requiresMaxArgs(1),
    run: (invocation) => runCreate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(
    options,
    'availability',
    'availability',
    '',
    'Cluster Volume availability ("active", "pause", "drain")',
  );
  flags.stringVar(options, 'driver', 'driver', 'd', 'Specify volume driver name');
  flags.stringVar(options, 'group', 'group', '', 'Cluster Volume group (cluster volumes)');
  flags.stringVar(options, 'name', 'name', '', 'Specify volume name');
  flags.markHidden('name');
  flags.add(options.label, 'label', '', 'Set metadata for a volume');
  flags.add(options.limitBytes, 'limit-bytes', '', 'Minimum size of the Cluster Volume in bytes');
  flags.add(options.opt, 'opt', 'o', 'Set driver specific options');
  flags.add(
    options.requiredBytes,
    'required-bytes',
    '',
    'Maximum size of the Cluster Volume in bytes',
  );
  flags.stringVar(options, 'scope', 'scope', '', 'Cluster Volume access scope ("single", "multi")');
  flags.add(options.secret, 'secret', '', 'Cluster Volume secrets');
  flags.stringVar(
    options,
    'sharing',
    'sharing',
    '',
    'Cluster Volume access sharing ("none", "readonly", "onewriter", "all")',
  );
  flags.add(
    options.topologyPreferred,
    'topology-preferred',
    '',
    'A topology that the Cluster Volume would be preferred in',
  );
  flags.add(
    options.topologyRequired,
    'topology-required',
    '',
    'A topology that the Cluster Volume must be accessible from',
  );
  flags.stringVar(options, 'type', 'type', '', 'Cluster Volume access type ("mount", "block")');
  return command;
}

/**
 * docker's hasClusterVolumeOptionSet, as 27.5.1 spells it: `--secret` and the topology flags
 * alone do not make a cluster volume (it checks a `secrets` flag that does not exist).
 */
const CLUSTER_FLAGS = [
  'group',
  'scope',
  'sharing',
  'availability',
  'type',
  'limit-bytes',
  'required-bytes',
];

/**
 * docker volume create: a local volume on this node's daemon (an existing one of that name is
 * answered as it is), its name printed. Cluster volumes (CSI plugins) are not simulated.
 */
export async function runCreate(
  cli: DockerCli,
  options: CreateOptions,
  invocation: Invocation,
): Promise<void> {
  const [positional] = invocation.args;
  let name = options.name;
  if (positional !== undefined) {
    if (name !== '') {
      throw new CliError(
        'conflicting options: either specify --name or provide positional arg, not both',
      );
    }
    name = positional;
  }
  const flags = invocation.command.flags;
  if (CLUSTER_FLAGS.some((flag) => flags.changed(flag))) return notSimulated(invocation);
  const volume = await cli.engine.volumeCreate(
    {
      request: {
        Name: name,
        Driver: options.driver,
        DriverOpts: Object.fromEntries(options.opt.values),
        Labels: kvMap(options.label.values),
      },
    },
    cli.cancel,
  );
  cli.out.write(`${volume.Name}\n`);
}
