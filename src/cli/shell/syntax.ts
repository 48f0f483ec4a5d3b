/**
 * The shell's syntax tree, as bash's grammar names it: a list of and-or lists of pipelines of
 * simple commands. Words keep their quoting so expansion can tell `$A` from `"$A"` from `'$A'`.
 */

/** One piece of a word. `quoted` parts are never split into fields. */
export type WordPart =
  | { readonly kind: 'literal'; readonly text: string; readonly quoted: boolean }
  | { readonly kind: 'parameter'; readonly name: string; readonly quoted: boolean }
  | { readonly kind: 'command'; readonly source: string; readonly quoted: boolean }
  /** An unquoted `~` at the start of a word: the home directory. */
  | { readonly kind: 'tilde' };

export interface Word {
  readonly parts: readonly WordPart[];
  /** The word as typed, for error messages and completion. */
  readonly text: string;
}

export type ControlOperator = '|' | '|&' | '||' | '&&' | ';' | ';;' | '&' | '(' | ')';

export type RedirectionOperator = '>' | '>>' | '>|' | '<' | '<<' | '<<<' | '<>' | '&>' | '&>>';

export type Token =
  | { readonly kind: 'word'; readonly word: Word }
  | { readonly kind: 'operator'; readonly operator: ControlOperator }
  | {
      readonly kind: 'redirection';
      readonly operator: RedirectionOperator;
      /** The file descriptor typed before the operator (`2>`), or null for the default. */
      readonly fd: number | null;
      /** `>&` and `<&`: the target is another descriptor (`2>&1`). */
      readonly duplicate: boolean;
    }
  | { readonly kind: 'newline' };

export interface Redirection {
  readonly operator: RedirectionOperator;
  readonly fd: number | null;
  readonly duplicate: boolean;
  readonly target: Word;
}

export interface Assignment {
  readonly name: string;
  readonly value: Word;
}

export interface SimpleCommand {
  readonly assignments: readonly Assignment[];
  readonly words: readonly Word[];
  readonly redirections: readonly Redirection[];
}

export interface PipelineStage {
  readonly command: SimpleCommand;
  /** `|&`: this stage's stderr also goes down the pipe. */
  readonly pipeStderr: boolean;
}

export interface Pipeline {
  readonly negated: boolean;
  readonly stages: readonly PipelineStage[];
}

export interface AndOrList {
  readonly first: Pipeline;
  readonly rest: readonly { readonly operator: '&&' | '||'; readonly pipeline: Pipeline }[];
}

/** Why a line cannot run yet: bash shows its `> ` prompt and reads more. */
export type IncompleteReason = 'quote' | 'backslash' | 'operator' | 'heredoc';

export type ParseResult =
  | { readonly kind: 'complete'; readonly list: readonly AndOrList[] }
  | { readonly kind: 'incomplete'; readonly reason: IncompleteReason }
  | { readonly kind: 'error'; readonly message: string };
