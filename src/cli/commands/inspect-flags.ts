import type { FlagSet } from '../flags';
import { INSPECT_FORMAT_HELP } from './format-help';

/** --format and --pretty: the flags of `config`, `secret`, `service` and `node inspect`. */
export interface PrettyInspectOptions {
  format: string;
  pretty: boolean;
}

export function newPrettyInspectOptions(): PrettyInspectOptions {
  return { format: '', pretty: false };
}

export function addPrettyInspectFlags(flags: FlagSet, options: PrettyInspectOptions): void {
  flags.stringVar(options, 'format', 'format', 'f', INSPECT_FORMAT_HELP);
  flags.boolVar(
    options,
    'pretty',
    'pretty',
    '',
    'Print the information in a human friendly format',
  );
}
