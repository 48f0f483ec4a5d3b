import { ListValue, StringValue } from '../flags';
import type { DockerCli } from '../command/cli';
import { Command, type Invocation } from '../command/command';
import { CliError } from '../command/errors';
import { showHelp } from '../command/execute';
import { newBuilderCommand } from './builder';
import { newCheckpointCommand } from './checkpoint';
import { newConfigCommand } from './config';
import { newContainerCommand } from './container';
import { newAttachCommand } from './container/attach';
import { newCommitCommand } from './container/commit';
import { newCpCommand } from './container/cp';
import { newCreateCommand } from './container/create';
import { newDiffCommand } from './container/diff';
import { newExecCommand } from './container/exec';
import { newExportCommand } from './container/export';
import { newKillCommand } from './container/kill';
import { newLogsCommand } from './container/logs';
import { newPsCommand } from './container/ls';
import { newPauseCommand } from './container/pause';
import { newPortCommand } from './container/port';
import { newRenameCommand } from './container/rename';
import { newRestartCommand } from './container/restart';
import { newRmCommand } from './container/rm';
import { newRunCommand } from './container/run';
import { newStartCommand } from './container/start';
import { newStatsCommand } from './container/stats';
import { newStopCommand } from './container/stop';
import { newTopCommand } from './container/top';
import { newUnpauseCommand } from './container/unpause';
import { newUpdateCommand } from './container/update';
import { newWaitCommand } from './container/wait';
import { newContextCommand } from './context';
import { newHelpCommand } from './help';
import { newImageCommand } from './image';
import { newBuildCommand } from './image/build';
import { newHistoryCommand } from './image/history';
import { newImportCommand } from './image/import';
import { newLoadCommand } from './image/load';
import { newImagesCommand } from './image/ls';
import { newPullCommand } from './image/pull';
import { newPushCommand } from './image/push';
import { newRmiCommand } from './image/rm';
import { newSaveCommand } from './image/save';
import { newTagCommand } from './image/tag';
import { newManifestCommand } from './manifest';
import { newNetworkCommand } from './network';
import { newNodeCommand } from './node';
import { newPluginCommand } from './plugin';
import { INSTALLED_PLUGINS, newPluginStubCommand } from './plugins';
import { newLoginCommand } from './registry/login';
import { newLogoutCommand } from './registry/logout';
import { newSearchCommand } from './registry/search';
import { newSecretCommand } from './secret';
import { newServiceCommand } from './service';
import { newStackCommand } from './stack';
import { newSwarmCommand } from './swarm';
import { newSystemCommand } from './system';
import { newEventsCommand } from './system/events';
import { newInfoCommand } from './system/info';
import { newInspectCommand } from './system/inspect';
import { newVersionCommand } from './system/version';
import { newTrustCommand } from './trust';
import { newVolumeCommand } from './volume';

const ADDITIONAL_HELP =
  'For more help on how to use Docker, head to https://docs.docker.com/go/guides/';

/** The global options (cli/flags ClientOptions.InstallFlags) and `--version`, on the root only. */
function installGlobalFlags(root: Command, cli: DockerCli): void {
  const options = cli.options;
  const flags = root.flags;
  flags.stringVar(options, 'configDir', 'config', '', 'Location of client config files');
  flags.boolVar(options, 'debug', 'debug', 'D', 'Enable debug mode');
  flags.stringVar(
    options,
    'logLevel',
    'log-level',
    'l',
    'Set the logging level ("debug", "info", "warn", "error", "fatal")',
  );
  flags.boolVar(options, 'tls', 'tls', '', 'Use TLS; implied by --tlsverify');
  flags.boolVar(options, 'tlsVerify', 'tlsverify', '', 'Use TLS and verify the remote');
  const quoted = (key: 'tlsCaCert' | 'tlsCert' | 'tlsKey'): StringValue =>
    new StringValue(options[key], (value) => (options[key] = value));
  flags.add(quoted('tlsCaCert'), 'tlscacert', '', 'Trust certs signed only by this CA');
  flags.add(quoted('tlsCert'), 'tlscert', '', 'Path to TLS certificate file');
  flags.add(quoted('tlsKey'), 'tlskey', '', 'Path to TLS key file');
  flags.add(new ListValue(), 'host', 'H', 'Daemon socket to connect to');
  flags.stringVar(
    options,
    'context',
    'context',
    'c',
    'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
  );
  const version = { requested: false };
  flags.boolVar(version, 'requested', 'version', 'v', 'Print version information and quit');
  const help = { requested: false };
  root.persistentFlags.boolVar(help, 'requested', 'help', 'h', 'Print usage');
  root.persistentFlags.markShorthandDeprecated('help', 'use --help');
  root.persistentFlags.markHidden('help');
}

