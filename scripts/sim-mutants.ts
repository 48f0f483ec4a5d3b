/**
 * Plants known Raft bugs one at a time in a scratch copy of the code, runs the fault sweep on
 * each copy, and prints whether the sweep caught it: a check that the checkers catch what they
 * claim (a checker that passes a broken core proves nothing).
 *
 *   npm run sim:mutants [-- --seeds 1000 --jobs 2 --only figure-8]
 *
 * Each mutant runs `--seeds` seeds with 3, 5 and 7 managers and stops at its first violation.
 * The unchanged copy runs first, as a control: a violation there makes every verdict meaningless.
 * The last line is `caught: N of M`; the exit code is 1 when a mutant goes uncaught.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** One planted bug: a textual edit that must match exactly once. */
interface Mutant {
  readonly name: string;
  readonly bug: string;
  readonly file: string;
  readonly find: string;
  readonly replace: string;
}

const MUTANTS: readonly Mutant[] = [
  {
    name: 'vote-without-log-check',
    bug: 'a vote granted without the log-up-to-date check (§5.4.1)',
    file: 'src/raft/raft.ts',
    find: 'if (canVote && this.log.isUpToDate(message.index, message.logTerm)) {',
    replace: 'if (canVote) {',
  },
  {
    name: 'overwrite-matching-entries',
    bug: 'a follower that overwrites entries that match, truncating what follows (§5.3)',
    file: 'src/raft/log.ts',
    find: 'if (conflict !== 0) {\n      assert(conflict > this.committed, `conflict at ${conflict} is within the committed prefix`);\n      written = entries.slice(conflict - index - 1);',
    replace: 'if (entries.length > 0) {\n      written = entries;',
  },
  {
    name: 'vote-not-persisted',
    bug: 'a vote that is never persisted, so a restarted member votes twice in a term',
    file: 'src/raft/raw-node.ts',
    find: 'return { term: this.#raft.term, vote: this.#raft.vote, commit: this.#raft.log.committed };',
    replace: 'return { term: this.#raft.term, vote: 0, commit: this.#raft.log.committed };',
  },
  {
    name: 'stale-term-append',
    bug: 'an append accepted from a leader of an earlier term (§5.1)',
    file: 'src/raft/raft.ts',
    find: '} else if (message.term < this.term) {',
    replace: "} else if (message.term < this.term && message.type !== 'MsgApp') {",
  },
  {
    name: 'stale-term-append-followers',
    bug: 'an append from an earlier term accepted by followers only',
    file: 'src/raft/raft.ts',
    find: '} else if (message.term < this.term) {',
    replace:
      "} else if (\n      message.term < this.term &&\n      !(message.type === 'MsgApp' && this.role === 'follower')\n    ) {",
  },
  {
    name: 'figure-8',
    bug: "an earlier term's entry committed by counting replicas (§5.4.2, Figure 8)",
    file: 'src/raft/replication.ts',
    find: 'if (index <= raft.log.committed || raft.log.term(index) !== raft.term) return false;',
    replace: 'if (index <= raft.log.committed) return false;',
  },
  {
    name: 'no-check-quorum',
    bug: 'a leader that never steps down when it loses its quorum (CheckQuorum)',
    file: 'src/raft/raft.ts',
    find: 'if (this.options.checkQuorum && !this.checkQuorumActive()) {',
    replace: 'if (!this.checkQuorumActive() && this.term < 0) {',
  },
];

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '1000' },
    jobs: { type: 'string', default: '2' },
    only: { type: 'string' },
  },
  strict: true,
});

/** Far longer than a sweep of the default size takes. */
const SWEEP_TIMEOUT_MS = 30 * 60_000;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seeds = Number(values.seeds);
const jobs = Number(values.jobs);
const chosen = MUTANTS.filter((mutant) => values.only === undefined || mutant.name === values.only);
if (!Number.isInteger(seeds) || seeds < 1 || !Number.isInteger(jobs) || jobs < 1) {
  console.error('usage: npm run sim:mutants -- [--seeds K] [--jobs J] [--only NAME]');
  process.exit(2);
}
if (chosen.length === 0) {
  console.error(
    `no mutant named ${String(values.only)}; known: ${MUTANTS.map((m) => m.name).join(', ')}`,
  );
  process.exit(2);
}

interface Verdict {
  readonly caught: boolean;
  /** The sweep's first violation line, or its last line when it found none. */
  readonly evidence: string;
  readonly seconds: number;
}

/** A copy of what the sweep needs, with node_modules linked rather than copied. */
function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sim-mutant-'));
  for (const entry of ['src', 'scripts', 'package.json', 'tsconfig.json']) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function plant(dir: string, mutant: Mutant): void {
  const path = join(dir, mutant.file);
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf(mutant.find);
  if (at < 0 || text.indexOf(mutant.find, at + 1) >= 0) {
    throw new Error(
      `mutant ${mutant.name}: its anchor must occur exactly once in ${mutant.file}; ` +
        'the code moved on, so update the mutant',
    );
  }
  writeFileSync(path, text.slice(0, at) + mutant.replace + text.slice(at + mutant.find.length));
}

function runSweep(dir: string): Verdict {
  const startedMs = performance.now();
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const args = ['scripts/sim-sweep.ts', '--seeds', String(seeds), '--managers', '3,5,7'];
  args.push('--jobs', String(jobs), '--stop');
  const run = spawnSync(tsx, args, {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // The budgets end a runaway schedule; this only keeps a broken budget from hanging here.
    timeout: SWEEP_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  const seconds = (performance.now() - startedMs) / 1000;
  if (run.error !== undefined) {
    return { caught: false, evidence: `the sweep did not finish: ${run.error.message}`, seconds };
  }
  const lines = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => line.trim() !== '');
  const violation = lines.find((line) => line.startsWith('violation '));
  const summary = lines.findLast((line) => line.startsWith('schedules: '));
  if (violation !== undefined) return { caught: true, evidence: violation, seconds };
  // A shard that throws outside a schedule also counts: the sweep did not pass the bug.
  if (run.status !== 0) return { caught: true, evidence: lines.at(-1) ?? 'failed', seconds };
  return { caught: false, evidence: summary ?? 'no summary', seconds };
}

function withCopy(mutant: Mutant | undefined): Verdict {
  const dir = scratchCopy();
  try {
    if (mutant !== undefined) plant(dir, mutant);
    return runSweep(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`sweep per mutant: ${seeds} seeds × 3, 5, 7 managers, stopping at a violation`);
const control = withCopy(undefined);
console.log(
  `control (no bug): ${control.caught ? 'VIOLATION' : 'clean'}, ${control.seconds.toFixed(1)} s`,
);
if (control.caught) {
  console.log(`  ${control.evidence}`);
  console.log('the unchanged code fails the sweep: fix that first');
  process.exit(1);
}
let caught = 0;
for (const mutant of chosen) {
  const verdict = withCopy(mutant);
  if (verdict.caught) caught++;
  const mark = verdict.caught ? 'caught' : 'MISSED';
  console.log(`${mark.padEnd(6)} ${mutant.name}: ${mutant.bug} (${verdict.seconds.toFixed(1)} s)`);
  console.log(`       ${verdict.evidence.split('\n')[0] ?? ''}`);
}
console.log(`caught: ${caught} of ${chosen.length}`);
process.exitCode = caught === chosen.length ? 0 : 1;
