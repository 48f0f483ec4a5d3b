import { describe, expect, it } from 'vitest';
import { TaskRow } from '../../../../src/cli/commands/task/task-row';
import { FakeClock } from '../../../support/fake-clock';
import { task } from '../service/fixtures';

describe('taskContext', () => {
  const now = FakeClock.EPOCH_MS;

  it('prints states, lower-cased times and quoted errors', () => {
    const row = new TaskRow(
      task({
        id: 'abcdefghijklmnopqrstuvwxy',
        state: 'failed',
        desired: 'shutdown',
        since: -90,
        error: 'task: non-zero exit (1)',
      }),
      'web.1',
      'worker1',
      true,
      now,
    );
    expect([row.ID(), row.DesiredState(), row.CurrentState(), row.Error()]).toEqual([
      'abcdefghijkl',
      'Shutdown',
      'Failed about a minute ago',
      '"task: non-zero exit (1)"',
    ]);
  });

  it('keeps an untagged or digest-only image as it is, and drops the digest of a tagged one', () => {
    const image = (name: string): string =>
      new TaskRow(task({ id: 'x', state: 'running', image: name }), '', '', true, now).Image();
    const digest = 'sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31';
    expect(image(`docker.io/library/nginx:1.25@${digest}`)).toBe('nginx:1.25');
    expect(image(`nginx@${digest}`)).toBe(`nginx@${digest}`);
    expect(image('localhost:5000/team/app:v2')).toBe('localhost:5000/team/app:v2');
    expect(image('redis')).toBe('redis');
    expect(image('Not/Valid:x')).toBe('Not/Valid:x');
  });

  it('reads a missing timestamp as Go’s zero time, which Sub saturates at 292 years', () => {
    const bare = task({ id: 'x', state: 'new' });
    const row = new TaskRow({ ...bare, Status: { PortStatus: {} } }, '', '', true, now);
    expect(row.CurrentState()).toBe(' 292 years ago');
  });
});
