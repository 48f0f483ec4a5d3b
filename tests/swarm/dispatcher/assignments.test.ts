import { describe, expect, it } from 'vitest';
import type { Task } from '../../../src/api/task';
import { dependenciesOf } from '../../../src/swarm/dispatcher';
import { emptyStore, type StoreState } from '../../../src/swarm/store';
import { runningTask } from '../../support/worker-fixtures';

const META = { Version: { Index: 3 }, CreatedAt: 'x', UpdatedAt: 'x' };

/** A store with secrets db (czNjcjN0 = "s3cr3t") and api, and config site. */
function store(): StoreState {
  return {
    ...emptyStore(),
    secrets: {
      s1: { secret: { ID: 's1', ...META, Spec: { Name: 'db', Labels: {}, Data: 'czNjcjN0' } } },
      s2: { secret: { ID: 's2', ...META, Spec: { Name: 'api', Labels: {}, Data: 'aw==' } } },
    },
    configs: {
      c1: { config: { ID: 'c1', ...META, Spec: { Name: 'site', Labels: {}, Data: 'YT0x' } } },
    },
  };
}

function using(id: string, secrets: readonly string[], configs: readonly string[] = []): Task {
  const task = runningTask(id, ['sleep', '1d']);
  const file = { Name: 'f', UID: '0', GID: '0', Mode: 0o444 };
  return {
    ...task,
    Spec: {
      ...task.Spec,
      ContainerSpec: {
        Image: 'busybox',
        Secrets: secrets.map((s) => ({ File: file, SecretID: s, SecretName: s })),
        Configs: configs.map((c) => ({ File: file, ConfigID: c, ConfigName: c })),
      },
    },
  };
}

describe("the dispatcher's dependencies of a node", () => {
  it('sends each secret and config its tasks use, once, with the content', () => {
    const tasks = [using('t1', ['s1'], ['c1']), using('t2', ['s1'])].map((task) => ({
      task,
      serviceName: 'web',
    }));
    expect(dependenciesOf(store(), tasks)).toEqual([
      { kind: 'secret', id: 's1', name: 'db', data: 'czNjcjN0' },
      { kind: 'config', id: 'c1', name: 'site', data: 'YT0x' },
    ]);
  });

  it('sends nothing a node does not need: no tasks, or tasks told to stop', () => {
    expect(dependenciesOf(store(), [])).toEqual([]);
    const stopping = { ...using('t1', ['s1', 's2']), DesiredState: 'shutdown' as const };
    expect(dependenciesOf(store(), [{ task: stopping, serviceName: 'web' }])).toEqual([]);
    // A reference to a secret the store no longer has (removed meanwhile) is skipped.
    const gone = using('t2', ['nosuch']);
    expect(dependenciesOf(store(), [{ task: gone, serviceName: 'web' }])).toEqual([]);
  });
});
