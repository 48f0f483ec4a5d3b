import { ListValue, StringSliceValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface ConnectOptions {
  alias: StringSliceValue;
  driverOpt: StringSliceValue;
  ip: string;
  ip6: string;
  link: ListValue;
  linkLocalIp: StringSliceValue;
}

/** `docker network connect`: connect a container to a network. */
export function newConnectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: ConnectOptions = {
    alias: new StringSliceValue(),
    driverOpt: new StringSliceValue(),
    ip: '',
    ip6: '',
    link: new ListValue(),
    linkLocalIp: new StringSliceValue(),
  };
  const command = new Command({
    use: 'connect [OPTIONS] NETWORK CONTAINER',
    short: 'Connect a container to a network',
    args: exactArgs(2),
    run: (invocation) => runConnect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.alias, 'alias', '', 'Add network-scoped alias for the container');
  flags.add(options.driverOpt, 'driver-opt', '', 'driver options for the network');
  flags.stringVar(options, 'ip', 'ip', '', 'IPv4 address (e.g., "172.30.100.104")');
  flags.stringVar(options, 'ip6', 'ip6', '', 'IPv6 address (e.g., "2001:db8::33")');
  flags.add(options.link, 'link', '', 'Add link to another container');
  flags.add(options.linkLocalIp, 'link-local-ip', '', 'Add a link-local address for the container');
  return command;
}

export function runConnect(
  _cli: DockerCli,
  _options: ConnectOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
