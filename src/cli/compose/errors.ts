/**
 * What the compose loader and converter fail with: docker prints each as its plain text. One
 * base class, so a command can tell them from a bug.
 */
export class ComposeError extends Error {
  override readonly name: string = 'ComposeError';
}
