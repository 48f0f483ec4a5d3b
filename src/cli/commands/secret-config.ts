import type { Config, Secret } from '../../api/secret';
import type { DockerCli } from '../command/cli';
import { CliError, StatusError } from '../command/errors';
import { engineErrorText } from '../command/errors-text';
import { elapsedMs } from '../format/elapsed';
import {
  chooseListFormat,
  htmlEscapingRowContextType,
  PRETTY_FORMAT_KEY,
  renderList,
} from '../format/formatter';
import { naturalCompare } from '../format/natural-order';
import { humanDuration, prettyPrint } from '../format/renderers';
import { goTypes, type GoType } from '../format/template/index';
import { formatGoTime, parseGoTime } from '../../lib/template/go-time';
import { inspectEach } from './inspect-run';
import type { ListOptions } from './list-flags';
import type { PrettyInspectOptions } from './inspect-flags';

/**
 * What `docker secret` and `docker config` share (docker/cli cli/command/secret and config,
 * which are the same code twice): the list row, the label texts, and the ls, inspect and rm
 * runs. Each command file says which kind it is.
 */

/** The Go type of `swarm.Secret` / `swarm.Config` for `inspect --format`. */
export function dataObjectType(noun: 'secret' | 'config'): GoType {
  const Noun = noun === 'secret' ? 'Secret' : 'Config';
  const driver = goTypes.pointer(
    goTypes.struct('swarm.Driver', {
      Name: goTypes.string,
      Options: goTypes.map(goTypes.string, goTypes.string),
    }),
  );
  return goTypes.struct(`swarm.${Noun}`, {
    ID: goTypes.string,
    Version: goTypes.struct('swarm.Version', { Index: goTypes.uint64 }),
    CreatedAt: goTypes.time,
    UpdatedAt: goTypes.time,
    Spec: goTypes.struct(`swarm.${Noun}Spec`, {
      Name: goTypes.string,
      Labels: goTypes.map(goTypes.string, goTypes.string),
      // A []byte, typed as its base64 text, as it travels in JSON.
      Data: goTypes.string,
      ...(noun === 'secret' ? { Driver: driver } : {}),
      Templating: driver,
    }),
  });
}

