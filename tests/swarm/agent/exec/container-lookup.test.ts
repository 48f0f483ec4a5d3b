import { describe, expect, it } from 'vitest';
import { findContainer } from '../../../../src/swarm/agent/exec/container-lookup';
import { containerRecord, RECORD_ID, RECORD_NAME } from '../../../support/container-record';

const other = containerRecord({ id: `5dfb${'0'.repeat(60)}`, name: 'db.1.xyz' });
const containers = [containerRecord(), other];

describe("the daemon's container lookup", () => {
  it('finds a full ID, a name with or without its slash, then a unique prefix', () => {
    expect(findContainer(containers, RECORD_ID)).toMatchObject({
      ok: true,
      value: { id: RECORD_ID },
    });
    expect(findContainer(containers, RECORD_NAME)).toMatchObject({ value: { id: RECORD_ID } });
    expect(findContainer(containers, `/${RECORD_NAME}`)).toMatchObject({
      value: { id: RECORD_ID },
    });
    expect(findContainer(containers, '5dfb5')).toMatchObject({ value: { id: RECORD_ID } });
  });

  it("answers moby's errors for an ambiguous prefix, an unknown name and an empty one", () => {
    expect(findContainer(containers, '5dfb')).toEqual({
      ok: false,
      error: { kind: 'invalid-argument', message: 'multiple IDs found with provided prefix: 5dfb' },
    });
    expect(findContainer(containers, 'web')).toEqual({
      ok: false,
      error: { kind: 'not-found', message: 'No such container: web' },
    });
    expect(findContainer(containers, '')).toMatchObject({
      error: { message: 'invalid name or ID supplied: ""' },
    });
  });
});
