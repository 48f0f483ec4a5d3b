import { describe, expect, it } from 'vitest';
import type { ConfigSpec, SecretSpec } from '../../../../src/api/secret';
import { runDocker } from '../../../support/docker-run';
import { fakeManagerEngine } from '../../../support/fake-engine';
import { memoryFiles } from '../../../support/shell-harness';

/** A manager that records the spec it is sent and answers a fixed ID. */
function recordingEngine() {
  const sent: (SecretSpec | ConfigSpec)[] = [];
  const engine = fakeManagerEngine({
    secretCreate: ({ spec }) => {
      sent.push(spec);
      return Promise.resolve({ ID: 'x4dknb4v9l5u6z6h8tdl3nq0a' });
    },
    configCreate: ({ spec }) => {
      sent.push(spec);
      return Promise.resolve({ ID: 'c4dknb4v9l5u6z6h8tdl3nq0a' });
    },
  });
  return { engine, sent };
}

describe('docker secret create and config create read files of the machine', () => {
  it("sends a file's content, relative to the shell's directory", async () => {
    const { files, tree } = memoryFiles();
    tree.write('/root/db_password.txt', 's3cr3t\n', false, 0);
    const { engine, sent } = recordingEngine();
    const created = await runDocker(['secret', 'create', 'db', 'db_password.txt'], {
      engine,
      files,
    });
    expect(created).toEqual({ stdout: 'x4dknb4v9l5u6z6h8tdl3nq0a\n', stderr: '', code: 0 });
    // base64 of "s3cr3t\n", as Go's []byte travels.
    expect(sent).toEqual([{ Name: 'db', Labels: {}, Data: 'czNjcjN0Cg==' }]);
    const config = await runDocker(['config', 'create', 'site', '/root/db_password.txt'], {
      engine,
      files,
    });
    expect(config.code).toBe(0);
    expect(sent[1]).toEqual({ Name: 'site', Labels: {}, Data: 'czNjcjN0Cg==' });
  });

  it("fails as Go's os.Open and io.ReadAll fail, per docker/cli 27.5.1's wrapping", async () => {
    const { files } = memoryFiles();
    const { engine, sent } = recordingEngine();
    const run = (args: string[]) => runDocker(args, { engine, files });
    expect((await run(['secret', 'create', 'db', 'nosuch'])).stderr).toBe(
      'Error reading content from "nosuch": open nosuch: no such file or directory\n',
    );
    expect((await run(['secret', 'create', 'db', '/etc'])).stderr).toBe(
      'Error reading content from "/etc": read /etc: is a directory\n',
    );
    // config create returns os.Open's error as it is.
    expect((await run(['config', 'create', 'c', 'nosuch'])).stderr).toBe(
      'open nosuch: no such file or directory\n',
    );
    expect((await run(['config', 'create', 'c', '/etc'])).stderr).toBe(
      'Error reading content from "/etc": read /etc: is a directory\n',
    );
    expect(sent).toEqual([]);
  });
});
