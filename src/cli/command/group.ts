import type { DockerCli } from './cli';
import type { Invocation } from './command';
import { showHelp } from './execute';

/** docker's command.ShowHelp(dockerCli.Err()): a group run alone prints its help to stderr. */
export function showHelpToStderr(cli: DockerCli, invocation: Invocation): Promise<void> {
  return showHelp(cli, invocation.command, cli.err);
}
