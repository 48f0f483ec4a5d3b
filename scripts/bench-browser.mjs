// `npm run bench:browser`: the simulation in Chromium's Web Workers, as the page runs it.
// 1. Virtual seconds per wall second for 3, 5 and 7 manager workers (compare with
//    bench/coordinator.bench.ts, the same cluster in-process in Node).
// 2. Propose-to-commit latency through 5 manager workers with zero simulated latency.
// 3. Memory per manager worker.
// 4. Main-thread frame time (p95) and the longest task with 7 managers at 50×, on the
//    production build while the graph animates; then the same with 7 managers, 100 workers
//    and a service of 1,000 replicas (the `7m100w` preset).
// 5. On that preset, the wall time of each save and what it writes: the head every save
//    writes, and the checkpoint written once per checkpoint by the coordinator's worker.
// Prints figures; never fails on them.
import { spawn, spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

// BENCH_ONLY=saves runs the 7m100w part alone (its frames and saves), the rest skipped.
const savesOnly = process.env.BENCH_ONLY === 'saves';
const DEV_PORT = 4331;
const PREVIEW_PORT = 4332;
const executablePath = ensureChromium();

async function waitForServer(url) {
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no server at ${url}`);
}

function serve(args) {
  return spawn('npx', ['vite', ...args, '--host', '127.0.0.1', '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
}

async function workerBench(browser) {
  const server = serve(['--config', 'bench/browser/vite.config.ts', '--port', String(DEV_PORT)]);
  try {
    const url = `http://127.0.0.1:${DEV_PORT}/bench/browser/index.html`;
    await waitForServer(url);
    const page = await browser.newPage();
    await page.goto(url);
    const handle = await page.waitForFunction(() => window.benchResults, undefined, {
      timeout: 300_000,
      polling: 500,
    });
    const results = await handle.jsonValue();
    await page.close();
    if (results.error) console.log(`worker bench error: ${results.error}`);
    for (const { managers, virtualSecondsPerWallSecond } of results.throughput) {
      console.log(
        `chromium workers: managers=${managers} virtual_s_per_wall_s=${virtualSecondsPerWallSecond.toFixed(0)}`,
      );
    }
    const latency = results.proposeToCommit;
    if (latency) {
      console.log(
        `chromium workers: propose_to_commit managers=5 samples=${latency.samples} ` +
          `median_ms=${latency.medianMs.toFixed(2)} p99_ms=${latency.p99Ms.toFixed(2)}`,
      );
    }
    const memory = results.memory;
    if (memory) {
      const mib =
        memory.bytesPerManagerWorker === null
          ? 'n/a'
          : (memory.bytesPerManagerWorker / 2 ** 20).toFixed(2);
      console.log(`chromium workers: memory per manager worker ${mib} MiB (${memory.note})`);
    }
    const restore = results.restore;
    if (restore) {
      console.log(
        `chromium workers: restore a 3-manager save of ${restore.virtualSeconds} virtual s: ` +
          `${restore.wallMs.toFixed(0)} ms (rebuilt from its checkpoint in the coordinator's worker, then moved into manager workers)`,
      );
    }
    const services = results.services;
    if (services) {
      console.log(
        `chromium workers: 3m2w lab ${services.idle.toFixed(0)} virtual s per wall s with no service, ` +
          `${services.busy.toFixed(0)} with ${services.running} running tasks: ratio ` +
          `${(services.busy / services.idle).toFixed(2)} (goal >= 0.5)`,
      );
    }
    const move = results.move;
    if (move) {
      console.log(
        `chromium workers: move a manager (2,000-entry log, state ${move.stateKiB.toFixed(0)} KiB) ` +
          `into a new worker samples=${move.samples} median_ms=${move.medianMs.toFixed(1)} ` +
          `p95_ms=${move.p95Ms.toFixed(1)}`,
      );
    }
  } finally {
    process.kill(-server.pid);
  }
}