/** The root's own run: help on stderr when alone, else an unknown command. */
async function runRoot(cli: DockerCli, invocation: Invocation): Promise<void> {
  const [first] = invocation.args;
  if (first === undefined) {
    await showHelp(cli, invocation.command, cli.err);
    return;
  }
  throw new CliError(`docker: '${first}' is not a docker command.\nSee 'docker --help'`);
}

function commonCommands(cli: DockerCli): Command[] {
  return [
    newRunCommand(cli),
    newExecCommand(cli),
    newPsCommand(cli),
    newBuildCommand(cli),
    newPullCommand(cli),
    newPushCommand(cli),
    newImagesCommand(cli),
    newLoginCommand(cli),
    newLogoutCommand(cli),
    newSearchCommand(cli),
    newVersionCommand(cli),
    newInfoCommand(cli),
  ];
}

function managementCommands(cli: DockerCli): Command[] {
  return [
    newBuilderCommand(cli),
    newCheckpointCommand(cli),
    newContainerCommand(cli),
    newContextCommand(cli),
    newImageCommand(cli),
    newManifestCommand(cli),
    newNetworkCommand(cli),
    newPluginCommand(cli),
    newSystemCommand(cli),
    newTrustCommand(cli),
    newVolumeCommand(cli),
    ...INSTALLED_PLUGINS.map((plugin) => newPluginStubCommand(cli, plugin)),
  ];
}

function swarmCommands(cli: DockerCli): Command[] {
  return [
    newConfigCommand(cli),
    newNodeCommand(cli),
    newSecretCommand(cli),
    newServiceCommand(cli),
    newStackCommand(cli),
    newSwarmCommand(cli),
  ];
}

/** The legacy top-level forms (`docker rm`, `docker tag`, ...), listed under "Commands:". */
function legacyCommands(cli: DockerCli): Command[] {
  return [
    newAttachCommand(cli),
    newCommitCommand(cli),
    newCpCommand(cli),
    newCreateCommand(cli),
    newDiffCommand(cli),
    newExportCommand(cli),
    newKillCommand(cli),
    newLogsCommand(cli),
    newPauseCommand(cli),
    newPortCommand(cli),
    newRenameCommand(cli),
    newRestartCommand(cli),
    newRmCommand(cli),
    newStartCommand(cli),
    newStatsCommand(cli),
    newStopCommand(cli),
    newTopCommand(cli),
    newUnpauseCommand(cli),
    newUpdateCommand(cli),
    newWaitCommand(cli),
    newHistoryCommand(cli),
    newImportCommand(cli),
    newLoadCommand(cli),
    newRmiCommand(cli),
    newSaveCommand(cli),
    newTagCommand(cli),
    newEventsCommand(cli),
    newInspectCommand(cli),
  ];
}

/** `docker`: the root of the command tree (cmd/docker/docker.go newDockerCommand). */
export function newDockerCommand(cli: DockerCli): Command {
  const root = new Command({
    use: 'docker [OPTIONS] COMMAND [ARG...]',
    short: 'A self-sufficient runtime for containers',
    annotations: { additionalHelp: ADDITIONAL_HELP },
    run: (invocation) => runRoot(cli, invocation),
  });
  installGlobalFlags(root, cli);
  root.addCommand(
    ...commonCommands(cli),
    ...managementCommands(cli),
    ...swarmCommands(cli),
    ...legacyCommands(cli),
    newHelpCommand(cli),
  );
  return root;
}
