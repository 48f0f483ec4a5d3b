import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface AttachOptions {
  detachKeys: string;
  noStdin: boolean;
  sigProxy: boolean;
}

/** `docker container attach`: attach local standard input, output, and error streams to a running container. */
export function newAttachCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: AttachOptions = {
    detachKeys: '',
    noStdin: false,
    sigProxy: true,
  };
  const command = new Command({
    use: 'attach [OPTIONS] CONTAINER',
    short: 'Attach local standard input, output, and error streams to a running container',
    args: exactArgs(1),
    annotations: {
      aliases: 'docker container attach, docker attach',
    },
    run: (invocation) => runAttach(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(
    options,
    'detachKeys',
    'detach-keys',
    '',
    'Override the key sequence for detaching a container',
  );
  flags.boolVar(options, 'noStdin', 'no-stdin', '', 'Do not attach STDIN');
  flags.boolVar(options, 'sigProxy', 'sig-proxy', '', 'Proxy all received signals to the process');
  return command;
}

export function runAttach(
  _cli: DockerCli,
  _options: AttachOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
