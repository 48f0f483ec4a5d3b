import { describe, expect, it } from 'vitest';
import { leaderlessCall, leaderWaitTimedOut } from '../../../src/swarm';

describe('calls with no leader', () => {
  it('wait up to 10 leaderless ticks, then fail at once with the quorum error', () => {
    expect(leaderlessCall(10)).toBe('wait');
    const error = leaderlessCall(11);
    expect(error !== 'wait' && error.message).toBe(
      "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.",
    );
    expect(leaderWaitTimedOut().message).toBe(
      'rpc error: code = DeadlineExceeded desc = context deadline exceeded',
    );
  });
});
