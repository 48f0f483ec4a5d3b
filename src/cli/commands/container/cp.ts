import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface CpOptions {
  archive: boolean;
  followLink: boolean;
  quiet: boolean;
}

/** `docker container cp`: copy files/folders between a container and the local filesystem. */
export function newCpCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CpOptions = {
    archive: false,
    followLink: false,
    quiet: false,
  };
  const command = new Command({
    use: 'cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
    short: 'Copy files/folders between a container and the local filesystem',
    long: `Copy files/folders between a container and the local filesystem

Use '-' as the source to read a tar archive from stdin
and extract it to a directory destination in a container.
Use '-' as the destination to stream a tar archive of a
container source to stdout.`,
    args: exactArgs(2),
    annotations: {
      aliases: 'docker container cp, docker cp',
    },
    run: (invocation) => runCp(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'archive', 'archive', 'a', 'Archive mode (copy all uid/gid information)');
  flags.boolVar(options, 'followLink', 'follow-link', 'L', 'Always follow symbol link in SRC_PATH');
  flags.boolVar(
    options,
    'quiet',
    'quiet',
    'q',
    'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached',
  );
  return command;
}

export function runCp(_cli: DockerCli, _options: CpOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
