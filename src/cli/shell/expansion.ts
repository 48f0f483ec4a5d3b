import type { Word, WordPart } from './syntax';

/**
 * Word expansion in bash's order: tilde, parameters and command substitution, then field
 * splitting of unquoted results, then quote removal (already done by the lexer). Pathname
 * expansion is left out on purpose: there are no files, and bash leaves a pattern that matches
 * nothing as it was typed.
 */

export interface ExpansionContext {
  /** The value of `$name`, or undefined when it is unset. */
  lookup(name: string): string | undefined;
  /** Runs `$(source)` and resolves to its stdout. */
  substitute(source: string): Promise<string>;
}

const fieldSeparator = /[ \t\n]+/;

/** Expands a word into the arguments it becomes (none, one or several). */
export async function expandToFields(word: Word, context: ExpansionContext): Promise<string[]> {
  const fields: string[] = [];
  let current = '';
  // Whether `current` is a field even when empty: a quoted '' is one, an empty $UNSET is not.
  let started = false;
  for (const part of word.parts) {
    const value = await expandPart(part, context);
    if (part.kind === 'tilde' || part.quoted) {
      current += value;
      started = true;
      continue;
    }
    value.split(fieldSeparator).forEach((piece, index) => {
      if (index > 0 && started) {
        fields.push(current);
        current = '';
        started = false;
      }
      if (piece !== '') {
        current += piece;
        started = true;
      }
    });
  }
  if (started) fields.push(current);
  return fields;
}

/** Expands a word into one string, as assignments and redirection targets are (no splitting). */
export async function expandToString(word: Word, context: ExpansionContext): Promise<string> {
  let text = '';
  for (const part of word.parts) text += await expandPart(part, context);
  return text;
}

async function expandPart(part: WordPart, context: ExpansionContext): Promise<string> {
  switch (part.kind) {
    case 'literal':
      return part.text;
    case 'tilde':
      return context.lookup('HOME') ?? '~';
    case 'parameter':
      return context.lookup(part.name) ?? '';
    case 'command':
      // Bash drops the trailing newlines of a command substitution.
      return (await context.substitute(part.source)).replace(/\n+$/, '');
  }
}
