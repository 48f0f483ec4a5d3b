import { FlagSet } from '../flags';
import { arbitraryArgs, type ArgsValidator } from './args';
import { renderUsage } from './usage-template';

/** What a command's run function receives: itself (for its path) and its positional args. */
export interface Invocation {
  readonly command: Command;
  readonly args: readonly string[];
}

export type RunFunction = (invocation: Invocation) => Promise<void>;

export interface CommandSpec {
  /** cobra's `Use`: the name followed by the argument synopsis (`ls [OPTIONS]`). */
  readonly use: string;
  readonly short: string;
  readonly long?: string;
  readonly example?: string;
  readonly aliases?: readonly string[];
  readonly args?: ArgsValidator;
  /** docker's annotations: `swarm`, `experimental`, `category-top`, `aliases`, `version`. */
  readonly annotations?: Readonly<Record<string, string>>;
  readonly hidden?: boolean;
  /** A CLI plugin stub (`buildx`, `compose`): listed as `name*` among management commands. */
  readonly plugin?: boolean;
  /** False stops flag parsing at the first argument (`service create IMAGE --flag` is an arg). */
  readonly interspersed?: boolean;
  readonly run?: RunFunction;
}

/** What a second use of one command changes (`docker ps` is `docker container ls` renamed). */
export type CommandVariant = Partial<
  Pick<CommandSpec, 'use' | 'aliases' | 'annotations' | 'hidden'>
>;

/** The minimum width of command names in listings (cobra's minNamePadding). */
const MIN_NAME_PADDING = 11;

/**
 * A node of the command tree, as a cobra.Command: its own flags, persistent flags that its
 * children inherit, and subcommands. Help text is rendered from it by `usage-template.ts`.
 */
export class Command {
  readonly use: string;
  readonly short: string;
  readonly long: string;
  readonly example: string;
  readonly aliases: readonly string[];
  readonly argsValidator: ArgsValidator;
  readonly annotations: ReadonlyMap<string, string>;
  readonly plugin: boolean;
  readonly interspersed: boolean;
  readonly run: RunFunction | undefined;
  hidden: boolean;
  /** Flags of this command only. */
  readonly localFlags = new FlagSet();
  /** Flags of this command that every descendant also accepts (`--help`). */
  readonly persistentFlags = new FlagSet();
  /** Width for wrapping flag usages in help (the terminal's width, 80 without one). */
  helpColumns = 80;
  /** Whether help goes to a terminal, where docker prints its closing hint in bold. */
  helpToTerminal = false;
  #parent: Command | null = null;
  readonly #children: Command[] = [];
  #maxChildNameLength = 0;
  #mergedFlags: FlagSet | null = null;

  constructor(spec: CommandSpec) {
    this.use = spec.use;
    this.short = spec.short;
    this.long = spec.long ?? '';
    this.example = spec.example ?? '';
    this.aliases = spec.aliases ?? [];
    this.argsValidator = spec.args ?? arbitraryArgs;
    this.annotations = new Map(Object.entries(spec.annotations ?? {}));
    this.hidden = spec.hidden ?? false;
    this.plugin = spec.plugin ?? false;
    this.interspersed = spec.interspersed ?? true;
    this.run = spec.run;
  }

  /** Where a command defines its own flags, as cobra's `cmd.Flags()`. */
  get flags(): FlagSet {
    return this.localFlags;
  }

  /**
   * The flags this command parses and lists: its own, then the persistent flags of itself and its
   * ancestors. Built on first use, once the tree is complete; the Flag objects are shared.
   */
  mergedFlags(): FlagSet {
    if (this.#mergedFlags === null) {
      const merged = new FlagSet();
      merged.addFlagSet(this.localFlags);
      for (const node of this.lineage()) merged.addFlagSet(node.persistentFlags);
      this.#mergedFlags = merged;
    }
    return this.#mergedFlags;
  }

  get parent(): Command | null {
    return this.#parent;
  }

  /** This command, then its parent, up to the root. */
  lineage(): Command[] {
    return this.#parent === null ? [this] : [this, ...this.#parent.lineage()];
  }

  root(): Command {
    return this.#parent === null ? this : this.#parent.root();
  }

  addCommand(...children: Command[]): this {
    for (const child of children) {
      child.#parent = this;
      this.#children.push(child);
      this.#maxChildNameLength = Math.max(this.#maxChildNameLength, child.name().length);
    }
    return this;
  }

  /** Subcommands sorted by name, as cobra's Commands() with command sorting on. */
  commands(): Command[] {
    return [...this.#children].sort((a, b) => (a.name() < b.name() ? -1 : 1));
  }

  name(): string {
    return this.use.split(' ')[0] ?? '';
  }

  hasAlias(name: string): boolean {
    return this.aliases.includes(name);
  }

  /** The subcommand called `name` (or aliased so), as cobra's findNext. */
  findChild(name: string): Command | undefined {
    return this.#children.find((child) => child.name() === name || child.hasAlias(name));
  }

  commandPath(): string {
    return this.#parent === null ? this.name() : `${this.#parent.commandPath()} ${this.name()}`;
  }

  /** The usage line: the parent's path followed by `use` (`docker node ls [OPTIONS]`). */
  useLine(): string {
    return this.#parent === null ? this.use : `${this.#parent.commandPath()} ${this.use}`;
  }

  hasSubCommands(): boolean {
    return this.#children.length > 0;
  }

  hasParent(): boolean {
    return this.#parent !== null;
  }

  runnable(): boolean {
    return this.run !== undefined;
  }

  /** Listed in help: not hidden, and runnable or with listed subcommands. */
  isAvailableCommand(): boolean {
    if (this.hidden) return false;
    return this.runnable() || this.#children.some((child) => child.isAvailableCommand());
  }

  /** The width names are padded to in the parent's listing. */
  namePadding(): number {
    if (this.#parent === null) return MIN_NAME_PADDING;
    return Math.max(MIN_NAME_PADDING, this.#parent.#maxChildNameLength);
  }

  hasAvailableFlags(): boolean {
    return this.mergedFlags().hasAvailableFlags();
  }

  /** cobra's UsageString with docker's usage template. */
  usageString(): string {
    return renderUsage(this, this.root().helpColumns);
  }

  /** cobra's help: docker's 27.x help template is a blank line followed by the usage. */
  helpString(): string {
    return `\n${this.usageString()}`;
  }

  visit(visitor: (command: Command) => void): void {
    visitor(this);
    for (const child of this.#children) child.visit(visitor);
  }
}
