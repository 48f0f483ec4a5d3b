import type { Entry, Message, RaftEvent, Ready, Snapshot } from '../../../src/raft';

/** Text renderings of the core's outputs for the interaction scripts (etcd-like). */

export type EnvPayload = string;
/** The env's state machine: the payloads applied so far. */
export type EnvState = readonly string[];

export function formatEntry(entry: Entry<EnvPayload>): string {
  const at = `${entry.index}/${entry.term}`;
  switch (entry.data.type) {
    case 'empty':
      return `${at} empty`;
    case 'normal':
      return `${at} "${entry.data.payload}"`;
    case 'conf-change':
      return `${at} ${entry.data.change.kind} ${entry.data.change.nodeId} voters=(${entry.data.voters.join(' ')})`;
  }
}

export function formatEntries(entries: readonly Entry<EnvPayload>[]): string {
  return entries.map(formatEntry).join(', ');
}

export function formatSnapshot(snapshot: Snapshot<EnvState>): string {
  const meta = snapshot.metadata;
  return `index=${meta.index} term=${meta.term} voters=(${meta.voters.join(' ')}) data=[${snapshot.data.join(' ')}]`;
}

export function formatMessage(message: Message<EnvPayload, EnvState>): string {
  const head = `${message.from}->${message.to} ${message.type} term=${message.term}`;
  switch (message.type) {
    case 'MsgApp':
      return `${head} log=${message.index}/${message.logTerm} commit=${message.commit} entries=[${formatEntries(message.entries)}]`;
    case 'MsgAppResp':
      return message.reject
        ? `${head} rejected index=${message.index} hint=${message.rejectHint}/${message.logTerm}`
        : `${head} index=${message.index}`;
    case 'MsgVote':
    case 'MsgPreVote':
      return `${head} last=${message.index}/${message.logTerm}${message.transfer ? ' transfer' : ''}`;
    case 'MsgVoteResp':
    case 'MsgPreVoteResp':
      return `${head} ${message.reject ? 'rejected' : 'granted'}`;
    case 'MsgHeartbeat':
      return `${head} commit=${message.commit}`;
    case 'MsgHeartbeatResp':
    case 'MsgTimeoutNow':
      return head;
    case 'MsgSnap':
      return `${head} snapshot ${formatSnapshot(message.snapshot)}`;
  }
}

export function formatEvent(event: RaftEvent): string {
  switch (event.type) {
    case 'role-changed':
      return `became ${event.role} at term ${event.term}`;
    case 'vote-granted':
      return `granted ${event.preVote ? 'pre-vote' : 'vote'} to ${event.candidate} at term ${event.term}`;
    case 'entries-appended':
      return `appended ${event.firstIndex}..${event.lastIndex} at term ${event.term}`;
    case 'commit-advanced':
      return `commit ${event.commitIndex}`;
    case 'snapshot-taken':
      return `snapshot taken at ${event.index}/${event.term}`;
    case 'snapshot-installed':
      return `snapshot installed at ${event.index}/${event.term}`;
    case 'membership-applied':
      return `membership ${event.change.kind} ${event.change.nodeId} applied at ${event.index}: voters=(${event.voters.join(' ')})`;
    case 'leader-transfer-started':
      return `transferring leadership to ${event.target}`;
    case 'leader-transfer-aborted':
      return `leadership transfer to ${event.target} ended`;
  }
}

export function formatReady(id: number, ready: Ready<EnvPayload, EnvState>): string[] {
  const lines = [`> ${id} handling Ready`];
  const add = (line: string): void => {
    lines.push(`  ${line}`);
  };
  if (ready.softState !== undefined) {
    add(`State: ${ready.softState.role} lead=${ready.softState.lead}`);
  }
  if (ready.hardState !== undefined) {
    const hard = ready.hardState;
    add(`HardState term=${hard.term} vote=${hard.vote} commit=${hard.commit}`);
  }
  if (ready.snapshot !== undefined) add(`Snapshot ${formatSnapshot(ready.snapshot)}`);
  if (ready.entries.length > 0) add(`Entries: ${formatEntries(ready.entries)}`);
  if (ready.committedEntries.length > 0) {
    add(`Committed: ${formatEntries(ready.committedEntries)}`);
  }
  for (const event of ready.events) add(`Event: ${formatEvent(event)}`);
  for (const message of ready.messages) add(`Send: ${formatMessage(message)}`);
  return lines;
}
