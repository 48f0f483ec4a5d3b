/**
 * A flag's value, as pflag's `Value` interface: `set` parses one occurrence on the command line,
 * `type` names the kind of value for help (`string`, `list`, `duration`, ...), and `toString`
 * renders the current value the way Go would, which is how the default shows in help.
 */
export interface FlagValue {
  /** Parses and stores one occurrence. Throws `InvalidValueError` when the text is rejected. */
  set(raw: string): void;
  type(): string;
  toString(): string;
  /**
   * Whether `defaultText` is this kind's zero value, which help leaves out. pflag decides this per
   * Go type (`defaultIsZeroValue`); values without an opinion use pflag's fallback rule.
   */
  isZeroDefault?(defaultText: string): boolean;
}

/** The value text was rejected by the flag's parser; `message` is the parser's own error text. */
export class InvalidValueError extends Error {
  override readonly name = 'InvalidValueError';
}

/** pflag's fallback for custom values: a few texts count as "no default worth showing". */
export function isFallbackZero(defaultText: string): boolean {
  return ['false', '<nil>', '', '0'].includes(defaultText);
}
