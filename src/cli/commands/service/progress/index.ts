import type { Service } from '../../../../api/service';
import type { DockerCli } from '../../../command/cli';
import { CliError } from '../../../command/errors';
import { GlobalProgress } from './global';
import { GlobalJobProgress, ReplicatedJobProgress } from './jobs';
import { DISCARD_PROGRESS, ProgressDisplay, type Progress, type ProgressOutput } from './output';
import { ReplicatedProgress } from './replicated';
import type { ProgressUpdater } from './updater';

/**
 * docker's WaitOnService and progress.ServiceProgress (cli/command/service/progress): poll the
 * service and its up-to-date tasks every 200 ms of virtual time, draw the updater's lines,
 * and once converged wait the monitor period (5 s unless the spec's UpdateConfig says
 * otherwise) counting down, then print `verify: Service <id> converged` (docker ≥ 26 names the
 * service as given). Ctrl+C stops waiting and says the operation continues.
 */

const POLL_MS = 200;
const DEFAULT_MONITOR_MS = 5000;
const NS_PER_MS = 1_000_000;

function initializeUpdater(service: Service, out: ProgressOutput): ProgressUpdater {
  const mode = service.Spec.Mode;
  if (mode.Replicated?.Replicas !== undefined) return new ReplicatedProgress(out);
  if (mode.Global !== undefined) return new GlobalProgress(out);
  if (mode.ReplicatedJob !== undefined) return new ReplicatedJobProgress(service, out);
  if (mode.GlobalJob !== undefined) return new GlobalJobProgress(out);
  throw new CliError('unrecognized service mode');
}

class Cancelled extends Error {}

interface LoopState {
  updater: ProgressUpdater | null;
  converged: boolean;
  convergedAt: number | null;
  monitorMs: number;
  rollback: boolean;
  /** The `rollback: rollback completed` line printed after the verify line. */
  message: Progress | null;
}

/**
 * What the service's UpdateStatus means for the display: an error ends it, `completed` before
 * convergence ends it at once, a rollback switches the overall line.
 */
function followUpdateStatus(service: Service, state: LoopState, out: ProgressOutput): boolean {
  const status = service.UpdateStatus;
  const message = status?.Message ?? '';
  switch (status?.State) {
    case 'updating':
      state.rollback = false;
      return false;
    case 'completed':
      return !state.converged;
    case 'paused':
      throw new CliError(`service update paused: ${message}`);
    case 'rollback_started':
      if (!state.rollback && message !== '') out.write({ id: 'rollback', action: message });
      state.rollback = true;
      return false;
    case 'rollback_paused':
      throw new CliError(`service rollback paused: ${message}`);
    case 'rollback_completed':
      if (!state.converged) state.message = { id: 'rollback', message };
      state.rollback = true;
      return false;
    case undefined:
      return false;
  }
}

async function activeNodes(cli: DockerCli): Promise<Set<string>> {
  const nodes = await cli.engine.nodeList({ filters: {} }, cli.cancel);
  return new Set(nodes.filter((node) => node.Status.State !== 'down').map((node) => node.ID));
}

/** One poll; true when the display is finished. */
async function poll(
  cli: DockerCli,
  serviceId: string,
  state: LoopState,
  out: ProgressOutput,
): Promise<boolean> {
  const service = await cli.engine.serviceInspect(
    { id: serviceId, insertDefaults: false },
    cli.cancel,
  );
  const monitor = service.Spec.UpdateConfig?.Monitor ?? 0;
  if (monitor !== 0) state.monitorMs = monitor / NS_PER_MS;
  state.updater ??= initializeUpdater(service, out);
  if (followUpdateStatus(service, state, out)) return true;
  const now = (): number => cli.host.clock.nowEpochMs();
  if (
    state.converged &&
    state.convergedAt !== null &&
    now() - state.convergedAt >= state.monitorMs
  ) {
    out.write({ id: 'verify', action: `Service ${serviceId} converged` });
    if (state.message !== null) out.write(state.message);
    return true;
  }
  const filters = { service: [serviceId], '_up-to-date': ['true'] };
  const tasks = await cli.engine.taskList({ filters }, cli.cancel);
  const nodes = await activeNodes(cli);
  state.converged = state.updater.update(service, tasks, nodes, state.rollback);
  if (state.converged) {
    // Only jobs have a JobStatus; a finished job stays finished, so there is nothing to verify.
    if (service.JobStatus !== undefined) {
      out.write({ id: '', message: 'job complete' });
      return true;
    }
    state.convergedAt ??= now();
    // docker computes this a few microseconds after convergedAt, so a whole number of seconds
    // left shows as itself (5, not 6), and nothing is shown once none is left.
    const waitMs = state.monitorMs - (now() - state.convergedAt);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      out.write({
        id: 'verify',
        action: `Waiting ${seconds} seconds to verify that tasks are stable...`,
      });
    }
  } else {
    if (state.convergedAt !== null) out.write({ id: 'verify', action: 'Detected task failure' });
    state.convergedAt = null;
  }
  return false;
}

async function serviceProgress(
  cli: DockerCli,
  serviceId: string,
  out: ProgressOutput,
): Promise<void> {
  const state: LoopState = {
    updater: null,
    converged: false,
    convergedAt: null,
    monitorMs: DEFAULT_MONITOR_MS,
    rollback: false,
    message: null,
  };
  for (;;) {
    try {
      if (await poll(cli, serviceId, state, out)) return;
    } catch (error) {
      if (cli.cancel.cancelled) throw new Cancelled();
      throw error;
    }
    await cli.host.clock.sleep(POLL_MS, cli.cancel);
    if (cli.cancel.cancelled) {
      if (!state.converged) {
        out.write({ id: '', message: 'Operation continuing in background.' });
        out.write({ id: '', message: `Use \`docker service ps ${serviceId}\` to check progress.` });
      }
      return;
    }
  }
}

/**
 * WaitOnService: the progress on stdout (nothing with `-q`, which still waits). A call cut off
 * by Ctrl+C ends the wait quietly, as docker's cancelled context does.
 */
export async function waitOnService(
  cli: DockerCli,
  serviceId: string,
  quiet: boolean,
): Promise<void> {
  const out = quiet ? DISCARD_PROGRESS : new ProgressDisplay(cli.out, cli.terminal);
  // docker's progress catches SIGINT itself, to say the operation goes on without it.
  const release = cli.trapInterrupt?.() ?? (() => undefined);
  try {
    await serviceProgress(cli, serviceId, out);
  } catch (error) {
    if (error instanceof Cancelled) return;
    throw error;
  } finally {
    release();
  }
}
