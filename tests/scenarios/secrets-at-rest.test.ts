import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../src/lib/base64';
import { encodeText } from '../../src/lib/crypto';
import { openStorage } from '../../src/sim/machine/sealed-storage';
import {
  DEFAULT_EPOCH_MS,
  Playground,
  coordinatorConfig,
  type PlaygroundOptions,
} from '../../src/sim/playground';
import { LocalSimulation } from '../../src/sim/simulation-port';
import type { TraceEvent } from '../../src/sim/trace';
import { dockerOn as docker, whileAdvancing } from '../support/playground';

/**
 * Issue 11's promise about secrets at rest: each manager's Raft log and snapshots are sealed
 * under its DEK, and a manager locked by autolock cannot read its log until unlocked. Every
 * search looks for the plaintext bytes and for their base64, the form the Engine API carries.
 */
const PLAINTEXT = 'correct-horse-battery-staple';
const PLAINTEXT_FORMS = [PLAINTEXT, encodeBase64(encodeText(PLAINTEXT))];
const MANAGERS = ['manager1', 'manager2', 'manager3'];

async function lab(): Promise<{
  playground: Playground;
  simulation: LocalSimulation;
  trace: TraceEvent[];
}> {
  const options: PlaygroundOptions = { preset: '3m2w', seed: 7, epochMs: DEFAULT_EPOCH_MS };
  const simulation = await LocalSimulation.create(coordinatorConfig(options));
  const trace: TraceEvent[] = [];
  const frame = simulation.frame.bind(simulation);
  simulation.frame = async () => {
    const taken = await frame();
    trace.push(...taken.events);
    return taken;
  };
  const playground = await Playground.start(options, simulation);
  await playground.advance(10_000);
  return { playground, simulation, trace };
}

function holdsPlaintext(value: unknown): boolean {
  const text = JSON.stringify(value);
  return PLAINTEXT_FORMS.some((form) => text.includes(form));
}

describe('secrets at rest', () => {
  it('no manager log at rest, no trace event and no event log line holds a secret', async () => {
    const { playground, simulation, trace } = await lab();
    const created = await docker(playground, 'manager1', 'secret create db_pass -', {
      stdin: PLAINTEXT,
    });
    expect(created.code).toBe(0);
    const service = await whileAdvancing(
      playground,
      docker(
        playground,
        'manager1',
        'service create -d --name web --secret db_pass --replicas 2 nginx:alpine',
      ),
    );
    expect(service.code).toBe(0);
    await playground.advance(20_000);

    // The secret is there to be found: in the task's container, and in every manager's open
    // log in memory, so the searches below can fail.
    const tasks = await docker(playground, 'manager1', [
      'service',
      'ps',
      '--format',
      '{{.Node}}',
      'web',
    ]);
    const node = tasks.stdout.trim().split('\n')[0] ?? '';
    const ps = await docker(playground, node, ['ps', '-q', '--filter', 'name=web']);
    const read = await docker(playground, node, [
      'exec',
      ps.stdout.trim().split('\n')[0] ?? '',
      'cat',
      '/run/secrets/db_pass',
    ]);
    expect(read.stdout).toBe(PLAINTEXT);
    for (const manager of MANAGERS) {
      expect(holdsPlaintext(simulation.disk(manager).storage), manager).toBe(true);
    }

    for (const manager of MANAGERS) {
      const resting = await simulation.restingDisk(manager);
      expect(resting.storage, manager).toBeNull();
      expect(resting.sealed?.entries.length ?? 0, manager).toBeGreaterThan(10);
      expect(holdsPlaintext(resting), manager).toBe(false);
      // Each manager seals under a DEK of its own: the same entry rests as other bytes.
    }
    const [first, second] = await Promise.all(
      MANAGERS.slice(0, 2).map((m) => simulation.restingDisk(m)),
    );
    const last = (disk: typeof first | undefined): string =>
      disk?.sealed?.entries.at(-1)?.data ?? '';
    expect(last(first)).not.toBe(last(second));

    // A stopped manager's disk really is sealed, not only when looked at.
    await playground.setDaemon('manager3', 'stopped');
    await playground.advance(1_000);
    const stopped = simulation.disk('manager3');
    expect(stopped.storage).toBeNull();
    expect(stopped.sealed).toBeDefined();
    expect(holdsPlaintext(stopped)).toBe(false);

    expect(trace.length).toBeGreaterThan(100);
    expect(trace.some((event) => event.type === 'swarm-changed')).toBe(true);
    expect(holdsPlaintext(trace)).toBe(false);
    const lines = playground.view.events.map((event) => event.text);
    expect(lines.some((line) => line.includes('db_pass'))).toBe(true);
    expect(holdsPlaintext(lines)).toBe(false);
    playground.dispose();
  }, 60_000);

  it('a manager locked by autolock cannot read or apply its log until it is unlocked', async () => {
    const { playground, simulation } = await lab();
    expect((await docker(playground, 'manager1', 'swarm update --autolock=true')).code).toBe(0);
    const key = (await docker(playground, 'manager1', 'swarm unlock-key -q')).stdout.trim();
    await playground.advance(5_000);
    await playground.setDaemon('manager2', 'stopped');
    await playground.advance(2_000);
    // Written while manager2 is away: it can learn of it only through its log.
    expect(
      (await docker(playground, 'manager1', 'secret create while_away -', { stdin: PLAINTEXT }))
        .code,
    ).toBe(0);
    await playground.setDaemon('manager2', 'running');
    await playground.advance(10_000);

    const locked = simulation.disk('manager2');
    expect(locked.storage).toBeNull();
    const sealed = locked.sealed;
    if (sealed === undefined) throw new Error('a locked manager rests sealed');
    expect('wrapped' in sealed.dek).toBe(true);
    // Without the unlock key nothing opens the DEK: the log is ciphertext to anyone.
    expect(await openStorage(sealed, null)).toBeNull();
    const manager2 = (): Playground['view']['machines'][number] | undefined =>
      playground.view.machines.find((machine) => machine.hostname === 'manager2');
    expect(manager2()?.raft ?? null).toBeNull();
    expect(manager2()?.locked).toBe(true);
    const leaderCommit = (): number =>
      playground.view.machines.find((machine) => machine.hostname === 'manager1')?.raft
        ?.commitIndex ?? 0;
    expect(sealed.hardState.commit).toBeLessThan(leaderCommit());

    const wrong = await docker(playground, 'manager2', 'swarm unlock', {
      stdin: 'SWMKEY-1-7c37Cc8654o6p38HnroywCi19pllOnGtbdZEgtKxZu8\n',
    });
    expect(wrong.stderr).toBe(
      'Error response from daemon: swarm could not be unlocked: invalid key provided\n',
    );
    await playground.advance(5_000);
    expect(manager2()?.raft ?? null).toBeNull();
    expect(simulation.disk('manager2').sealed).toEqual(sealed);

    const right = await docker(playground, 'manager2', 'swarm unlock', { stdin: `${key}\n` });
    expect(right).toMatchObject({ code: 0, stderr: '' });
    await playground.advance(10_000);
    expect(manager2()?.raft?.commitIndex).toBe(leaderCommit());
    const ls = await docker(playground, 'manager2', 'secret ls --format {{.Name}}');
    expect(ls.stdout).toBe('while_away\n');
    playground.dispose();
  }, 60_000);
});
