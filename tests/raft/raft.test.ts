import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/lib/prng';
import { MemoryStorage, RawNode, defaultRaftOptions, type Message } from '../../src/raft';

/**
 * The voter's side of RequestVote (Raft §5.4.1): a vote goes only to a candidate whose log is
 * at least as up to date as the voter's, compared by last term, then by last index. The sweep
 * found a core that skipped this check; these cases catch it on their own.
 */

/** Member 2 of {1, 2, 3}, which holds entries 1 to 3 of term 2, and has voted for nobody. */
function voterWithLog(): RawNode<string, null> {
  const storage = MemoryStorage.bootstrap<string, null>([1, 2, 3], null);
  storage.append([
    { index: 1, term: 2, data: { type: 'normal', payload: 'a' } },
    { index: 2, term: 2, data: { type: 'normal', payload: 'b' } },
    { index: 3, term: 2, data: { type: 'normal', payload: 'c' } },
  ]);
  storage.setHardState({ term: 2, vote: 0, commit: 0 });
  return new RawNode({ id: 2, raftOptions: defaultRaftOptions, storage, prng: new Prng(7) });
}

/** The answer member 2 gives to candidate 3's vote request for term 3 with this last entry. */
function answerTo(lastIndex: number, lastTerm: number): Message<string, null> | undefined {
  const voter = voterWithLog();
  voter.step({
    type: 'MsgVote',
    from: 3,
    to: 2,
    term: 3,
    index: lastIndex,
    logTerm: lastTerm,
    transfer: false,
  });
  return voter.ready().messages.find((message) => message.to === 3);
}

describe('RequestVote, on the voter', () => {
  it('refuses a candidate whose last entry is of an earlier term, however long its log', () => {
    expect(answerTo(9, 1)).toMatchObject({ type: 'MsgVoteResp', term: 3, reject: true });
  });

  it('refuses a candidate of the same last term with a shorter log', () => {
    expect(answerTo(2, 2)).toMatchObject({ type: 'MsgVoteResp', term: 3, reject: true });
  });

  it('grants a candidate whose log is as up to date, or more', () => {
    expect(answerTo(3, 2)).toMatchObject({ type: 'MsgVoteResp', term: 3, reject: false });
    expect(answerTo(1, 3)).toMatchObject({ type: 'MsgVoteResp', term: 3, reject: false });
  });
});
