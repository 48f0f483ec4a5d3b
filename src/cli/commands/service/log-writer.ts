import type { DockerCli } from '../../command/cli';
import { CliError } from '../../command/errors';
import type { OutputStream } from '../../process';
import type { LogWriter } from '../log-stream';
import { IdResolver } from '../task/resolver';

/** The options of `docker service logs` the line format depends on. */
export interface LogFormatOptions {
  readonly details: boolean;
  readonly noResolve: boolean;
  readonly noTaskIds: boolean;
  readonly noTrunc: boolean;
  readonly timestamps: boolean;
}

interface LogContext {
  readonly nodeId: string;
  readonly serviceId: string;
  readonly taskId: string;
}

/**
 * docker's taskFormatter: a task's context as `<service>.<slot>[.<task ID>]@<node>`, with spaces
 * after it so that slots of fewer digits than `padding` line up; resolved once per context.
 */
export class TaskFormatter {
  readonly #cache = new Map<string, string>();
  readonly #resolver: IdResolver;

  constructor(
    private readonly cli: DockerCli,
    private readonly options: LogFormatOptions,
    private readonly padding: number,
  ) {
    this.#resolver = new IdResolver(cli, options.noResolve);
  }

  async format(context: LogContext): Promise<string> {
    const key = `${context.nodeId}/${context.serviceId}/${context.taskId}`;
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached;
    const nodeName = await this.#resolver.node(context.nodeId);
    const serviceName = await this.#resolver.service(context.serviceId);
    const task = await this.cli.engine.taskInspect({ id: context.taskId }, this.cli.cancel);
    const slot = task.Slot ?? 0;
    let taskName = `${serviceName}.${slot}`;
    if (!this.options.noTaskIds) {
      taskName += `.${this.options.noTrunc ? task.ID : task.ID.slice(0, 12)}`;
    }
    const pad = ' '.repeat(Math.max(0, this.padding - String(slot).length));
    const formatted = `${taskName}@${nodeName}${pad}`;
    this.#cache.set(key, formatted);
    return formatted;
  }
}

/** Go's `url.QueryUnescape`; null for a bad escape. */
function queryUnescape(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** docker/cli `logs.ParseLogDetails`: `k=v,l=w`, query-escaped. */
function parseLogDetails(details: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of details.split(',')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new CliError('invalid details format');
    const key = queryUnescape(pair.slice(0, equals));
    const value = queryUnescape(pair.slice(equals + 1));
    if (key === null || value === null) throw new CliError(`invalid URL escape in ${pair}`);
    map.set(key, value);
  }
  return map;
}

/** Go's `%v` of a map[string]string: `map[a:b c:d]`, keys sorted. */
function goMap(map: ReadonlyMap<string, string>): string {
  const keys = [...map.keys()].sort();
  return `map[${keys.map((key) => `${key}:${map.get(key) ?? ''}`).join(' ')}]`;
}

/** logWriter.parseContext: the three swarm keys, taken out of the details. */
function parseContext(details: Map<string, string>): LogContext {
  const take = (key: string, what: string): string => {
    const value = details.get(key);
    if (value === undefined) throw new CliError(`missing ${what} id in details: ${goMap(details)}`);
    details.delete(key);
    return value;
  };
  return {
    nodeId: take('com.docker.swarm.node.id', 'node'),
    serviceId: take('com.docker.swarm.service.id', 'service'),
    taskId: take('com.docker.swarm.task.id', 'task'),
  };
}

/** Go's `bytes.SplitN(text, " ", n)`. */
function splitN(text: string, n: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (parts.length < n - 1) {
    const space = rest.indexOf(' ');
    if (space < 0) break;
    parts.push(rest.slice(0, space));
    rest = rest.slice(space + 1);
  }
  parts.push(rest);
  return parts;
}

/**
 * docker's logWriter: each line the daemon wrote (`[timestamp ]details message`) rewritten as
 * `[timestamp ]<context>    | [details ]message`.
 */
export function logWriter(
  options: LogFormatOptions,
  formatter: TaskFormatter,
  out: OutputStream,
): LogWriter {
  return {
    write: async (text) => {
      const detailsIndex = options.timestamps ? 1 : 0;
      const numParts = detailsIndex + 2;
      const parts = splitN(text, numParts);
      if (parts.length !== numParts) throw new CliError(`invalid context in log message: ${text}`);
      const details = parseLogDetails(parts[detailsIndex] ?? '');
      const context = parseContext(details);
      let output = options.timestamps ? `${parts[0] ?? ''} ` : '';
      output += `${await formatter.format(context)}    | `;
      if (options.details) {
        const pairs = [...details].map(([key, value]) => `${key}=${value}`).sort();
        output += `${pairs.join(',')} `;
      }
      output += parts[detailsIndex + 1] ?? '';
      out.write(output);
    },
  };
}
