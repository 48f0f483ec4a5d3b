/** Where an editor saves: the machine's files, with the error as strerror says it. */
export type SaveFile = (
  path: string,
  text: string,
) => Promise<{ readonly ok: true } | { readonly ok: false; readonly error: string }>;
