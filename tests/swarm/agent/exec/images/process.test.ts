import { describe, expect, it } from 'vitest';
import { findImage } from '../../../../../src/swarm/agent/exec/images/lookup';
import {
  TIME_FORMATS,
  chooseBehaviour,
  renderLogs,
  type ContainerFacts,
  type RenderContext,
} from '../../../../../src/swarm/agent/exec/images/process';
import type { ProcessBehaviour } from '../../../../../src/swarm/agent/exec/images/types';

/** 2025-01-22T09:05:07.042Z, a Wednesday. */
const START = Date.UTC(2025, 0, 22, 9, 5, 7, 42);

const CONTEXT: RenderContext = {
  startedAtMs: START,
  hostname: '3f4e8a1b2c9d',
  ip: '10.0.1.7',
  kernel: '6.1.0-28-amd64',
  uuid: '5b1e0f3c-8d2a-4e6b-9f1a-2c3d4e5f6a7b',
  cpus: 2,
  resolve: (host) => (host === 'redis' ? '10.0.2.4' : undefined),
};

function behaviourOf(reference: string, env: readonly string[] = [], hosts: string[] = []) {
  const found = findImage(reference);
  if (found === undefined) throw new Error(`no ${reference}`);
  const facts: ContainerFacts = {
    env: [...found.manifest.config.Env, ...env],
    resolves: (host) => hosts.includes(host),
  };
  return chooseBehaviour(found.manifest.process, facts);
}

function text(behaviour: ProcessBehaviour): string[] {
  return renderLogs(behaviour.logs, CONTEXT).map((line) => line.text);
}

describe('TIME_FORMATS', () => {
  it.each([
    ['nginx', '2025/01/22 09:05:07'],
    ['redis', '22 Jan 2025 09:05:07.042'],
    ['redis-legacy', '22 Jan 09:05:07.042'],
    ['unix', '1737536707'],
    ['rfc3339', '2025-01-22T09:05:07Z'],
    ['rfc3339nano', '2025-01-22T09:05:07.042Z'],
    ['postgres', '2025-01-22 09:05:07.042 UTC'],
    ['date-rfc3339', '2025-01-22 09:05:07+00:00'],
    ['mysqld', '2025-01-22T09:05:07.042000Z'],
    ['mariadb', '2025-01-22 09:05:07'],
    ['apache', 'Wed Jan 22 09:05:07.042000 2025'],
    ['gunicorn', '2025-01-22 09:05:07 +0000'],
    ['mongo', '2025-01-22T09:05:07.042+00:00'],
    ['portainer', '2025/01/22 09:05AM'],
    ['date', 'Wed Jan 22 09:05:07 UTC 2025'],
  ])('%s', (format, expected) => {
    expect(TIME_FORMATS[format]?.(START)).toBe(expected);
  });

  it('writes the afternoon and midnight in twelve-hour form for portainer', () => {
    expect(TIME_FORMATS.portainer?.(Date.UTC(2025, 0, 22, 15, 4))).toBe('2025/01/22 03:04PM');
    expect(TIME_FORMATS.portainer?.(Date.UTC(2025, 0, 22, 0, 30))).toBe('2025/01/22 12:30AM');
  });
});