/** Labels as the daemon's map, sorted by key as Go's encoding/json writes a map. */
function sortedLabels(labels: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The object as Go marshals it: label maps with sorted keys. */
export function asGoJson<O extends Secret | Config>(object: O): O {
  return {
    ...object,
    Spec: { ...object.Spec, Labels: Object.fromEntries(sortedLabels(object.Spec.Labels)) },
  };
}

/**
 * docker's secretContext / configContext: one row of `ls`. `Labels` is `k=v` joined by commas
 * (Go ranges over the map in random order; sorted here, so a test can read it).
 */
export class DataObjectRow {
  readonly #object: Secret | Config;
  readonly #nowEpochMs: number;

  constructor(object: Secret | Config, nowEpochMs: number) {
    this.#object = object;
    this.#nowEpochMs = nowEpochMs;
  }

  ID(): string {
    return this.#object.ID;
  }

  Name(): string {
    return this.#object.Spec.Name;
  }

  CreatedAt(): string {
    return `${humanDuration(elapsedMs(this.#object.CreatedAt, this.#nowEpochMs))} ago`;
  }

  UpdatedAt(): string {
    return `${humanDuration(elapsedMs(this.#object.UpdatedAt, this.#nowEpochMs))} ago`;
  }

  Labels(): string {
    return sortedLabels(this.#object.Spec.Labels)
      .map(([key, value]) => `${key}=${value}`)
      .join(',');
  }

  Label(name: string): string {
    return this.#object.Spec.Labels[name] ?? '';
  }
}

/** A secret's row has a DRIVER column too; a config's has none (`{{.Driver}}` fails there). */
export class SecretRow extends DataObjectRow {
  readonly #secret: Secret;

  constructor(secret: Secret, nowEpochMs: number) {
    super(secret, nowEpochMs);
    this.#secret = secret;
  }

  Driver(): string {
    return this.#secret.Spec.Driver?.Name ?? '';
  }
}

export interface DataObjectListing<O extends Secret | Config> {
  readonly noun: 'secret' | 'config';
  readonly defaultTableFormat: string;
  readonly header: Readonly<Record<string, string>>;
  readonly objects: readonly O[];
  readonly row: (object: O, nowEpochMs: number) => DataObjectRow;
}

/** `ls`: sorted by name in natural order, then the table, `-q` or the template. */
export function writeDataObjectList<O extends Secret | Config>(
  cli: DockerCli,
  options: ListOptions,
  listing: DataObjectListing<O>,
): void {
  const format = chooseListFormat({
    format: options.format,
    quiet: options.quiet,
    defaultTableFormat: listing.defaultTableFormat,
  });
  const sorted = [...listing.objects].sort((a, b) => naturalCompare(a.Spec.Name, b.Spec.Name));
  const now = cli.host.clock.nowEpochMs();
  const rowTypeName = `*${listing.noun}.${listing.noun}Context`;
  const result = renderList({
    format,
    rows: sorted.map((object) => listing.row(object, now)),
    header: listing.header,
    rowTypeName,
    rowType: htmlEscapingRowContextType(rowTypeName),
  });
  if (!result.ok) throw new CliError(result.error);
  cli.out.write(result.stdout);
}

/** PrettyPrint of a time.Time: Go's String(), lower-cased after its first character. */
export function prettyTime(timestamp: string): string {
  const time = parseGoTime(timestamp);
  return prettyPrint(time === undefined ? timestamp : formatGoTime(time));
}

/** The pretty template's label lines: ` - k` or ` - k=v`, under `Labels:`, when there are any. */
export function prettyLabelLines(labels: Readonly<Record<string, string>>): string[] {
  const entries = sortedLabels(labels);
  if (entries.length === 0) return [];
  return [
    'Labels:',
    ...entries.map(([key, value]) => ` - ${key}${value === '' ? '' : `=${value}`}`),
  ];
}

export interface DataObjectInspection<O extends Secret | Config> {
  readonly noun: 'secret' | 'config';
  readonly refs: readonly string[];
  readonly fetch: (ref: string) => Promise<O>;
  /** The pretty template's text for one object, without its last newline. */
  readonly pretty: (object: O) => string;
}

/**
 * `inspect`: indented JSON, `json`, a template per object, or `--pretty`. docker ≤27 wraps the
 * inspector's error in a StatusError (`Status: …, Code: 1`). The pretty output is buffered:
 * the first failed lookup is the error, printed alone, and nothing else is.
 */
export async function runDataObjectInspect<O extends Secret | Config>(
  cli: DockerCli,
  options: PrettyInspectOptions,
  inspection: DataObjectInspection<O>,
): Promise<void> {
  const format = options.pretty ? PRETTY_FORMAT_KEY : options.format;
  if (format.startsWith(PRETTY_FORMAT_KEY) && format !== PRETTY_FORMAT_KEY) {
    throw new CliError('cannot supply extra formatting options to the pretty template');
  }
  const fetch = (ref: string): Promise<O> => {
    if (ref === '') {
      return Promise.reject(new CliError(`Error: No such ${inspection.noun}: ${ref}`));
    }
    return inspection.fetch(ref);
  };
  if (format === PRETTY_FORMAT_KEY) {
    let text = '';
    for (const ref of inspection.refs) {
      try {
        text += `${inspection.pretty(await fetch(ref))}\n`;
      } catch (error) {
        throw new StatusError(engineErrorText(error), 1);
      }
    }
    cli.out.write(text);
    return;
  }
  await inspectEach(cli, {
    format,
    refs: inspection.refs,
    type: dataObjectType(inspection.noun),
    fetch: async (ref) => asGoJson(await fetch(ref)),
  });
}
