// Services in Node, in process. Prints plain lines; it never fails on a figure.
// 1. The leader's control loops placing 1,000 replicas over 100 nodes: wall time of the passes
//    (orchestrator, allocator, scheduler) until nothing is left to do, and how many passes.
// 2. The whole simulation of a 3m2w lab, in virtual seconds per wall second, with no service
//    and with 50 running tasks, and the ratio of the two (the goal is at least half).
import { allocateTasks } from '../src/swarm/allocator';
import { createService } from '../src/swarm/controlapi/service-create';
import { EMPTY_ORCHESTRATOR, orchestrate } from '../src/swarm/orchestrator/orchestrate';
import { scheduleTasks } from '../src/swarm/scheduler';
import { allTasks } from '../src/swarm/store';
import { neverCancelled } from '../src/lib/cancel';
import { swarmOf } from '../tests/support/builders';
import { serviceSpec } from '../tests/support/service-specs';
import { startPlayground } from '../tests/support/playground';

function placeThousand(): { wallMs: number; passes: number; placed: number; nodes: number } {
  const swarm = swarmOf(3, 97);
  const created = createService(
    swarm.context(),
    serviceSpec('web', { Mode: { Replicated: { Replicas: 1000 } } }),
  );
  if (!created.ok) throw new Error(created.error.message);
  swarm.apply(created.value.proposal);
  let state = EMPTY_ORCHESTRATOR;
  let passes = 0;
  const startMs = performance.now();
  for (;;) {
    const pass = orchestrate(swarm.context(), state);
    state = pass.state;
    const actions = pass.actions.length > 0 ? pass.actions : allocateTasks(swarm.context());
    const work = actions.length > 0 ? actions : scheduleTasks(swarm.context());
    if (work.length === 0) break;
    passes++;
    swarm.apply({ requestId: `pass-${passes}`, actions: work });
  }
  const wallMs = performance.now() - startMs;
  const tasks = allTasks(swarm.store);
  const nodes = new Set(tasks.map((record) => record.task.NodeID)).size;
  const placed = tasks.filter((record) => record.task.Status.State === 'assigned').length;
  return { wallMs, passes, placed, nodes };
}

const placed = placeThousand();
console.log(
  `schedule 1000 replicas over 100 nodes: ${placed.wallMs.toFixed(0)} ms wall in ${placed.passes} ` +
    `passes, ${placed.placed} assigned on ${placed.nodes} nodes`,
);

/** Virtual seconds per wall second over 120 virtual seconds, in chunks of one, as frames ask. */
async function rate(replicas: number): Promise<{ rate: number; running: number }> {
  const playground = await startPlayground('3m2w', 1);
  await playground.advance(15_000);
  if (replicas > 0) {
    const engine = playground.engine('manager1');
    const created = engine.serviceCreate(
      { spec: serviceSpec('web', { Mode: { Replicated: { Replicas: replicas } } }) },
      neverCancelled,
    );
    await playground.advance(1_000);
    await created;
    await playground.advance(15_000);
  }
  const startMs = performance.now();
  for (let i = 0; i < 120; i++) await playground.advance(1_000);
  const wallMs = performance.now() - startMs;
  const running = playground.view.machines.reduce(
    (sum, machine) => sum + (machine.tasks ?? []).filter((task) => task.state === 'running').length,
    0,
  );
  return { rate: 120_000 / wallMs, running };
}

const idle = await rate(0);
const busy = await rate(50);
console.log(
  `3m2w simulation: ${idle.rate.toFixed(0)} virtual s per wall s with no service, ` +
    `${busy.rate.toFixed(0)} with ${busy.running} running tasks: ratio ${(busy.rate / idle.rate).toFixed(2)} ` +
    '(goal >= 0.5)',
);
