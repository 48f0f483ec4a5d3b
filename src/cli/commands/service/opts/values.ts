import type { PlacementPreference, Ulimit } from '../../../../api/service';
import {
  formatGoDuration,
  InvalidValueError,
  parseGoDuration,
  type FlagValue,
} from '../../../flags';
import { parseInt10 } from './go-text';
import { shlexSplit } from './shlex';

/**
 * docker's own flag value types for services (cli/command/service/opts.go and cli/opts) that
 * parse as they are set, so that a bad value is a flag error (exit 125) with docker's text.
 */

/** placementPrefOpts: `spread=<descriptor>` only. */
export class PlacementPrefValue implements FlagValue {
  readonly prefs: PlacementPreference[] = [];
  readonly texts: string[] = [];
  set(raw: string): void {
    const equals = raw.indexOf('=');
    const strategy = equals < 0 ? '' : raw.slice(0, equals);
    if (strategy === '') {
      throw new InvalidValueError('placement preference must be of the format "<strategy>=<arg>"');
    }
    if (strategy !== 'spread') {
      throw new InvalidValueError(
        `unsupported placement preference ${strategy} (only spread is supported)`,
      );
    }
    this.prefs.push({ Spread: { SpreadDescriptor: raw.slice(equals + 1) } });
    this.texts.push(raw);
  }
  type(): string {
    return 'pref';
  }
  toString(): string {
    return this.texts.length === 0 ? '' : `[${this.texts.join(' ')}]`;
  }
}

const ULIMIT_NAMES = new Set([
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
]);

/** go-units ParseUlimit: `name=soft[:hard]`, hard defaulting to soft. */
export function parseUlimit(value: string): Ulimit {
  const equals = value.indexOf('=');
  if (equals < 0) throw new InvalidValueError(`invalid ulimit argument: ${value}`);
  const name = value.slice(0, equals);
  if (!ULIMIT_NAMES.has(name)) throw new InvalidValueError(`invalid ulimit type: ${name}`);
  const limits = value.slice(equals + 1).split(':');
  if (limits.length > 2) {
    throw new InvalidValueError(
      `too many limit value arguments - ${value.slice(equals + 1)}, can only have up to two, \`soft[:hard]\``,
    );
  }
  const hardText = limits[1];
  const hard = hardText === undefined ? undefined : parseInt10(hardText);
  const soft = parseInt10(limits[0] ?? '');
  const effectiveHard = hard ?? soft;
  if (effectiveHard !== -1) {
    if (soft === -1) {
      throw new InvalidValueError(
        `ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: ${effectiveHard}`,
      );
    }
    if (soft > effectiveHard) {
      throw new InvalidValueError(
        `ulimit soft limit must be less than or equal to hard limit: ${soft} > ${effectiveHard}`,
      );
    }
  }
  return { Name: name, Hard: effectiveHard, Soft: soft };
}

/** UlimitOpt: one ulimit per name, the last one given winning; listed sorted by name. */
export class UlimitValue implements FlagValue {
  readonly #byName = new Map<string, Ulimit>();
  set(raw: string): void {
    const ulimit = parseUlimit(raw);
    this.#byName.set(ulimit.Name, ulimit);
  }
  list(): Ulimit[] {
    return [...this.#byName.values()].sort((a, b) =>
      a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0,
    );
  }
  type(): string {
    return 'ulimit';
  }
  toString(): string {
    const texts = this.list().map((u) => `${u.Name}=${u.Soft}:${u.Hard}`);
    return `[${texts.sort().join(' ')}]`;
  }
  isZeroDefault(): boolean {
    return false;
  }
}

/** opts.PositiveDurationOpt: a Go duration that may not be negative; unset until given. */
export class PositiveDurationValue implements FlagValue {
  value: bigint | null = null;
  set(raw: string): void {
    const parsed = parseGoDuration(raw);
    this.value = parsed;
    if (parsed < 0n) throw new InvalidValueError('duration cannot be negative');
  }
  type(): string {
    return 'duration';
  }
  toString(): string {
    return this.value === null ? '' : formatGoDuration(this.value);
  }
}

/** ShlexOpt (`--entrypoint`, `--args`): shell words; each use replaces the last. */
export class ShlexValue implements FlagValue {
  words: string[] = [];
  set(raw: string): void {
    this.words = shlexSplit(raw);
  }
  type(): string {
    return 'command';
  }
  toString(): string {
    return this.words.length === 0 ? '' : `[${this.words.join(' ')}]`;
  }
}

/** big.Rat's SetString for the decimal and fraction forms docker's users type. */
function parseRational(text: string): [bigint, bigint] | null {
  const fraction = /^([+-]?\d+)\/(\d+)$/.exec(text);
  if (fraction !== null) {
    const denominator = BigInt(fraction[2] ?? '0');
    return denominator === 0n ? null : [BigInt(fraction[1] ?? '0'), denominator];
  }
  const decimal = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (decimal === null) return null;
  const [, sign = '', whole = '', part = '', exponentText = '0'] = decimal;
  if (whole === '' && part === '') return null;
  let numerator = BigInt(`${whole}${part}` || '0');
  let denominator = 10n ** BigInt(part.length);
  const exponent = Number(exponentText);
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator *= 10n ** BigInt(-exponent);
  return [sign === '-' ? -numerator : numerator, denominator];
}

/** opts.ParseCPUs: a rational number of CPUs, as whole nano-CPUs. */
export function parseCpus(value: string): number {
  const rational = parseRational(value);
  if (rational === null) {
    throw new InvalidValueError(`failed to parse ${value} as a rational number`);
  }
  const [numerator, denominator] = rational;
  const nano = numerator * 1_000_000_000n;
  if (nano % denominator !== 0n) throw new InvalidValueError('value is too precise');
  return Number(nano / denominator);
}

/** opts.NanoCPUs (`--limit-cpu`, `--reserve-cpu`); help calls it `decimal`. */
export class CpusValue implements FlagValue {
  nanoCpus = 0;
  set(raw: string): void {
    this.nanoCpus = parseCpus(raw);
  }
  type(): string {
    return 'decimal';
  }
  toString(): string {
    if (this.nanoCpus === 0) return '';
    return (this.nanoCpus / 1e9).toFixed(3);
  }
}

/** credentialSpecOpt: `config://`, `file://` or `registry://`, or empty to clear it. */
export class CredentialSpecValue implements FlagValue {
  source = '';
  set(raw: string): void {
    this.source = raw;
    if (raw === '' || /^(config|file|registry):\/\//.test(raw)) return;
    throw new InvalidValueError(
      'invalid credential spec: value must be prefixed with "config://", "file://", or "registry://"',
    );
  }
  /** The spec's three fields, as docker splits the prefix off. */
  spec(): { Config: string; File: string; Registry: string } {
    const [, kind = '', rest = ''] = /^(config|file|registry):\/\/(.*)$/s.exec(this.source) ?? [];
    return {
      Config: kind === 'config' ? rest : '',
      File: kind === 'file' ? rest : '',
      Registry: kind === 'registry' ? rest : '',
    };
  }
  type(): string {
    return 'credential-spec';
  }
  toString(): string {
    return this.source;
  }
}
