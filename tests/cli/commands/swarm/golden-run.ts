import { assertGolden } from '../../../support/golden';
import { runDocker, type DockerResult, type RunOptions } from '../../../support/docker-run';

/**
 * Runs `docker <args>` and compares the whole result (both streams and the exit code) with
 * `tests/cli/testdata/<name>.golden`. Each stream's text is kept byte for byte, tabs and
 * trailing spaces included; rewrite with UPDATE_GOLDEN=1 and read the diff against the
 * reference before accepting it.
 */
export async function expectGolden(
  name: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<DockerResult> {
  const result = await runDocker(args, options);
  const text =
    `$ docker ${args.join(' ')}\n` +
    `-- stdout --\n${result.stdout}` +
    `-- stderr --\n${result.stderr}` +
    `-- exit ${result.code} --\n`;
  assertGolden(text, `tests/cli/testdata/${name}.golden`);
  return result;
}
