import { TextValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

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
    listenAddr: new TextValue('node-addr', '0.0.0.0:2377'),
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

export function runJoin(
  _cli: DockerCli,
  _options: JoinOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
