// `npm test`: typecheck, lint, unit tests, production build, end-to-end tests, in that order,
// stopping at the first failure. Ends with one line `N passed, N failed` totalling the Vitest and
// Playwright tests, which CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
for (const stale of ['test-results/unit.json', 'test-results/e2e.json'])
  rmSync(stale, { force: true });

const steps = [
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  {
    name: 'unit tests',
    command: [
      'npx',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/unit.json',
    ],
  },
  { name: 'build', command: ['npx', 'vite', 'build', '--logLevel', 'warn'] },
  { name: 'end-to-end tests', command: ['node', 'scripts/run-e2e.mjs'] },
];

let failedStep = null;
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.command.join(' ')}`);
  const [program, ...args] = step.command;
  const result = spawnSync(program, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    failedStep = step.name;
    console.error(`\n${step.name} failed (exit ${result.status ?? result.signal}).`);
    break;
  }
}

const unit = readCounts('test-results/unit.json', (report) => ({
  passed: report.numPassedTests ?? 0,
  failed: report.numFailedTests ?? 0,
}));
const e2e = readCounts('test-results/e2e.json', (report) => ({
  passed: report.stats?.expected ?? 0,
  failed: (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0),
}));
console.log(
  `\nunit: ${unit.passed} passed, ${unit.failed} failed; e2e: ${e2e.passed} passed, ${e2e.failed} failed`,
);
if (failedStep !== null) console.log(`stopped at: ${failedStep}`);
console.log(`${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed} failed`);
process.exit(failedStep === null ? 0 : 1);

function readCounts(path, pick) {
  if (!existsSync(path)) return { passed: 0, failed: 0 };
  try {
    return pick(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return { passed: 0, failed: 0 };
  }
}
