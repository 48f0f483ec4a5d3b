import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../../../src/api/errors';
import { fakeEngine, fakeManagerEngine, IDS } from '../../../support/fake-engine';
import { expectGolden } from '../swarm/golden-run';

const engine = fakeManagerEngine();

describe('docker node inspect', () => {
  it('prints a 4-space JSON array in moby field order (reference §9.1)', async () => {
    await expectGolden('node/inspect-self', ['node', 'inspect', 'self'], { engine });
    await expectGolden('node/inspect-worker', ['node', 'inspect', 'worker1'], { engine });
  });

  it('prints `[]` and the doubled status error for a missing node (≤ v27)', async () => {
    const result = await expectGolden('node/inspect-missing', ['node', 'inspect', 'nosuch'], {
      engine,
    });
    expect(result.code).toBe(1);
  });

  it('prints the found nodes before the errors of the others', async () => {
    await expectGolden('node/inspect-some-missing', ['node', 'inspect', 'nosuch', 'l8rx', 'x'], {
      engine,
    });
  });

  it('reports an ambiguous prefix as the daemon words it', async () => {
    const ambiguous = fakeManagerEngine({
      nodeInspect: ({ id }) =>
        Promise.reject(
          new DaemonError('invalid-argument', `node ${id} is ambiguous (2 matches found)`),
        ),
    });
    await expectGolden('node/inspect-ambiguous', ['node', 'inspect', 'm'], { engine: ambiguous });
  });

  it('runs a template per node with Go semantics', async () => {
    await expectGolden(
      'node/inspect-format',
      [
        'node',
        'inspect',
        '--format',
        '{{.Description.Hostname}} {{.Spec.Role}} {{.ManagerStatus.Leader}} {{.CreatedAt}} {{json .Spec.Labels}}',
        'manager1',
        'manager2',
      ],
      { engine },
    );
    await expectGolden('node/inspect-format-json', ['node', 'inspect', '-f', 'json', 'worker1'], {
      engine,
    });
  });

  it('fails on a worker for `.ManagerStatus.Leader` (nil pointer)', async () => {
    const result = await expectGolden(
      'node/inspect-format-nil',
      ['node', 'inspect', '--format', '{{ .ManagerStatus.Leader }}', 'worker1'],
      { engine },
    );
    expect(result.code).toBe(1);
  });

  it('reports a template that does not parse, with code 64 inside', async () => {
    await expectGolden('node/inspect-format-parse', ['node', 'inspect', '-f', '{{.ID', 'self'], {
      engine,
    });
  });

  it('prints the pretty layout with literal tabs (reference §5.3)', async () => {
    const result = await expectGolden(
      'node/inspect-pretty',
      ['node', 'inspect', '--pretty', 'self', 'worker1', 'worker2'],
      { engine },
    );
    expect(result.stdout).toContain('ID:\t\t\t4xbxjb0o2z4p8fvl5g0vbnk7x\n');
    expect(result.stdout).toContain(' Leader:\t\tYes\n');
  });

  it('prints nothing with --pretty when a node is missing', async () => {
    await expectGolden(
      'node/inspect-pretty-missing',
      ['node', 'inspect', '--pretty', 'self', 'nosuch'],
      {
        engine,
      },
    );
  });

  it('rejects extra text after pretty', async () => {
    await expectGolden(
      'node/inspect-pretty-extra',
      ['node', 'inspect', '-f', 'pretty {{.ID}}', 'self'],
      {
        engine,
      },
    );
  });

  it('resolves self through /info outside a swarm, then fails as the daemon does', async () => {
    await expectGolden('node/inspect-self-not-in-swarm', ['node', 'inspect', 'self'], {
      engine: fakeEngine(),
    });
  });

  it('needs a node', async () => {
    await expectGolden('node/inspect-args', ['node', 'inspect']);
  });

  it('looks nodes up by full ID', async () => {
    const result = await expectGolden(
      'node/inspect-by-id',
      ['node', 'inspect', '-f', '{{.ID}}', IDS.worker2],
      {
        engine,
      },
    );
    expect(result.stdout).toBe(`${IDS.worker2}\n`);
  });
});
