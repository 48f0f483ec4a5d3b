/**
 * The stack name rule of `docker stack deploy`, `ps`, `services` and `rm`
 * (cli/command/stack/common.go, 27.5.1): a name that is only quotes and white space is refused.
 * The name is the namespace: every object the stack creates is named `<stack>_<name>`.
 */
import { goQuote } from '../../../lib/template/quote';

function isQuoteOrSpace(char: string): boolean {
  return char === '"' || char === "'" || /\s/u.test(char);
}

/** validateStackName: the error text, or null for a usable name. */
export function stackNameError(namespace: string): string | null {
  const trimmed = Array.from(namespace).filter((char) => !isQuoteOrSpace(char));
  return trimmed.length === 0 ? `invalid stack name: ${goQuote(namespace)}` : null;
}
