import type { DockerUnit, ProcessContext, ProgramEntry, ServiceManager } from '../process';
import { isActive, serviceStatus, socketStatus } from './systemd-status';

/** Options that change nothing visible here: no pager is ever started in the playground. */
const QUIET_OPTIONS = new Set(['--no-pager', '-l', '--full', '--no-block', '--no-legend']);
const ACTIONS = ['start', 'stop', 'restart', 'status', 'is-active'] as const;
type Action = (typeof ACTIONS)[number];

const NO_SYSTEMD =
  "System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down\n";

/** `docker` is docker.service, as systemd appends `.service` to a bare unit name. */
export function unitName(name: string): string {
  return name.includes('.') ? name : `${name}.service`;
}

function isDockerUnit(unit: string): unit is DockerUnit {
  return unit === 'docker.service' || unit === 'docker.socket';
}

function isAction(word: string): word is Action {
  return (ACTIONS as readonly string[]).includes(word);
}

interface Parsed {
  readonly action: string | undefined;
  readonly units: readonly string[];
  readonly quiet: boolean;
}

function parse(args: readonly string[]): Parsed | { readonly unknownOption: string } {
  const words: string[] = [];
  let quiet = false;
  for (const arg of args) {
    if (arg === '-q' || arg === '--quiet') quiet = true;
    else if (QUIET_OPTIONS.has(arg)) continue;
    else if (arg.startsWith('-')) return { unknownOption: arg };
    else words.push(arg);
  }
  const [action, ...units] = words;
  return { action, units: units.map(unitName), quiet };
}

/** systemd's refusal for a unit this machine does not have. */
function unknownUnit(action: Action, unit: string): { text: string; code: number } {
  switch (action) {
    case 'status':
      return { text: `Unit ${unit} could not be found.\n`, code: 4 };
    case 'is-active':
      return { text: '', code: 3 };
    case 'stop':
      return { text: `Failed to stop ${unit}: Unit ${unit} not loaded.\n`, code: 5 };
    case 'start':
    case 'restart':
      return { text: `Failed to ${action} ${unit}: Unit ${unit} not found.\n`, code: 5 };
  }
}

async function changeUnits(
  context: ProcessContext,
  systemd: ServiceManager,
  action: 'start' | 'stop' | 'restart',
  units: readonly DockerUnit[],
): Promise<number> {
  await systemd.apply(action, units);
  // systemd warns when a stopped service can come back through a socket that is still listening.
  const stoppedServiceOnly =
    action === 'stop' && units.includes('docker.service') && !units.includes('docker.socket');
  if (stoppedServiceOnly && systemd.units().socket === 'active') {
    context.stderr.write(
      'Warning: Stopping docker.service, but it can still be activated by:\n  docker.socket\n',
    );
  }
  return 0;
}

function printStatus(
  context: ProcessContext,
  systemd: ServiceManager,
  units: readonly DockerUnit[],
): number {
  const states = systemd.units();
  const statusContext = {
    hostname: context.host.hostname,
    units: states,
    nowEpochMs: systemd.nowEpochMs(),
    colour: context.terminal !== null,
  };
  const blocks = units.map((unit) =>
    (unit === 'docker.service' ? serviceStatus(statusContext) : socketStatus(statusContext)).join(
      '\n',
    ),
  );
  context.stdout.write(`${blocks.join('\n\n')}\n`);
  // LSB status codes: 0 when every unit runs, 3 when one does not.
  return units.every((unit) => isActive(states, unit)) ? 0 : 3;
}

function printIsActive(
  context: ProcessContext,
  systemd: ServiceManager,
  units: readonly string[],
  quiet: boolean,
): number {
  const states = systemd.units();
  const answers = units.map((unit) =>
    isDockerUnit(unit) && isActive(states, unit) ? 'active' : 'inactive',
  );
  if (!quiet) context.stdout.write(answers.map((answer) => `${answer}\n`).join(''));
  return answers.every((answer) => answer === 'active') ? 0 : 3;
}

async function runSystemctl(context: ProcessContext): Promise<number> {
  const systemd = context.host.systemd;
  if (systemd === undefined) {
    context.stderr.write(NO_SYSTEMD);
    return 1;
  }
  const parsed = parse(context.args);
  if ('unknownOption' in parsed) {
    context.stderr.write(
      `systemctl: option ${parsed.unknownOption} is not simulated in this playground\n`,
    );
    return 1;
  }
  const { action, units, quiet } = parsed;
  if (action === undefined || !isAction(action)) {
    const what = action === undefined ? 'systemctl without a command' : `systemctl ${action}`;
    context.stderr.write(
      `${what}: not simulated in this playground (try start, stop, restart, status or is-active)\n`,
    );
    return 1;
  }
  if (units.length === 0) {
    context.stderr.write('Too few arguments.\n');
    return 1;
  }
  if (action === 'is-active') return printIsActive(context, systemd, units, quiet);
  const unknown = units.find((unit) => !isDockerUnit(unit));
  if (unknown !== undefined) {
    const refusal = unknownUnit(action, unknown);
    context.stderr.write(refusal.text);
    return refusal.code;
  }
  const dockerUnits = units.filter(isDockerUnit);
  if (action === 'status') return printStatus(context, systemd, dockerUnits);
  return changeUnits(context, systemd, action, dockerUnits);
}

export const systemctlProgram: ProgramEntry = {
  name: 'systemctl',
  summary: 'Control the docker.service and docker.socket units',
  run: runSystemctl,
  complete: ({ words, current }) => {
    const candidates =
      words.length <= 1 ? [...ACTIONS] : ['docker', 'docker.service', 'docker.socket'];
    return candidates.filter((candidate) => candidate.startsWith(current));
  },
};

/**
 * `service docker status|start|stop|restart`: on a systemd host the `service` script hands the
 * command to systemctl, so it prints what systemctl prints.
 */
export const serviceProgram: ProgramEntry = {
  name: 'service',
  summary: 'Run a System V style command on a service (handed to systemctl)',
  run: (context) => {
    const [name, command, ...rest] = context.args;
    if (name === undefined || command === undefined || rest.length > 0) {
      context.stderr.write(
        'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n',
      );
      return Promise.resolve(1);
    }
    return runSystemctl({ ...context, args: [command, name] });
  },
  complete: ({ words, current }) =>
    (words.length <= 1 ? ['docker'] : ['start', 'stop', 'restart', 'status']).filter((word) =>
      word.startsWith(current),
    ),
};
