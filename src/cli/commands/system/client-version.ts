import { currentContext, type DockerCli } from '../../command/cli';

/**
 * The client half of `docker version` and `docker info` (docker/cli newClientVersion): the
 * 27.5.1 build facts, with a platform name that says this CLI is simulated.
 */
export interface ClientVersion {
  readonly platformName: string;
  readonly version: string;
  readonly apiVersion: string;
  readonly defaultApiVersion: string;
  readonly goVersion: string;
  readonly gitCommit: string;
  /** Already in ANSIC form, as the CLI's own build time is printed. */
  readonly buildTime: string;
  readonly os: string;
  readonly arch: string;
  readonly context: string;
}

export const CLIENT_PLATFORM_NAME = 'Docker Engine - Community (simulated by Swarm Playground)';

export function clientVersion(cli: DockerCli): ClientVersion {
  return {
    platformName: CLIENT_PLATFORM_NAME,
    version: '27.5.1',
    apiVersion: '1.47',
    defaultApiVersion: '1.47',
    goVersion: 'go1.22.11',
    gitCommit: '9f9e405',
    buildTime: 'Wed Jan 22 13:41:48 2025',
    os: 'linux',
    arch: 'amd64',
    context: currentContext(cli),
  };
}
