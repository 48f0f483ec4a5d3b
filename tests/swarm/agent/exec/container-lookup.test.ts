import { describe, expect, it } from 'vitest';
import { findContainer } from '../../../../src/swarm/agent/exec/container-lookup';
import { containerOf, runningTask } from '../../../support/worker-fixtures';

const A = containerOf(runningTask('taska', ['sh']), `ab${'0'.repeat(62)}`);
const B = containerOf(runningTask('taskb', ['sh'], 2), `ac${'1'.repeat(62)}`);

describe('findContainer (moby GetContainer)', () => {
  it('finds a full ID, an exact name with or without its slash, then a unique prefix', () => {
    expect(findContainer([A, B], B.id)).toEqual({ ok: true, container: B });
    expect(findContainer([A, B], 'web.2.taskb')).toEqual({ ok: true, container: B });
    expect(findContainer([A, B], '/web.1.taska')).toEqual({ ok: true, container: A });
    expect(findContainer([A, B], 'ab')).toEqual({ ok: true, container: A });
  });

  it("answers moby's texts for nothing and for several", () => {
    expect(findContainer([A, B], 'x')).toEqual({
      ok: false,
      error: { kind: 'not-found', message: 'No such container: x' },
    });
    expect(findContainer([A, B], 'a')).toEqual({
      ok: false,
      error: { kind: 'invalid-argument', message: 'multiple IDs found with provided prefix: a' },
    });
  });
});