describe('renderLogs', () => {
  it("fills a repeat's sequence number and ping's round trips, the same on every reading", () => {
    const lines = [
      { stream: 'stdout', text: 'seq={{seq}} time={{rtt:11}} ms', atMs: 0 },
      { stream: 'stdout', text: 'first={{rtt:11:0}} stats={{rtt-stats:11:2}}', atMs: 0 },
    ] as const;
    const [echo, stats] = renderLogs(lines, { ...CONTEXT, seq: 1 });
    const [echo0] = renderLogs(lines, { ...CONTEXT, seq: 0 });
    expect(echo?.text).toMatch(/^seq=1 time=1[01]\.\d{3} ms$/);
    expect(renderLogs(lines, { ...CONTEXT, seq: 1 })[0]).toEqual(echo);
    const first = /time=([\d.]+)/.exec(echo0?.text ?? '')?.[1] ?? '';
    const second = /time=([\d.]+)/.exec(echo?.text ?? '')?.[1] ?? '';
    const [min, max] = [first, second].map(Number).sort((a, b) => a - b);
    expect(stats?.text).toMatch(new RegExp(`^first=${first} stats=`));
    expect(stats?.text.endsWith(`/${max?.toFixed(3) ?? ''}`)).toBe(true);
    expect(stats?.text).toContain(`stats=${min?.toFixed(3) ?? ''}/`);
  });

  it('fills the placeholders, fixes each instant, and repeats a per-CPU line', () => {
    const rendered = renderLogs(
      [
        { stream: 'stdout', text: '{{hostname}} {{ip}} {{kernel}} {{uuid}}', atMs: 0 },
        {
          stream: 'stderr',
          text: '[{{time:nginx}}] worker {{pid}}',
          atMs: 1000,
          perCpu: { firstPid: 29 },
        },
        { stream: 'stdout', text: 'redis at {{ip:redis}}, db at {{ip:db}}, {{nope}}', atMs: 5 },
      ],
      CONTEXT,
    );
    expect(rendered).toEqual([
      {
        stream: 'stdout',
        text: '3f4e8a1b2c9d 10.0.1.7 6.1.0-28-amd64 5b1e0f3c-8d2a-4e6b-9f1a-2c3d4e5f6a7b',
        at: START,
      },
      { stream: 'stderr', text: '[2025/01/22 09:05:08] worker 29', at: START + 1000 },
      { stream: 'stderr', text: '[2025/01/22 09:05:08] worker 30', at: START + 1000 },
      { stream: 'stdout', text: 'redis at 10.0.2.4, db at {{ip:db}}, {{nope}}', at: START + 5 },
    ]);
  });
});

