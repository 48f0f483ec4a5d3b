import { AGENT_RETRY_MS, type WorkerContext } from '../agent';
import { assignmentsDigest } from '../dispatcher';
import { stripPort, tell, type Control } from '../runtime/control';
import type { WireBody } from '../../machine-api';
import type { DaemonFailure } from '../../api/operations';
import type { SwarmDaemonState } from './daemon-state';
import { nodeFacts } from './node-facts';
import { diskVolumes } from './disk';
import { serve } from './routing';

/**
 * The agent's side of tasks: it takes the dispatcher's assignments into its worker, moves the
 * worker on at every tick, and reports what changed (swarmkit agent `reporter`), one report in
 * flight at a time, sent again after AGENT_RETRY_MS when no answer came.
 */

export function takeAssignments(
  daemon: SwarmDaemonState,
  control: Control,
  body: WireBody & { type: 'assignments' },
): void {
  const context = workerContext(daemon, control);
  if (context === null || body.nodeId !== context.nodeId) return;
  daemon.worker.assign(
    context,
    body.term,
    assignmentsDigest(body.tasks, body.attachments ?? []),
    body.tasks,
    body.dependencies ?? [],
    body.attachments ?? [],
  );
  tellWorkerChanges(daemon, control);
  reportTasks(daemon, control);
}

export function workerTick(daemon: SwarmDaemonState, control: Control): void {
  const context = workerContext(daemon, control);
  if (context === null) return;
  daemon.worker.advance(context);
  tellWorkerChanges(daemon, control);
  reportTasks(daemon, control);
}

/** The answer to report `reqId`: written (its updates are forgotten), or to be sent again. */
export function reportAnswered(
  daemon: SwarmDaemonState,
  control: Control,
  reqId: string,
  ok: boolean,
): void {
  const inFlight = daemon.reportInFlight;
  if (inFlight?.reqId !== reqId) return;
  daemon.reportInFlight = null;
  if (ok) daemon.worker.acknowledged(inFlight.count);
  reportTasks(daemon, control);
}

/**
 * `docker rm` of one of this node's containers: the worker removes it (killing it with
 * `force`), and the task it ran is reported failed at once, so the orchestrator replaces it.
 */
export function removeTaskContainer(
  daemon: SwarmDaemonState,
  control: Control,
  id: string,
  force: boolean,
): { readonly ok: true } | { readonly ok: false; readonly error: DaemonFailure } {
  const context = workerContext(daemon, control);
  if (context === null) {
    return { ok: false, error: { kind: 'not-found', message: `No such container: ${id}` } };
  }
  const removed = daemon.worker.removeContainer(context, id, force);
  tellWorkerChanges(daemon, control);
  if (removed.ok) reportTasks(daemon, control);
  return removed;
}

/** What the worker just did that the event log tells, into the machine's trace. */
function tellWorkerChanges(daemon: SwarmDaemonState, control: Control): void {
  for (const change of daemon.worker.takeChanges()) tell(control, change);
}

function reportTasks(daemon: SwarmDaemonState, control: Control): void {
  const node = daemon.disk.node;
  const updates = daemon.worker.reports();
  const sessionId = daemon.agent.sessionId;
  if (node === null || daemon.locked || updates.length === 0 || sessionId === '') return;
  const inFlight = daemon.reportInFlight;
  if (inFlight !== null && control.nowMs - inFlight.sentAtMs < AGENT_RETRY_MS) return;
  const reqId = daemon.requests.newReqId(control);
  daemon.reportInFlight = { reqId, count: updates.length, sentAtMs: control.nowMs };
  const body: WireBody = {
    type: 'task-status',
    reqId,
    nodeId: node.nodeId,
    sessionId,
    updates,
  };
  // As the heartbeat goes: a manager through its own raft proxy, a worker to a manager.
  const raft = control.raft();
  if (node.role === 'manager' && (daemon.leader !== null || (raft?.lead ?? 0) !== 0)) {
    serve(daemon, control, body, {
      kind: 'continuation',
      reply: (c, answer) => {
        if (answer.type === 'task-status-reply') reportAnswered(daemon, c, reqId, answer.ok);
      },
    });
    return;
  }
  const managers = node.managers.filter((addr) => stripPort(addr) !== control.address);
  const target = managers[daemon.agent.target % Math.max(1, managers.length)];
  if (target === undefined) return;
  control.send({ from: control.address, to: stripPort(target), body });
}

function workerContext(daemon: SwarmDaemonState, control: Control): WorkerContext | null {
  const node = daemon.disk.node;
  if (node === null || daemon.locked) return null;
  return {
    nowMs: control.nowMs,
    epochMs: control.epochMs,
    prng: control.prng,
    nodeId: node.nodeId,
    node: nodeFacts(control),
    files: control.files,
    volumes: {
      read: () => diskVolumes(daemon.disk),
      replace: (volumes) => {
        daemon.disk = { ...daemon.disk, volumes };
      },
    },
  };
}
