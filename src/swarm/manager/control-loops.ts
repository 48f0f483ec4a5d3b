import { allocateTasks } from '../allocator';
import {
  assignmentsByNode,
  assignmentsDigest,
  dependenciesOf,
  nodeAttachments,
  taskStatusProposal,
} from '../dispatcher';
import { orchestrate } from '../orchestrator/orchestrate';
import { scheduleTasks } from '../scheduler';
import { proposal } from '../controlapi/context';
import { stripPort, storeContext, type Control } from '../runtime/control';
import { allNodes, type StoreAction, type StoreProposal } from '../store';
import type { ControlLoop, LeaderState, ManagerContext } from './leader';

/**
 * The leader's control loops over tasks (swarmkit's orchestrators, allocator, scheduler and the
 * dispatcher's status writer, each watching the store): run after every entry the leader applies
 * and on every tick, on the store as applied. They take turns, one proposal in flight at a time;
 * when it applies they run again, so a service's tasks go NEW → PENDING → ASSIGNED within a few
 * Raft rounds. Then the dispatcher sends each node whose tasks changed its assignments.
 */
export function runControlLoops(manager: ManagerContext, control: Control): void {
  const leader = manager.leader();
  if (leader === null || control.raft() === undefined) return;
  const context = storeContext(control);
  const index = control.appState.appliedIndex;
  const waiting = leader.orchestrator.delays.length > 0 || leader.orchestrator.updates.length > 0;
  if (leader.quietIndex === index && !waiting && leader.statusQueue.length === 0) {
    sendAssignments(leader, control);
    return;
  }
  const proposed =
    writeStatuses(manager, control, leader) ||
    run(manager, control, 'orchestrator', () => {
      const pass = orchestrate(context, leader.orchestrator);
      leader.orchestrator = pass.state;
      return pass.actions;
    }) ||
    run(manager, control, 'allocator', () => allocateTasks(context)) ||
    run(manager, control, 'scheduler', () => scheduleTasks(context));
  if (!proposed && leader.inFlight.size === 0) {
    leader.quietIndex = index;
    sendAssignments(leader, control);
  }
}

/** Proposes a loop's pass if nothing is in flight; true when it proposed. */
function run(
  manager: ManagerContext,
  control: Control,
  loop: ControlLoop,
  pass: () => StoreAction[],
): boolean {
  const leader = manager.leader();
  if (leader === null || leader.inFlight.size > 0) return false;
  const actions = pass();
  if (actions.length === 0) return false;
  propose(manager, control, loop, proposal(storeContext(control), actions), () => undefined);
  return true;
}

function propose(
  manager: ManagerContext,
  control: Control,
  loop: ControlLoop,
  payload: StoreProposal,
  done: (control: Control, ok: boolean) => void,
): void {
  manager.leader()?.inFlight.add(loop);
  manager.proposals.propose(control, payload, (c, error) => {
    manager.leader()?.inFlight.delete(loop);
    done(c, error === null);
    runControlLoops(manager, c);
  });
}

/** The agents' queued reports, as one write; each agent is answered once it applied. */
function writeStatuses(manager: ManagerContext, control: Control, leader: LeaderState): boolean {
  if (leader.inFlight.size > 0 || leader.statusQueue.length === 0) return false;
  const queued = leader.statusQueue.splice(0);
  const context = storeContext(control);
  const actions: StoreAction[] = [];
  const answers: { reply: (c: Control, ok: boolean) => void; ok: boolean }[] = [];
  for (const entry of queued) {
    const outcome = taskStatusProposal(leader.dispatcher, context, entry.input);
    answers.push({ reply: entry.reply, ok: outcome.ok });
    if (outcome.ok && outcome.value !== null) actions.push(...outcome.value.actions);
  }
  if (actions.length === 0) {
    for (const answer of answers) answer.reply(control, answer.ok);
    return false;
  }
  propose(manager, control, 'dispatcher', proposal(context, actions), (c, ok) => {
    for (const answer of answers) answer.reply(c, ok && answer.ok);
  });
  return true;
}

/**
 * Sends each node that has an address its tasks, when they changed since they were last sent
 * (the leader forgets what it sent when the node's agent registers, so a new session gets all).
 */
function sendAssignments(leader: LeaderState, control: Control): void {
  const store = control.appState;
  const term = control.raft()?.term ?? 0;
  const byNode = assignmentsByNode(store);
  for (const { node } of allNodes(store)) {
    const addr = node.Status.Addr;
    if (addr === undefined || addr === '' || node.Status.State === 'down') continue;
    const tasks = byNode.get(node.ID) ?? [];
    const attachments = nodeAttachments(store, node.ID);
    const digest = assignmentsDigest(tasks, attachments);
    // A node never sent anything holds nothing: an empty set is not sent.
    if ((leader.assignmentsSent.get(node.ID) ?? '') === digest) continue;
    leader.assignmentsSent.set(node.ID, digest);
    control.send({
      from: control.address,
      to: stripPort(addr),
      body: {
        type: 'assignments',
        reqId: '',
        nodeId: node.ID,
        term,
        tasks,
        dependencies: dependenciesOf(store, tasks),
        attachments,
      },
    });
  }
}
