import { refusingEngine, type EngineApi } from '../../api/engine';
import { ConnectionError } from '../../api/errors';
import { neverCancelled, type CancelSignal } from '../../lib/cancel';
import type { VirtualClock } from '../../lib/virtual-clock';
import type {
  HostContext,
  InputStream,
  OutputStream,
  ProcessContext,
  TerminalControl,
} from '../process';

/** The values of docker's global options (cli/flags ClientOptions), filled in by parsing. */
export interface ClientOptions {
  configDir: string;
  debug: boolean;
  logLevel: string;
  tls: boolean;
  tlsVerify: boolean;
  tlsCaCert: string;
  tlsCert: string;
  tlsKey: string;
  context: string;
}

/**
 * What every command reaches the world through (docker/cli's `command.Cli`): the streams, the
 * daemon of this machine, the terminal when there is one, and the global options.
 */
export interface DockerCli {
  readonly out: OutputStream;
  readonly err: OutputStream;
  readonly in: InputStream;
  readonly engine: EngineApi;
  readonly terminal: TerminalControl | null;
  readonly cancel: CancelSignal;
  readonly host: HostContext;
  readonly options: ClientOptions;
  /** `signal.Notify` for Ctrl+C (see ProcessContext.trapInterrupt); absent when none can come. */
  readonly trapInterrupt?: () => () => void;
}

export function defaultClientOptions(home: string): ClientOptions {
  const configDir = `${home}/.docker`;
  return {
    configDir,
    debug: false,
    logLevel: 'info',
    tls: false,
    tlsVerify: false,
    tlsCaCert: `${configDir}/ca.pem`,
    tlsCert: `${configDir}/cert.pem`,
    tlsKey: `${configDir}/key.pem`,
    context: '',
  };
}

export function dockerCliFor(process: ProcessContext): DockerCli {
  const home = process.host.env.get('HOME') ?? '/root';
  return {
    out: process.stdout,
    err: process.stderr,
    in: process.stdin,
    engine: process.host.engine,
    terminal: process.terminal,
    cancel: process.cancel,
    host: process.host,
    options: defaultClientOptions(home),
    ...(process.trapInterrupt === undefined ? {} : { trapInterrupt: process.trapInterrupt }),
  };
}

/** The context name `docker version` and `docker info` print. */
export function currentContext(cli: DockerCli): string {
  if (cli.options.context !== '') return cli.options.context;
  return cli.host.env.get('DOCKER_CONTEXT') ?? 'default';
}

/** Time that never passes: a sleep ends only when it is cancelled. */
const stoppedClock: VirtualClock = {
  nowEpochMs: () => 0,
  sleep: (_ms, cancel) =>
    new Promise((resolve) => {
      cancel.onCancel(resolve);
    }),
};

/**
 * A CLI with no process behind it, for building the command tree outside a run (tab completion).
 * Its daemon never answers and its streams discard everything.
 */
export function offlineCli(): DockerCli {
  const engine = refusingEngine(() => new ConnectionError());
  const discard = { write: () => undefined };
  return {
    out: discard,
    err: discard,
    in: { isTerminal: false, readAll: () => Promise.resolve('') },
    engine,
    terminal: null,
    cancel: neverCancelled,
    host: { hostname: '', engine, history: [], env: new Map(), clock: stoppedClock },
    options: defaultClientOptions('/root'),
  };
}
