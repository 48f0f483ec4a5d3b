import { TextValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface CreateOptions {
  description: string;
  docker: TextValue;
  from: string;
}

/** `docker context create`: create a context. */
export function newCreateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CreateOptions = {
    description: '',
    docker: new TextValue('stringToString', '[]'),
    from: '',
  };
  const command = new Command({
    use: 'create [OPTIONS] CONTEXT',
    short: 'Create a context',
    long: `Create a context

Docker endpoint config:

NAME                DESCRIPTION
from                Copy named context's Docker endpoint configuration
host                Docker endpoint on which to connect
ca                  Trust certs signed only by this CA
cert                Path to TLS certificate file
key                 Path to TLS key file
skip-tls-verify     Skip TLS certificate validation

Example:

$ docker context create my-context --description "some description" --docker "host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file"`,
    args: exactArgs(1),
    run: (invocation) => runCreate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'description', 'description', '', 'Description of the context');
  flags.add(options.docker, 'docker', '', 'set the docker endpoint');
  flags.stringVar(options, 'from', 'from', '', 'create context from a named context');
  return command;
}

export function runCreate(
  _cli: DockerCli,
  _options: CreateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