/** Frame times on the main thread over `ms` of wall time, with the virtual time it covered. */
function measureFrames(page, ms) {
  return page.evaluate(
    (duration) =>
      new Promise((resolve) => {
        const frames = [];
        const longTasks = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasks.push(entry.duration);
        });
        observer.observe({ type: 'longtask', buffered: false });
        const start = window.playground.state().timeMs;
        let last = performance.now();
        const end = last + duration;
        const tick = (now) => {
          frames.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else {
            observer.disconnect();
            resolve({ frames, longTasks, virtualMs: window.playground.state().timeMs - start });
          }
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

function printFrames(label, figures) {
  const sorted = [...figures.frames].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)];
  const longest = figures.longTasks.length === 0 ? 0 : Math.max(...figures.longTasks);
  console.log(
    `main thread, ${label}: frames=${sorted.length} ` +
      `frame_time_p95_ms=${p95.toFixed(1)} long_tasks_over_50ms=${figures.longTasks.length} ` +
      `longest_task_ms=${longest.toFixed(0)} virtual_s=${(figures.virtualMs / 1000).toFixed(0)}`,
  );
}

/** The size of a stored record: its byte arrays' lengths (sealed parts), and the rest as JSON. */
function recordBytesIn(page, key) {
  return page.evaluate(
    (name) =>
      new Promise((resolve) => {
        const request = indexedDB.open('swarm-playground');
        request.onsuccess = () => {
          const get = request.result.transaction('runs').objectStore('runs').get(name);
          get.onsuccess = () => {
            request.result.close();
            let bytes = 0;
            const text = JSON.stringify(get.result ?? null, (_, value) => {
              if (!(value instanceof Uint8Array)) return value;
              bytes += value.byteLength;
              return null;
            });
            resolve(bytes + text.length);
          };
        };
      }),
    key,
  );
}

/**
 * The saves the page made so far (each one's wall time, from AppState's `performance.measure`;
 * the page's time writing each head, from RunStore's), the coordinator worker's time writing
 * each checkpoint (read in that worker), and the size of what is stored: the head every save
 * writes and the checkpoint it names. Read after the frames were measured: reading the
 * checkpoint here takes a while.
 */
async function measureSaves(page) {
  const durations = (name) => performance.getEntriesByName(name).map((entry) => entry.duration);
  const saves = await page.evaluate(durations, 'swarm-playground:save');
  const heads = await page.evaluate(durations, 'swarm-playground:head-write');
  const coordinator = page.workers().find((worker) => worker.url().includes('coordinator'));
  const inWorker = (name) =>
    coordinator === undefined ? [] : coordinator.evaluate(durations, name);
  const checkpoints = await inWorker('swarm-playground:checkpoint-write');
  const seals = await inWorker('swarm-playground:checkpoint-seal');
  const id = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const request = indexedDB.open('swarm-playground');
        request.onsuccess = () => {
          const keys = request.result.transaction('runs').objectStore('runs').getAllKeys();
          keys.onsuccess = () => {
            request.result.close();
            resolve(keys.result.find((key) => String(key).startsWith('checkpoint:')) ?? null);
          };
        };
      }),
  );
  const headBytes = await recordBytesIn(page, 'current');
  const checkpointBytes = id === null ? null : await recordBytesIn(page, id);
  return { saves, heads, checkpoints, seals, headBytes, checkpointBytes };
}

function summary(label, durations) {
  const sorted = [...durations].sort((a, b) => a - b);
  const median = sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
  const longest = sorted.length === 0 ? 0 : sorted[sorted.length - 1];
  return `${label}=${sorted.length} ${label}_median_ms=${median.toFixed(0)} ${label}_longest_ms=${longest.toFixed(0)}`;
}

function printSaves({ saves, heads, checkpoints, seals, headBytes, checkpointBytes }) {
  const mib = (bytes) => (bytes === null ? 'none' : `${(bytes / 2 ** 20).toFixed(2)} MiB`);
  console.log(
    `saves, 7 managers + 100 workers, 1,000 tasks: ${summary('saves', saves)} ` +
      `head_written_per_save=${mib(headBytes)} checkpoint_written_once=${mib(checkpointBytes)}`,
  );
  console.log(
    `  page writing heads: ${summary('heads', heads)}; ` +
      `coordinator worker writing checkpoints: ${summary('checkpoints', checkpoints)}, ` +
      `of which sealing: ${summary('seals', seals)}`,
  );
}

async function frameBench(browser) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const server = serve(['preview', '--port', String(PREVIEW_PORT)]);
  try {
    const base = `http://127.0.0.1:${PREVIEW_PORT}/`;
    await waitForServer(base);
    if (!savesOnly) await smallFrames(browser, base);
    await bigFrames(browser, base);
  } finally {
    process.kill(-server.pid);
  }
}

async function smallFrames(browser, base) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}?preset=7m3w&seed=1`);
  await page.waitForFunction(() => typeof window.playground === 'object');
  await page.getByLabel('Speed').selectOption('50');
  await page.waitForTimeout(2000);
  printFrames('7 managers + 3 workers at 50x for 8 s', await measureFrames(page, 8000));
  await page.close();
}

async function bigFrames(browser, base) {
  // 107 machines, 1,000 tasks: formed, the service created and converged, then measured.
  const big = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await big.goto(`${base}?preset=7m100w&seed=1`);
  await big.waitForFunction(
    () =>
      typeof window.playground === 'object' &&
      window.playground.state().machines.filter((m) => m.nodeStatus === 'ready').length === 107,
    undefined,
    { timeout: 120_000, polling: 500 },
  );
  const created = await big.evaluate(() =>
    window.playground.exec('docker service create -d --name web --replicas 1000 nginx', {
      machine: 'manager1',
    }),
  );
  if (created.exitCode !== 0) throw new Error(`service create: ${created.output}`);
  await big.getByLabel('Speed').selectOption('50');
  printFrames(
    '7 managers + 100 workers, 1,000 tasks converging, at 50x for 8 s',
    await measureFrames(big, 8000),
  );
  const ls = await big.evaluate(() =>
    window.playground.exec('docker service ls --format {{.Replicas}}', { machine: 'manager1' }),
  );
  console.log(`  replicas after it: ${ls.output.trim()}`);
  printFrames(
    '7 managers + 100 workers, 1,000 tasks running, at 50x for 8 s',
    await measureFrames(big, 8000),
  );
  printSaves(await measureSaves(big));
  await big.close();
}

const browser = await chromium.launch({
  executablePath,
  args: [...CHROMIUM_ARGS, '--enable-blink-features=ForceEagerMeasureMemory'],
});
try {
  if (!savesOnly) await workerBench(browser);
  await frameBench(browser);
} finally {
  await browser.close();
}
