import type { DaemonFailure } from '../../../api/operations';
import type { ContainerLogsResult, LogsQuery } from '../../../api/logs';
import type { ContainerRecord, TaskProgress } from '../worker';
import { containerLogSlots, fillLog, type LogHost, type LogSlot } from './container-log';
import { findContainer } from './container-lookup';
import {
  logFrame,
  parseTimestamps,
  readLog,
  tailLines,
  type Instant,
  type ReadConfig,
} from './log-read';
import { runPlanFor } from './run-plan';

export type ContainerLogsOutcome =
  | { readonly ok: true; readonly value: ContainerLogsResult }
  | { readonly ok: false; readonly error: DaemonFailure };

/** The whole log of one of this node's containers, as its task's process writes it, unfilled. */
export function logOfContainer(
  container: ContainerRecord,
  tasks: readonly TaskProgress[],
  host: LogHost,
): LogSlot[] {
  const progress = tasks.find((task) => task.containerId === container.id);
  if (progress === undefined) return [];
  const plan = runPlanFor(progress.assigned, host.node);
  return plan.ok ? containerLogSlots(container, plan.value.process, host) : [];
}

/** moby's `timetypes.ParseTimestamps` of the query, or its strconv error. */
export function readConfigOf(
  query: LogsQuery & { readonly until: string },
  after: number | null,
):
  | { readonly ok: true; readonly config: ReadConfig }
  | { readonly ok: false; readonly error: DaemonFailure } {
  const since = parseTimestamps(query.since);
  const until = query.until === '0' ? null : parseTimestamps(query.until);
  const bad = since === undefined ? query.since : until === undefined ? query.until : null;
  if (bad !== null || since === undefined || until === undefined) {
    const value = (bad ?? '').split('.')[0] ?? '';
    return {
      ok: false,
      error: {
        kind: 'invalid-argument',
        message: `strconv.ParseInt: parsing "${value}": invalid syntax`,
      },
    };
  }
  return { ok: true, config: { since, until, tail: tailLines(query.tail), after } };
}

/**
 * `GET /containers/{id}/logs` (moby `daemon/logs.go`): the container by ID, name or prefix, its
 * log read with the query's since, until and tail, written as the API server writes it.
 */
export function containerLogs(
  containers: readonly ContainerRecord[],
  tasks: readonly TaskProgress[],
  request: LogsQuery & {
    readonly container: string;
    readonly until: string;
    readonly after: number | null;
  },
  host: LogHost,
): ContainerLogsOutcome {
  const found = findContainer(containers, request.container);
  if (!found.ok) return found;
  const read = readConfigOf(request, request.after);
  if (!read.ok) return read;
  const log = logOfContainer(found.value, tasks, host);
  const lines = fillLog(found.value, host, readLog(log, read.config));
  return {
    ok: true,
    value: {
      frames: lines.map((line) => logFrame(line, [], request)),
      next: log.length,
      running: found.value.running,
      untilPassed: pastUntil(log, read.config),
    },
  };
}

/** Whether a line of the log comes after the read's `until`. */
function pastUntil(log: readonly LogSlot[], config: ReadConfig): boolean {
  const until: Instant | null = config.until;
  const last = log[log.length - 1];
  if (until === null || last === undefined) return false;
  return last.atMs > until.ms || (last.atMs === until.ms && last.nanos > until.nanos);
}
