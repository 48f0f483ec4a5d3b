import { describe, expect, it } from 'vitest';
import type { ContainerSpec } from '../../../../src/api/service';
import type { Task } from '../../../../src/api/task';
import { mountedFiles } from '../../../../src/swarm/agent/exec/secret-mounts';
import { encodeBase64 } from '../../../../src/lib/base64';

const file = (name: string, mode = 0o444) => ({ Name: name, UID: '0', GID: '0', Mode: mode });
const DEPENDENCIES = [
  { kind: 'secret' as const, id: 's1', name: 'db', data: 'czNjcjN0' },
  { kind: 'config' as const, id: 'c1', name: 'site', data: 'YT0x' },
];

/** The task `web.2` on node n1 with `spec`, as the dispatcher assigns it. */
function assigned(spec: ContainerSpec | undefined) {
  const task: Task = {
    ID: 'task1',
    Version: { Index: 1 },
    CreatedAt: '',
    UpdatedAt: '',
    Labels: {},
    Spec: { ForceUpdate: 0, ...(spec === undefined ? {} : { ContainerSpec: spec }) },
    ServiceID: 'svc1',
    Slot: 2,
    NodeID: 'n1',
    Status: { Timestamp: '', State: 'assigned', Message: '', PortStatus: {} },
    DesiredState: 'running',
    Volumes: [],
  };
  return { task, serviceName: 'web' };
}

describe("a task container's secret and config files", () => {
  it('puts relative secret targets under /run/secrets and relative config targets under /', () => {
    const mounted = mountedFiles(
      assigned({
        Image: 'busybox',
        Secrets: [
          { File: file('db'), SecretID: 's1', SecretName: 'db' },
          { File: file('/etc/db', 0o400), SecretID: 's1', SecretName: 'db' },
        ],
        Configs: [
          { File: file('site.conf'), ConfigID: 'c1', ConfigName: 'site' },
          { ConfigID: 'c1', ConfigName: 'site' },
        ],
      }),
      DEPENDENCIES,
    );
    expect(mounted).toEqual({
      ok: true,
      files: [
        { source: 'secret', name: 'db', path: '/run/secrets/db', text: 's3cr3t', mode: 0o444 },
        { source: 'secret', name: 'db', path: '/etc/db', text: 's3cr3t', mode: 0o400 },
        { source: 'config', name: 'site', path: '/site.conf', text: 'a=1', mode: 0o444 },
      ],
    });
  });

  it("fails the start, with moby's text, when the node has not been sent the secret", () => {
    const mounted = mountedFiles(
      assigned({
        Image: 'busybox',
        Secrets: [{ File: file('x'), SecretID: 's9', SecretName: 'x' }],
      }),
      DEPENDENCIES,
    );
    expect(mounted).toEqual({
      ok: false,
      error: 'unable to get secret from secret store: secret s9 not found',
    });
    expect(mountedFiles(assigned(undefined), [])).toEqual({ ok: true, files: [] });
  });
});

describe('a templated secret or config (--template-driver golang)', () => {
  const templated = (kind: 'secret' | 'config', id: string, name: string, text: string) => ({
    kind,
    id,
    name,
    data: encodeBase64(new TextEncoder().encode(text)),
    templating: 'golang',
  });
  const spec: ContainerSpec = {
    Image: 'busybox',
    Env: ['DB_HOST=db.internal', 'EMPTY='],
    Secrets: [
      { File: file('db_pass'), SecretID: 's1', SecretName: 'db' },
      { File: file('dsn'), SecretID: 's2', SecretName: 'dsn' },
    ],
    Configs: [{ File: file('app.conf'), ConfigID: 'c2', ConfigName: 'app' }],
  };

  it('expands the task context and the secret, config and env functions, per task', () => {
    const dependencies = [
      ...DEPENDENCIES,
      templated('secret', 's2', 'dsn', 'postgres://app:{{secret "db_pass"}}@{{env "DB_HOST"}}'),
      templated(
        'config',
        'c2',
        'app',
        '{{.Service.Name}} {{.Task.Slot}} {{.Task.Name}} {{.Node.ID}} [{{.Node.Hostname}}] [{{env "NOPE"}}]',
      ),
    ];
    const mounted = mountedFiles(assigned(spec), dependencies);
    expect(mounted.ok && mounted.files.map((mountedFile) => mountedFile.text)).toEqual([
      's3cr3t',
      'postgres://app:s3cr3t@db.internal',
      // moby builds the payload's getters without the node's description: no hostname.
      'web 2 web.2.task1 n1 [] []',
    ]);
  });

  it('leaves a payload without a driver as it is, braces and all', () => {
    const raw = { kind: 'secret' as const, id: 's2', name: 'dsn', data: 'e3suVGFzay5TbG90fX0=' };
    const config = templated('config', 'c2', 'app', '{{.Task.Slot}}');
    const mounted = mountedFiles(assigned(spec), [...DEPENDENCIES, raw, config]);
    expect(mounted.ok && mounted.files[2]?.text).toBe('2');
    expect(mounted.ok && mounted.files[1]?.text).toBe('{{.Task.Slot}}');
  });

  it("fails the start with moby's wrapped texts when the template cannot run", () => {
    const failing = (text: string, templating = 'golang') =>
      mountedFiles(assigned(spec), [
        ...DEPENDENCIES,
        { ...templated('secret', 's2', 'dsn', text), templating },
        templated('config', 'c2', 'app', 'x'),
      ]);
    const wrap = 'unable to get secret from secret store: failed to expand templated secret s2: ';
    expect(failing('{{secret "nope"}}')).toEqual({
      ok: false,
      error: `${wrap}template: expansion:1:2: executing "expansion" at <secret "nope">: error calling secret: secret target nope not found`,
    });
    expect(failing('{{.Nope}}')).toEqual({
      ok: false,
      error: `${wrap}template: expansion:1:2: executing "expansion" at <.Nope>: can't evaluate field Nope in type *template.PayloadContext`,
    });
    expect(failing('{{config "app.conf"', 'golang')).toEqual({
      ok: false,
      error: `${wrap}template: expansion:1: unclosed action`,
    });
    expect(failing('x', 'jinja')).toEqual({
      ok: false,
      error: `${wrap}unrecognized template type`,
    });
  });
});
