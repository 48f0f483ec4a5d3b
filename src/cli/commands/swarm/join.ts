import { TextValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { checkedAvailability } from './availability';
import { DEFAULT_LISTEN_ADDR, parseNodeAddr } from './node-addr';

export interface JoinOptions {
  advertiseAddr: string;
  availability: string;
  dataPathAddr: string;
  listenAddr: TextValue;
  token: string;
}

/** `docker swarm join`: join a swarm as a node and/or manager. */
export function newJoinCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: JoinOptions = {
    advertiseAddr: '',
    availability: 'active',
    dataPathAddr: '',
    listenAddr: new TextValue('node-addr', DEFAULT_LISTEN_ADDR, (raw) => parseNodeAddr(raw)),
    token: '',
  };
  const command = new Command({
    use: 'join [OPTIONS] HOST:PORT',
    short: 'Join a swarm as a node and/or manager',
    args: exactArgs(1),
    annotations: {
      version: '1.24',
      swarm: '',
    },
    run: (invocation) => runJoin(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(
    options,
    'advertiseAddr',
    'advertise-addr',
    '',
    'Advertised address (format: "<ip|interface>[:port]")',
  );
  flags.stringVar(
    options,
    'availability',
    'availability',
    '',
    'Availability of the node ("active", "pause", "drain")',
  );
  flags.stringVar(
    options,
    'dataPathAddr',
    'data-path-addr',
    '',
    'Address or interface to use for data path traffic (format: "<ip|interface>")',
  );
  flags.add(
    options.listenAddr,
    'listen-addr',
    '',
    'Listen address (format: "<ip|interface>[:port]")',
  );
  flags.stringVar(options, 'token', 'token', '', 'Token for entry into the swarm');
  return command;
}

/**
 * docker swarm join: the request with the HOST:PORT argument as typed, then `/info` to tell
 * whether the token made this node a manager or a worker.
 */
export async function runJoin(
  cli: DockerCli,
  options: JoinOptions,
  invocation: Invocation,
): Promise<void> {
  const availability = checkedAvailability(
    invocation.command.flags.changed('availability'),
    options.availability,
  );
  const request = {
    ListenAddr: options.listenAddr.values.at(-1) ?? DEFAULT_LISTEN_ADDR,
    AdvertiseAddr: options.advertiseAddr,
    DataPathAddr: options.dataPathAddr,
    RemoteAddrs: [invocation.args[0] ?? ''],
    JoinToken: options.token,
    Availability: availability,
  };
  await cli.engine.swarmJoin({ request }, cli.cancel);
  const info = await cli.engine.info();
  const role = info.Swarm.ControlAvailable ? 'manager' : 'worker';
  cli.out.write(`This node joined a swarm as a ${role}.\n`);
}
