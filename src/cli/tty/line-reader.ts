import { Key } from './keys';

/**
 * Reads one line without echo, as a program does with the terminal in no-echo mode (`docker
 * swarm unlock` asking for its key). Keys come from the session, type-ahead first.
 */
export type SecretKeyResult =
  | { readonly kind: 'reading'; readonly text: string }
  /** `line` is null when the user gave up (Ctrl+C or Ctrl+D on an empty line). */
  | { readonly kind: 'done'; readonly line: string | null; readonly output: string };

/**
 * The same line read with the terminal's echo on (docker's confirmation prompts): what the key
 * changed is drawn, a typed character as it is and an erased one as `\b \b`.
 */
export function pressEchoedKey(
  text: string,
  key: string,
): SecretKeyResult & { readonly echo: string } {
  const result = pressSecretKey(text, key);
  if (result.kind === 'done') return { ...result, echo: '' };
  const before = Array.from(text).length;
  const after = Array.from(result.text).length;
  const echo = after > before ? result.text.slice(text.length) : '\b \b'.repeat(before - after);
  return { ...result, echo };
}

export function pressSecretKey(text: string, key: string): SecretKeyResult {
  switch (key) {
    case Key.enter:
    case Key.lineFeed:
      return { kind: 'done', line: text, output: '\r\n' };
    case Key.controlC:
      return { kind: 'done', line: null, output: '' };
    case Key.controlD:
      return text === '' ? { kind: 'done', line: null, output: '\r\n' } : { kind: 'reading', text };
    case Key.backspace:
    case Key.controlH:
      return { kind: 'reading', text: Array.from(text).slice(0, -1).join('') };
    case Key.controlU:
      return { kind: 'reading', text: '' };
    default:
      return { kind: 'reading', text: isText(key) ? text + key : text };
  }
}

function isText(key: string): boolean {
  const code = key.charCodeAt(0);
  return code >= 0x20 && code !== 0x7f && code !== 0x1b;
}

/**
 * A key while a program reads the terminal to its end (`cat`, `docker secret create x -`), the
 * terminal in canonical mode with echo: Enter hands over the line with its newline, Ctrl+D on
 * a line with text hands over that text as it is, and Ctrl+D on an empty line is the end of
 * input (line null). Neither Ctrl+D prints anything.
 */
export function pressStreamKey(
  text: string,
  key: string,
): SecretKeyResult & { readonly echo?: string } {
  switch (key) {
    case Key.enter:
    case Key.lineFeed:
      return { kind: 'done', line: `${text}\n`, output: '\r\n' };
    case Key.controlD:
      return { kind: 'done', line: text === '' ? null : text, output: '' };
    default:
      return pressEchoedKey(text, key);
  }
}
