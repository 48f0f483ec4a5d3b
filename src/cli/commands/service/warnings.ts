import type { DockerCli } from '../../command/cli';

/**
 * The warnings of a create or update, each printed with a newline on stderr: the daemon's,
 * then the client library's registry warning (which it appends to the daemon's list).
 */
export function writeWarnings(
  cli: DockerCli,
  daemonWarnings: readonly string[] | undefined,
  registryWarning: string | null,
): void {
  const warnings = [
    ...(daemonWarnings ?? []),
    ...(registryWarning === null ? [] : [registryWarning]),
  ];
  for (const warning of warnings) cli.err.write(`${warning}\n`);
}