describe('the behaviour of key images', () => {
  it('nginx: its entrypoint, then its notices, one worker per CPU; SIGQUIT shuts it down', () => {
    const behaviour = behaviourOf('nginx');
    expect(behaviour.kind).toBe('runs');
    const rendered = renderLogs(behaviour.logs, CONTEXT);
    expect(rendered.map((line) => `${line.stream} ${line.text}`)).toEqual([
      'stdout /docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      'stdout /docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      'stdout /docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      'stdout 10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      'stdout 10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      'stdout /docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      'stdout /docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      'stdout /docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      'stdout /docker-entrypoint.sh: Configuration complete; ready for start up',
      'stderr 2025/01/22 09:05:07 [notice] 1#1: using the "epoll" event method',
      'stderr 2025/01/22 09:05:07 [notice] 1#1: nginx/1.27.3',
      'stderr 2025/01/22 09:05:07 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
      'stderr 2025/01/22 09:05:07 [notice] 1#1: OS: Linux 6.1.0-28-amd64',
      'stderr 2025/01/22 09:05:07 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      'stderr 2025/01/22 09:05:07 [notice] 1#1: start worker processes',
      'stderr 2025/01/22 09:05:07 [notice] 1#1: start worker process 29',
      'stderr 2025/01/22 09:05:07 [notice] 1#1: start worker process 30',
    ]);
    const stop = behaviour.kind === 'runs' ? (behaviour.onStop ?? []) : [];
    expect(renderLogs(stop, CONTEXT)[0]?.text).toBe(
      '2025/01/22 09:05:07 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
    );
  });

  it('nginx 1.24 was built on bullseye', () => {
    expect(text(behaviourOf('nginx:1.24'))).toContain(
      '2025/01/22 09:05:07 [notice] 1#1: built by gcc 10.2.1 20210110 (Debian 10.2.1-6) ',
    );
  });

  it('redis: its start banner, with its version', () => {
    const behaviour = behaviourOf('redis:7.4.0');
    expect(behaviour.kind).toBe('runs');
    expect(text(behaviour)).toEqual([
      "1:C 22 Jan 2025 09:05:07.047 # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
      '1:C 22 Jan 2025 09:05:07.047 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:C 22 Jan 2025 09:05:07.047 * Redis version=7.4.0, bits=64, commit=00000000, modified=0, pid=1, just started',
      '1:C 22 Jan 2025 09:05:07.047 # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
      '1:M 22 Jan 2025 09:05:07.048 * monotonic clock: POSIX clock_gettime',
      '1:M 22 Jan 2025 09:05:07.048 * Running mode=standalone, port=6379.',
      '1:M 22 Jan 2025 09:05:07.049 * Server initialized',
      '1:M 22 Jan 2025 09:05:07.049 * Ready to accept connections tcp',
    ]);
    expect(text(behaviourOf('redis:7.4.1'))[2]).toContain('Redis version=7.4.1,');
  });

  it('redis 3.0.7: the old log format and its logo', () => {
    const lines = text(behaviourOf('redis:3.0.7'));
    expect(lines[0]).toMatch(/^1:C 22 Jan 09:05:07\.047 # Warning: no config file specified/);
    expect(lines).toContain(
      "      _.-``    `.  `_.  ''-._           Redis 3.0.7 (00000000/0) 64 bit",
    );
    expect(lines.at(-1)).toBe(
      '1:M 22 Jan 09:05:07.049 * The server is now ready to accept connections on port 6379',
    );
  });

  it.each(['alpine', 'busybox', 'ubuntu', 'debian', 'node', 'python', 'golang'])(
    '%s: a shell or REPL without a TTY exits 0 at once, printing nothing',
    (reference) => {
      expect(behaviourOf(reference)).toEqual({ kind: 'exits', logs: [], afterMs: 10, exitCode: 0 });
    },
  );

  it('hello-world: prints its message and exits 0', () => {
    const behaviour = behaviourOf('hello-world');
    expect(behaviour).toMatchObject({ kind: 'exits', exitCode: 0 });
    const lines = text(behaviour);
    expect(lines.slice(0, 4)).toEqual([
      '',
      'Hello from Docker!',
      'This message shows that your installation appears to be working correctly.',
      '',
    ]);
    expect(lines).toContain(
      ' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.',
    );
    expect(lines.at(-2)).toBe(' https://docs.docker.com/get-started/');
    expect(renderLogs(behaviour.logs, CONTEXT).every((line) => line.stream === 'stdout')).toBe(
      true,
    );
  });

  it('postgres without a password: its entrypoint error on stderr, exit 1', () => {
    const behaviour = behaviourOf('postgres');
    expect(behaviour).toMatchObject({ kind: 'exits', exitCode: 1 });
    const rendered = renderLogs(behaviour.logs, CONTEXT);
    expect(rendered.every((line) => line.stream === 'stderr')).toBe(true);
    expect(rendered.map((line) => line.text)).toEqual([
      'Error: Database is uninitialized and superuser password is not specified.',
      '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
      '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
      '',
      '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
      '       connections without a password. This is *not* recommended.',
      '',
      '       See PostgreSQL documentation about "trust":',
      '       https://www.postgresql.org/docs/current/auth-trust.html',
    ]);
  });

  it.each([
    [['POSTGRES_PASSWORD=secret'], 'runs'],
    [['POSTGRES_PASSWORD_FILE=/run/secrets/pg'], 'runs'],
    [['POSTGRES_HOST_AUTH_METHOD=trust'], 'runs'],
    [['POSTGRES_HOST_AUTH_METHOD=md5'], 'exits'],
    [['POSTGRES_PASSWORD='], 'exits'],
    [['POSTGRES_PASSWORD'], 'exits'],
    // A later value of the same name wins, as in a container's environment.
    [['POSTGRES_PASSWORD=secret', 'POSTGRES_PASSWORD='], 'exits'],
  ])('postgres with %j %s', (env, kind) => {
    expect(behaviourOf('postgres:15-alpine', env).kind).toBe(kind);
  });

  it('postgres with a password initialises its database and runs', () => {
    const lines = text(behaviourOf('postgres', ['POSTGRES_PASSWORD=example']));
    expect(lines).toContain('PostgreSQL init process complete; ready for start up.');
    expect(lines.at(-1)).toBe(
      '2025-01-22 09:05:09.162 UTC [1] LOG:  database system is ready to accept connections',
    );
  });

  it('mysql without a root password option: its entrypoint error, exit 1', () => {
    const behaviour = behaviourOf('mysql');
    expect(behaviour).toMatchObject({ kind: 'exits', exitCode: 1 });
    expect(
      renderLogs(behaviour.logs, CONTEXT).map((line) => `${line.stream} ${line.text}`),
    ).toEqual([
      'stdout 2025-01-22 09:05:07+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.1.0-1.el9 started.',
      "stdout 2025-01-22 09:05:07+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
      'stdout 2025-01-22 09:05:07+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.1.0-1.el9 started.',
      'stderr 2025-01-22 09:05:07+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
      'stderr     You need to specify one of the following as an environment variable:',
      'stderr     - MYSQL_ROOT_PASSWORD',
      'stderr     - MYSQL_ALLOW_EMPTY_PASSWORD',
      'stderr     - MYSQL_RANDOM_ROOT_PASSWORD',
    ]);
  });

  it.each([
    ['mysql:8.0', ['MYSQL_ROOT_PASSWORD=x'], 'runs'],
    ['mysql:8.0', ['MYSQL_RANDOM_ROOT_PASSWORD=yes'], 'runs'],
    ['mysql:8.0', ['MYSQL_ALLOW_EMPTY_PASSWORD=1'], 'runs'],
    ['mysql:8.0', ['MYSQL_PASSWORD=x', 'MYSQL_USER=u'], 'exits'],
    ['mariadb', [], 'exits'],
    ['mariadb', ['MARIADB_ROOT_PASSWORD=x'], 'runs'],
    ['mariadb', ['MYSQL_ROOT_PASSWORD=x'], 'runs'],
    ['mariadb:lts', ['MARIADB_RANDOM_ROOT_PASSWORD=1'], 'runs'],
  ])('%s with %j %s', (reference, env, kind) => {
    expect(behaviourOf(reference, env).kind).toBe(kind);
  });

  it('mariadb without a password names its own variables', () => {
    expect(text(behaviourOf('mariadb')).at(-1)).toBe(
      '\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD',
    );
  });

  it('the voting app waits for its database while `db` does not resolve', () => {
    const waiting = behaviourOf('dockersamples/examplevotingapp_worker');
    expect(waiting).toMatchObject({ kind: 'runs', repeat: { everyMs: 1000 } });
    expect(text(waiting)).toEqual(['Waiting for db']);
    const connected = behaviourOf('dockersamples/examplevotingapp_worker', [], ['db', 'redis']);
    expect(text(connected)).toEqual([
      'Connected to db',
      'Found redis at 10.0.2.4',
      'Connecting to redis',
    ]);
    expect(text(behaviourOf('dockersamples/examplevotingapp_result', [], ['db']))).toEqual([
      'App running on port 80',
      'Connected to db',
    ]);
  });

  it('httpd guesses its ServerName from the container address', () => {
    expect(text(behaviourOf('httpd'))[0]).toBe(
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.0.1.7. Set the 'ServerName' directive globally to suppress this message",
    );
  });

  it('registry: logrus lines carrying the instance id', () => {
    expect(text(behaviourOf('registry:2')).at(-1)).toBe(
      'time="2025-01-22T09:05:07.054Z" level=info msg="listening on [::]:5000" go.version=go1.20.8 instance.id=5b1e0f3c-8d2a-4e6b-9f1a-2c3d4e5f6a7b service=registry version=2.8.3 ',
    );
  });
});
