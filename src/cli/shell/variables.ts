/**
 * Shell variables and the environment. Bash keeps one table; a variable is passed to programs
 * only once it is exported. `$?` and the other special parameters are read here too, so
 * expansion has one place to ask.
 */

interface Variable {
  readonly value: string;
  readonly exported: boolean;
}

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isValidName(name: string): boolean {
  return namePattern.test(name);
}

export class ShellVariables {
  readonly #table: Map<string, Variable>;
  /** `$?`: the exit status of the last pipeline. */
  lastStatus = 0;
  /** `$$`: the shell's process id, fixed per machine so transcripts are reproducible. */
  readonly processId: number;

  constructor(environment: Iterable<readonly [string, string]>, processId: number) {
    this.#table = new Map(
      [...environment].map(([name, value]) => [name, { value, exported: true }]),
    );
    this.processId = processId;
  }

  /** A copy for a subshell (`$(...)`): what it sets does not reach its parent. */
  clone(): ShellVariables {
    const copy = new ShellVariables([], this.processId);
    for (const [name, variable] of this.#table) copy.#table.set(name, variable);
    copy.lastStatus = this.lastStatus;
    return copy;
  }

  /** The value of `$name`, special parameters included; undefined when unset. */
  get(name: string): string | undefined {
    const special = this.#special(name);
    return special ?? this.#table.get(name)?.value;
  }

  #special(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.lastStatus);
      case '$':
        return String(this.processId);
      case '0':
        return 'bash';
      case '#':
        return '0';
      case '-':
        return 'himBHs';
      default:
        // An interactive shell has no positional parameters and no background job yet.
        return /^[0-9@*!]/.test(name) ? '' : undefined;
    }
  }

  set(name: string, value: string): void {
    this.#table.set(name, { value, exported: this.#table.get(name)?.exported ?? false });
  }

  export(name: string, value?: string): void {
    const current = this.#table.get(name)?.value ?? '';
    this.#table.set(name, { value: value ?? current, exported: true });
  }

  unset(name: string): void {
    this.#table.delete(name);
  }

  /** Exported variables: what a program sees as its environment. */
  environment(): Map<string, string> {
    const environment = new Map<string, string>();
    for (const [name, variable] of this.#table) {
      if (variable.exported) environment.set(name, variable.value);
    }
    return environment;
  }
}
