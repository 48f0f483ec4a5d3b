import type {
  ImageConfig,
  ImageEntry,
  ImageManifest,
  ImagePlatform,
  LogLine,
  ProcessBehaviour,
} from './types';

export type { ImageEntry, ImageManifest } from './types';

/*
 * The simulated Docker Hub: the images the Docker docs' swarm tutorials, the voting-app stack
 * and common DCA labs use, as Docker Hub served them on 22 January 2025 (the day Docker 27.5.1
 * shipped). Tags, platforms and image configs come from docker-library/official-images at that
 * date and from each image's Dockerfile at that date; the log lines from the images' entrypoint
 * scripts and programs. The digests are made up for this lab (it has no network, and the real
 * ones change with every rebuild): each is the SHA-256 of `swarm-playground:<path>:<first tag>`,
 * computed once and written here; a manifest's size is likewise a fixed, plausible number.
 */

// --- platforms ------------------------------------------------------------------------------

const AMD64: ImagePlatform = { os: 'linux', architecture: 'amd64' };
const ARM_V5: ImagePlatform = { os: 'linux', architecture: 'arm', variant: 'v5' };
const ARM_V6: ImagePlatform = { os: 'linux', architecture: 'arm', variant: 'v6' };
const ARM_V7: ImagePlatform = { os: 'linux', architecture: 'arm', variant: 'v7' };
const ARM64: ImagePlatform = { os: 'linux', architecture: 'arm64', variant: 'v8' };
const I386: ImagePlatform = { os: 'linux', architecture: '386' };
const MIPS64LE: ImagePlatform = { os: 'linux', architecture: 'mips64le' };
const PPC64LE: ImagePlatform = { os: 'linux', architecture: 'ppc64le' };
const RISCV64: ImagePlatform = { os: 'linux', architecture: 'riscv64' };
const S390X: ImagePlatform = { os: 'linux', architecture: 's390x' };
/** Windows Server 2022 and 2019 at their January 2025 patch level. */
const WINDOWS_LTSC2022: ImagePlatform = {
  os: 'windows',
  architecture: 'amd64',
  osVersion: '10.0.20348.3091',
};
const WINDOWS_1809: ImagePlatform = {
  os: 'windows',
  architecture: 'amd64',
  osVersion: '10.0.17763.6775',
};

/** A Debian bookworm based official image. */
const DEBIAN_PLATFORMS = [AMD64, ARM_V5, ARM_V7, ARM64, I386, MIPS64LE, PPC64LE, S390X] as const;
/** An Alpine based official image. */
const ALPINE_PLATFORMS = [AMD64, ARM_V6, ARM_V7, ARM64, I386, PPC64LE, RISCV64, S390X] as const;
const AMD64_ARM64 = [AMD64, ARM64] as const;

// --- config and log helpers ----------------------------------------------------------------

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function config(fields: Partial<ImageConfig>): ImageConfig {
  return {
    User: '',
    ExposedPorts: [],
    Env: [PATH],
    Entrypoint: null,
    Cmd: null,
    WorkingDir: '',
    Volumes: [],
    Labels: {},
    ...fields,
  };
}

function out(text: string, atMs = 0): LogLine {
  return { stream: 'stdout', text, atMs };
}

function err(text: string, atMs = 0): LogLine {
  return { stream: 'stderr', text, atMs };
}

function perCpu(line: LogLine, firstPid: number): LogLine {
  return { ...line, perCpu: { firstPid } };
}

/** A shell, interpreter or REPL with no TTY and no stdin (a swarm task): it reads EOF and exits 0. */
const EXITS_AT_ONCE: ProcessBehaviour = { kind: 'exits', logs: [], afterMs: 10, exitCode: 0 };

// --- nginx ---------------------------------------------------------------------------------

const NGINX_ENTRYPOINT_LOGS: readonly LogLine[] = [
  out(
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  ),
  out('/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/', 2),
  out('/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh', 4),
  out(
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    8,
  ),
  out(
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    14,
  ),
  out('/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh', 16),
  out('/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh', 18),
  out('/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh', 22),
  out('/docker-entrypoint.sh: Configuration complete; ready for start up', 26),
];

/**
 * nginx's own start: the entrypoint's lines on stdout, then nginx's notices on stderr (its
 * error log is a link to /dev/stderr), one worker per CPU. SIGQUIT, its stop signal, is a
 * graceful shutdown.
 */
function nginxProcess(version: string, compiler: string, firstWorkerPid: number): ProcessBehaviour {
  const notice = (text: string, atMs: number): LogLine =>
    err(`{{time:nginx}} [notice] 1#1: ${text}`, atMs);
  return {
    kind: 'runs',
    logs: [
      ...NGINX_ENTRYPOINT_LOGS,
      notice('using the "epoll" event method', 30),
      notice(`nginx/${version}`, 30),
      notice(`built by ${compiler}`, 30),
      notice('OS: Linux {{kernel}}', 30),
      notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576', 30),
      notice('start worker processes', 30),
      perCpu(notice('start worker process {{pid}}', 31), firstWorkerPid),
    ],
    onStop: [
      notice('signal 3 (SIGQUIT) received, shutting down', 0),
      perCpu(
        err('{{time:nginx}} [notice] {{pid}}#{{pid}}: gracefully shutting down', 1),
        firstWorkerPid,
      ),
      perCpu(err('{{time:nginx}} [notice] {{pid}}#{{pid}}: exiting', 2), firstWorkerPid),
      perCpu(err('{{time:nginx}} [notice] {{pid}}#{{pid}}: exit', 2), firstWorkerPid),
      perCpu(notice('signal 17 (SIGCHLD) received from {{pid}}', 3), firstWorkerPid),
      perCpu(notice('worker process {{pid}} exited with code 0', 3), firstWorkerPid),
      notice('exit', 4),
    ],
  };
}

const GCC_BOOKWORM = 'gcc 12.2.0 (Debian 12.2.0-14) ';
const GCC_BULLSEYE = 'gcc 10.2.1 20210110 (Debian 10.2.1-6) ';
const GCC_ALPINE_3_20 = 'gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) ';

function nginxConfig(env: readonly string[]): ImageConfig {
  return config({
    ExposedPorts: ['80/tcp'],
    Env: [PATH, ...env],
    Entrypoint: ['/docker-entrypoint.sh'],
    Cmd: ['nginx', '-g', 'daemon off;'],
    Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    StopSignal: 'SIGQUIT',
  });
}

const NGINX: ImageEntry = {
  repository: 'nginx',
  path: 'library/nginx',
  description: 'Official build of Nginx.',
  manifests: [
    {
      tags: [
        '1.27.3',
        'mainline',
        '1',
        '1.27',
        'latest',
        '1.27.3-bookworm',
        'mainline-bookworm',
        '1-bookworm',
        '1.27-bookworm',
        'bookworm',
      ],
      digest: 'sha256:af7657d3a2d24a4388bdf6fd72bd10e36601941a959fa190bf97afd11470c962',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11095,
      platforms: DEBIAN_PLATFORMS,
      attestations: true,
      config: nginxConfig([
        'NGINX_VERSION=1.27.3',
        'NJS_VERSION=0.8.8',
        'NJS_RELEASE=1~bookworm',
        'PKG_RELEASE=1~bookworm',
        'DYNPKG_RELEASE=1~bookworm',
      ]),
      process: { behaviour: nginxProcess('1.27.3', GCC_BOOKWORM, 29) },
    },
    {
      tags: [
        '1.27.3-alpine',
        'mainline-alpine',
        '1-alpine',
        '1.27-alpine',
        'alpine',
        '1.27.3-alpine3.20',
        'mainline-alpine3.20',
        '1-alpine3.20',
        '1.27-alpine3.20',
        'alpine3.20',
      ],
      digest: 'sha256:4d68171955369575484f88873f4d1497c602afaf0d217513e1dbda870629585b',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11116,
      platforms: ALPINE_PLATFORMS,
      attestations: true,
      config: nginxConfig([
        'NGINX_VERSION=1.27.3',
        'PKG_RELEASE=1',
        'DYNPKG_RELEASE=1',
        'NJS_VERSION=0.8.8',
        'NJS_RELEASE=1',
      ]),
      process: { behaviour: nginxProcess('1.27.3', GCC_ALPINE_3_20, 30) },
    },
    {
      tags: ['1.26.2', 'stable', '1.26', '1.26.2-bookworm', 'stable-bookworm', '1.26-bookworm'],
      digest: 'sha256:6c532c32ae9b8596ebd45a7cd769164d5e70036cc6d1cc3fcafdfc71616cba18',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11174,
      platforms: DEBIAN_PLATFORMS,
      attestations: true,
      config: nginxConfig([
        'NGINX_VERSION=1.26.2',
        'NJS_VERSION=0.8.8',
        'NJS_RELEASE=1~bookworm',
        'PKG_RELEASE=1~bookworm',
        'DYNPKG_RELEASE=2~bookworm',
      ]),
      process: { behaviour: nginxProcess('1.26.2', GCC_BOOKWORM, 29) },
    },
    {
      tags: [
        '1.26.2-alpine',
        'stable-alpine',
        '1.26-alpine',
        '1.26.2-alpine3.20',
        'stable-alpine3.20',
        '1.26-alpine3.20',
      ],
      digest: 'sha256:8717b4ba6249de4bbc64adc8cc67d8c66381212954f4ed1f303140b6b659a53d',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11139,
      platforms: ALPINE_PLATFORMS,
      attestations: true,
      config: nginxConfig([
        'NGINX_VERSION=1.26.2',
        'PKG_RELEASE=1',
        'DYNPKG_RELEASE=2',
        'NJS_VERSION=0.8.8',
        'NJS_RELEASE=1',
      ]),
      process: { behaviour: nginxProcess('1.26.2', GCC_ALPINE_3_20, 30) },
    },
    {
      tags: ['1.25.5', '1.25', '1.25.5-bookworm', '1.25-bookworm'],
      digest: 'sha256:1835a9b991a1fb9f313b6786669f7d4ee9f976a6898743ea77f0d36f9d4912cf',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11174,
      platforms: DEBIAN_PLATFORMS,
      attestations: true,
      config: nginxConfig([
        'NGINX_VERSION=1.25.5',
        'NJS_VERSION=0.8.4',
        'NJS_RELEASE=3~bookworm',
        'PKG_RELEASE=1~bookworm',
      ]),
      process: { behaviour: nginxProcess('1.25.5', GCC_BOOKWORM, 29) },
    },
    {
      tags: ['1.24.0', '1.24', '1.24.0-bullseye', '1.24-bullseye'],
      digest: 'sha256:9b55d718d6d68cecce2e19ad5f3acab0f66fb195c7bcc921f743fda73e1787c0',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11180,
      platforms: DEBIAN_PLATFORMS,
      attestations: true,
      config: nginxConfig(['NGINX_VERSION=1.24.0', 'NJS_VERSION=0.8.0', 'PKG_RELEASE=1~bullseye']),
      process: { behaviour: nginxProcess('1.24.0', GCC_BULLSEYE, 29) },
    },
  ],
};

// --- httpd ---------------------------------------------------------------------------------

/** Apache in the foreground: the ServerName guess twice (config test, then start), then its notices. */
function apacheLogs(
  binary: string,
  banner: string,
  mpm: string,
  code: string,
  startMs: number,
): readonly LogLine[] {
  const guess = `AH00558: ${binary}: Could not reliably determine the server's fully qualified domain name, using {{ip}}. Set the 'ServerName' directive globally to suppress this message`;
  return [
    err(guess, startMs + 20),
    err(guess, startMs + 40),
    err(
      `[{{time:apache}}] [${mpm}:notice] [pid 1:tid 1] ${code}: ${banner} configured -- resuming normal operations`,
      startMs + 45,
    ),
    err(
      `[{{time:apache}}] [core:notice] [pid 1:tid 1] AH00094: Command line: '${binary} -D FOREGROUND'`,
      startMs + 45,
    ),
  ];
}

const HTTPD: ImageEntry = {
  repository: 'httpd',
  path: 'library/httpd',
  description: 'The Apache HTTP Server Project',
  manifests: [
    {
      tags: [
        '2.4.62',
        '2.4',
        '2',
        'latest',
        '2.4.62-bookworm',
        '2.4-bookworm',
        '2-bookworm',
        'bookworm',
      ],
      digest: 'sha256:e96e4739af3844e62e24a9a8f4d5d94d387dc9222109f6c3c6cea5d2cbdd65f9',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11094,
      platforms: DEBIAN_PLATFORMS,
      attestations: true,
      config: config({
        ExposedPorts: ['80/tcp'],
        Env: [
          'PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
          'HTTPD_PREFIX=/usr/local/apache2',
          'HTTPD_VERSION=2.4.62',
          'HTTPD_SHA256=674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec',
          'HTTPD_PATCHES=',
        ],
        Cmd: ['httpd-foreground'],
        WorkingDir: '/usr/local/apache2',
        StopSignal: 'SIGWINCH',
      }),
      process: {
        behaviour: {
          kind: 'runs',
          logs: apacheLogs('httpd', 'Apache/2.4.62 (Unix)', 'mpm_event', 'AH00489', 0),
          onStop: [
            err(
              '[{{time:apache}}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully',
            ),
          ],
        },
      },
    },
  ],
};

// --- redis ---------------------------------------------------------------------------------

/** Redis 7.2 and later, with no config file, on a host that leaves vm.overcommit_memory at 0. */
function redis7Process(version: string): ProcessBehaviour {
  return {
    kind: 'runs',
    logs: [
      out(
        "1:C {{time:redis}} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
        5,
      ),
      out('1:C {{time:redis}} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', 5),
      out(
        `1:C {{time:redis}} * Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`,
        5,
      ),
      out(
        '1:C {{time:redis}} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
        5,
      ),
      out('1:M {{time:redis}} * monotonic clock: POSIX clock_gettime', 6),
      out('1:M {{time:redis}} * Running mode=standalone, port=6379.', 6),
      out('1:M {{time:redis}} * Server initialized', 7),
      out('1:M {{time:redis}} * Ready to accept connections tcp', 7),
    ],
    onStop: [
      out('1:signal-handler ({{time:unix}}) Received SIGTERM scheduling shutdown...', 0),
      out('1:M {{time:redis}} * User requested shutdown...', 60),
      out('1:M {{time:redis}} * Saving the final RDB snapshot before exiting.', 60),
      out('1:M {{time:redis}} * DB saved on disk', 62),
      out('1:M {{time:redis}} # Redis is now ready to exit, bye bye...', 62),
    ],
  };
}

function redisConfig(version: string, sha256: string): ImageConfig {
  return config({
    ExposedPorts: ['6379/tcp'],
    Env: [
      PATH,
      'GOSU_VERSION=1.17',
      `REDIS_VERSION=${version}`,
      `REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-${version}.tar.gz`,
      `REDIS_DOWNLOAD_SHA=${sha256}`,
    ],
    Entrypoint: ['docker-entrypoint.sh'],
    Cmd: ['redis-server'],
    WorkingDir: '/data',
    Volumes: ['/data'],
  });
}

/** Redis 3.0's ASCII logo: it prints it whether or not stdout is a terminal (4.0 stopped that). */
function redis3Logo(version: string): readonly LogLine[] {
  const art = [
    '                _._',
    "           _.-``__ ''-._",
    `      _.-\`\`    \`.  \`_.  ''-._           Redis ${version} (00000000/0) 64 bit`,
    "  .-`` .-```.  ```\\/    _.,_ ''-._",
    " (    '      ,       .-`  | `,    )     Running in standalone mode",
    " |`-._`-...-` __...-.``-._|'` _.-'|     Port: 6379",
    " |    `-._   `._    /     _.-'    |     PID: 1",
    "  `-._    `-._  `-./  _.-'    _.-'",
    " |`-._`-._    `-.__.-'    _.-'_.-'|",
    " |    `-._`-._        _.-'_.-'    |           http://redis.io",
    "  `-._    `-._`-.__.-'_.-'    _.-'",
    " |`-._`-._    `-.__.-'    _.-'_.-'|",
    " |    `-._`-._        _.-'_.-'    |",
    "  `-._    `-._`-.__.-'_.-'    _.-'",
    "      `-._    `-.__.-'    _.-'",
    "          `-._        _.-'",
    "              `-.__.-'",
  ];
  // The art is padded to 69 columns; a line that ends in text (version, mode, port, PID) is not.
  const padded = art.map((line) => (/(bit|mode|: \d+)$/.test(line) ? line : line.padEnd(69)));
  return [...padded.map((line) => out(line, 5)), out('', 5)];
}

/**
 * Redis 3.0 with no config file: the warning, the logo, and the older log format (no year).
 * The overcommit warning is printed; the TCP backlog and THP ones are not on a Debian 12 host
 * (somaxconn 4096, THP `madvise`).
 */
function redis3Process(version: string): ProcessBehaviour {
  return {
    kind: 'runs',
    logs: [
      out(
        '1:C {{time:redis-legacy}} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
        5,
      ),
      ...redis3Logo(version),
      out(`1:M {{time:redis-legacy}} # Server started, Redis version ${version}`, 7),
      out(
        "1:M {{time:redis-legacy}} # WARNING overcommit_memory is set to 0! Background save may fail under low memory condition. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
        7,
      ),
      out(
        '1:M {{time:redis-legacy}} * The server is now ready to accept connections on port 6379',
        7,
      ),
    ],
    onStop: [
      out('1:M {{time:redis-legacy}} # User requested shutdown...', 0),
      out('1:M {{time:redis-legacy}} * Saving the final RDB snapshot before exiting.', 1),
      out('1:M {{time:redis-legacy}} * DB saved on disk', 3),
      out('1:M {{time:redis-legacy}} # Redis is now ready to exit, bye bye...', 3),
    ],
  };
}

const REDIS_7_4_2_SHA = '4ddebbf09061cbb589011786febdb34f29767dd7f89dbe712d2b68e808af6a1f';

const REDIS: ImageEntry = {
  repository: 'redis',
  path: 'library/redis',
  description:
    'Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.',
  manifests: [
    {
      tags: [
        '7.4.2',
        '7.4',
        '7',
        'latest',
        '7.4.2-bookworm',
        '7.4-bookworm',
        '7-bookworm',
        'bookworm',
      ],
      digest: 'sha256:7b5666988870ca8b2441a0155059916b68226f42b5ed2e36a8de2c03542cb0b5',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11137,
      platforms: DEBIAN_PLATFORMS,
      attestations: true,
      config: redisConfig('7.4.2', REDIS_7_4_2_SHA),
      process: { behaviour: redis7Process('7.4.2') },
    },
    {
      tags: [
        '7.4.2-alpine',
        '7.4-alpine',
        '7-alpine',
        'alpine',
        '7.4.2-alpine3.21',
        '7.4-alpine3.21',
        '7-alpine3.21',
        'alpine3.21',
      ],
      digest: 'sha256:5434ec150996418e483c09d25dbf0036431b067b334acb309e1e4ea25fceaed0',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11110,
      platforms: ALPINE_PLATFORMS,
      attestations: true,
      config: redisConfig('7.4.2', REDIS_7_4_2_SHA),
      process: { behaviour: redis7Process('7.4.2') },
    },
    {
      tags: ['7.4.1', '7.4.1-bookworm'],
      digest: 'sha256:41137aac90419e943227a27555c18683badd804ab33cef2fe06553c8d1fe26f6',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11160,
      platforms: DEBIAN_PLATFORMS,
      attestations: true,
      config: redisConfig(
        '7.4.1',
        'bc34b878eb89421bbfca6fa78752343bf37af312a09eb0fae47c9575977dfaa2',
      ),
      process: { behaviour: redis7Process('7.4.1') },
    },
    {
      tags: ['7.4.0', '7.4.0-bookworm'],
      digest: 'sha256:8fefd4f0ba844f49b842144ec3f6eb66b3e64b2c3f42e665cc555f5641e1a4eb',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11172,
      platforms: DEBIAN_PLATFORMS,
      attestations: true,
      config: redisConfig(
        '7.4.0',
        '57b47c2c6682636d697dbf5d66d8d495b4e653afc9cd32b7adf9da3e433b8aaf',
      ),
      process: { behaviour: redis7Process('7.4.0') },
    },
    {
      tags: ['3.0.7'],
      digest: 'sha256:1959747269ba3cc02f7db080aa2f1c81d1f230f07b30158e84d07456ff833624',
      // Rebuilt until July 2017, before the official images became multi-platform.
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      size: 1657,
      platforms: [AMD64],
      attestations: false,
      config: config({
        ExposedPorts: ['6379/tcp'],
        Env: [
          PATH,
          'GOSU_VERSION=1.10',
          'REDIS_VERSION=3.0.7',
          'REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-3.0.7.tar.gz',
          'REDIS_DOWNLOAD_SHA=e56b4b7e033ae8dbf311f9191cf6fdf3ae974d1c',
        ],
        Entrypoint: ['docker-entrypoint.sh'],
        Cmd: ['redis-server'],
        WorkingDir: '/data',
        Volumes: ['/data'],
      }),
      process: { behaviour: redis3Process('3.0.7') },
    },
    {
      tags: ['3.0.6'],
      digest: 'sha256:6f7d52567ddc98264fbeb440f693b3e56d681881347036ea2f0fdce305eaef8f',
      // Last pushed in January 2016, before Docker Hub took schema 2: docker 27 will not pull it.
      mediaType: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
      size: 9591,
      platforms: [AMD64],
      attestations: false,
      config: config({
        ExposedPorts: ['6379/tcp'],
        Env: [
          PATH,
          'REDIS_VERSION=3.0.6',
          'REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-3.0.6.tar.gz',
          'REDIS_DOWNLOAD_SHA1=4b1c7b1201984bca8f7f9c6c58862f6928cf0a25',
        ],
        Entrypoint: ['/entrypoint.sh'],
        Cmd: ['redis-server'],
        WorkingDir: '/data',
        Volumes: ['/data'],
      }),
      process: { behaviour: redis3Process('3.0.6') },
    },
  ],
};

// --- postgres ------------------------------------------------------------------------------

const POSTGRES_NO_PASSWORD: ProcessBehaviour = {
  kind: 'exits',
  afterMs: 150,
  exitCode: 1,
  logs: [
    err('Error: Database is uninitialized and superuser password is not specified.', 140),
    err('       You must specify POSTGRES_PASSWORD to a non-empty value for the', 140),
    err('       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".', 140),
    err('', 140),
    err('       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all', 140),
    err('       connections without a password. This is *not* recommended.', 140),
    err('', 140),
    err('       See PostgreSQL documentation about "trust":', 140),
    err('       https://www.postgresql.org/docs/current/auth-trust.html', 140),
  ],
};

/** docker-entrypoint.sh `docker_verify_minimum_env`: a password (or its file), or trust. */
const POSTGRES_REQUIRES = [
  { name: 'POSTGRES_PASSWORD' },
  { name: 'POSTGRES_PASSWORD_FILE' },
  { name: 'POSTGRES_HOST_AUTH_METHOD', equals: 'trust' },
] as const;

/** A first start on an empty volume: initdb, the temporary server, then the real one. */
function postgresProcess(banner: string, timeZone: string): ProcessBehaviour {
  const log = (pid: number, text: string, atMs: number): LogLine =>
    err(`{{time:postgres}} [${pid}] LOG:  ${text}`, atMs);
  return {
    kind: 'runs',
    abridged: true,
    logs: [
      out('The files belonging to this database system will be owned by user "postgres".', 200),
      out('This user must also own the server process.', 200),
      out('', 200),
      out('The database cluster will be initialized with locale "en_US.utf8".', 200),
      out('The default database encoding has accordingly been set to "UTF8".', 200),
      out('The default text search configuration will be set to "english".', 200),
      out('', 200),
      out('Data page checksums are disabled.', 200),
      out('', 200),
      out('fixing permissions on existing directory /var/lib/postgresql/data ... ok', 210),
      out('creating subdirectories ... ok', 220),
      out('selecting dynamic shared memory implementation ... posix', 230),
      out('selecting default "max_connections" ... 100', 260),
      out('selecting default "shared_buffers" ... 128MB', 290),
      out(`selecting default time zone ... ${timeZone}`, 300),
      out('creating configuration files ... ok', 310),
      out('running bootstrap script ... ok', 700),
      out('performing post-bootstrap initialization ... ok', 1500),
      out('syncing data to disk ... ok', 1600),
      out('', 1600),
      out('', 1600),
      out('Success. You can now start the database server using:', 1600),
      out('', 1600),
      out('    pg_ctl -D /var/lib/postgresql/data -l logfile start', 1600),
      out('', 1600),
      err('initdb: warning: enabling "trust" authentication for local connections', 1600),
      err(
        'initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.',
        1600,
      ),
      out(`waiting for server to start....{{time:postgres}} [48] LOG:  starting ${banner}`, 1700),
      log(48, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"', 1710),
      log(51, 'database system was shut down at {{time:postgres}}', 1720),
      log(48, 'database system is ready to accept connections', 1730),
      out(' done', 1800),
      out('server started', 1800),
      out('', 1900),
      out('/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*', 1900),
      out('', 1900),
      out(
        `waiting for server to shut down....{{time:postgres}} [48] LOG:  received fast shutdown request`,
        1910,
      ),
      log(48, 'aborting any active transactions', 1910),
      log(
        48,
        'background worker "logical replication launcher" (PID 54) exited with exit code 1',
        1910,
      ),
      log(49, 'shutting down', 1910),
      log(49, 'checkpoint starting: shutdown immediate', 1910),
      log(48, 'database system is shut down', 2000),
      out(' done', 2000),
      out('server stopped', 2000),
      out('', 2000),
      out('PostgreSQL init process complete; ready for start up.', 2000),
      out('', 2000),
      log(1, `starting ${banner}`, 2100),
      log(1, 'listening on IPv4 address "0.0.0.0", port 5432', 2100),
      log(1, 'listening on IPv6 address "::", port 5432', 2100),
      log(1, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"', 2100),
      log(64, 'database system was shut down at {{time:postgres}}', 2110),
      log(1, 'database system is ready to accept connections', 2120),
    ],
    onStop: [
      log(1, 'received fast shutdown request', 0),
      log(1, 'aborting any active transactions', 0),
      log(
        1,
        'background worker "logical replication launcher" (PID 67) exited with exit code 1',
        1,
      ),
      log(62, 'shutting down', 2),
      log(62, 'checkpoint starting: shutdown immediate', 2),
      log(1, 'database system is shut down', 20),
    ],
  };
}

function postgresConfig(path: string, env: readonly string[]): ImageConfig {
  return config({
    ExposedPorts: ['5432/tcp'],
    Env: [path, 'GOSU_VERSION=1.17', 'LANG=en_US.utf8', ...env, 'PGDATA=/var/lib/postgresql/data'],
    Entrypoint: ['docker-entrypoint.sh'],
    Cmd: ['postgres'],
    Volumes: ['/var/lib/postgresql/data'],
    StopSignal: 'SIGINT',
  });
}

const POSTGRES: ImageEntry = {
  repository: 'postgres',
  path: 'library/postgres',
  description:
    'The PostgreSQL object-relational database system provides reliability and data integrity.',
  manifests: [
    {
      tags: ['17.2', '17', 'latest', '17.2-bookworm', '17-bookworm', 'bookworm'],
      digest: 'sha256:c0f56a5765217db6e81a878ba822234c04fc4950215c67d57fcddacbeafada07',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11112,
      platforms: DEBIAN_PLATFORMS,
      attestations: true,
      config: postgresConfig(`${PATH}:/usr/lib/postgresql/17/bin`, [
        'PG_MAJOR=17',
        'PG_VERSION=17.2-1.pgdg120+1',
      ]),
      process: {
        behaviour: postgresProcess(
          'PostgreSQL 17.2 (Debian 17.2-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit',
          'Etc/UTC',
        ),
        requiresEnv: { anyOf: POSTGRES_REQUIRES, otherwise: POSTGRES_NO_PASSWORD },
      },
    },
    {
      tags: ['16.6', '16', '16.6-bookworm', '16-bookworm'],
      digest: 'sha256:70b6c2e71c60fc9836a5f64b314473c554ec59bffdec0fd3eb4c796be8be9e3a',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11133,
      platforms: DEBIAN_PLATFORMS,
      attestations: true,
      config: postgresConfig(`${PATH}:/usr/lib/postgresql/16/bin`, [
        'PG_MAJOR=16',
        'PG_VERSION=16.6-1.pgdg120+1',
      ]),
      process: {
        behaviour: postgresProcess(
          'PostgreSQL 16.6 (Debian 16.6-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit',
          'Etc/UTC',
        ),
        requiresEnv: { anyOf: POSTGRES_REQUIRES, otherwise: POSTGRES_NO_PASSWORD },
      },
    },
    {
      tags: ['15.10-alpine3.21', '15-alpine3.21', '15.10-alpine', '15-alpine'],
      digest: 'sha256:59ab253dca17a04c640913871f47a562c6ca5f682bb9632a206feba5c572caf8',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11151,
      platforms: ALPINE_PLATFORMS,
      attestations: true,
      config: postgresConfig(PATH, [
        'PG_MAJOR=15',
        'PG_VERSION=15.10',
        'PG_SHA256=55abe738d441f0e58658b3ec6f88097a713b5e3b73139f6230d7b5c4c389e573',
        'DOCKER_PG_LLVM_DEPS=llvm19-dev \t\tclang19',
      ]),
      process: {
        behaviour: postgresProcess(
          'PostgreSQL 15.10 on x86_64-pc-linux-musl, compiled by gcc (Alpine 14.2.0) 14.2.0, 64-bit',
          'UTC',
        ),
        requiresEnv: { anyOf: POSTGRES_REQUIRES, otherwise: POSTGRES_NO_PASSWORD },
      },
    },
  ],
};

// --- mysql and mariadb ---------------------------------------------------------------------

function mysqlEntrypoint(type: 'Note' | 'Warn' | 'ERROR', text: string, atMs: number): LogLine {
  const line = `{{time:date-rfc3339}} [${type}] [Entrypoint]: ${text}`;
  return type === 'Note' ? out(line, atMs) : err(line, atMs);
}

/** The entrypoint's checks with no root password option: it stops before mysqld ever runs. */
function mysqlNoPassword(version: string): ProcessBehaviour {
  return {
    kind: 'exits',
    afterMs: 900,
    exitCode: 1,
    logs: [
      mysqlEntrypoint('Note', `Entrypoint script for MySQL Server ${version} started.`, 100),
      mysqlEntrypoint('Note', "Switching to dedicated user 'mysql'", 500),
      mysqlEntrypoint('Note', `Entrypoint script for MySQL Server ${version} started.`, 520),
      mysqlEntrypoint(
        'ERROR',
        'Database is uninitialized and password option is not specified',
        890,
      ),
      err('    You need to specify one of the following as an environment variable:', 890),
      err('    - MYSQL_ROOT_PASSWORD', 890),
      err('    - MYSQL_ALLOW_EMPTY_PASSWORD', 890),
      err('    - MYSQL_RANDOM_ROOT_PASSWORD', 890),
    ],
  };
}

function mysqlProcess(version: string, server: string): ProcessBehaviour {
  const server0 = (text: string, atMs: number): LogLine => err(`{{time:mysqld}} 0 ${text}`, atMs);
  return {
    kind: 'runs',
    abridged: true,
    logs: [
      mysqlEntrypoint('Note', `Entrypoint script for MySQL Server ${version} started.`, 100),
      mysqlEntrypoint('Note', "Switching to dedicated user 'mysql'", 500),
      mysqlEntrypoint('Note', `Entrypoint script for MySQL Server ${version} started.`, 520),
      mysqlEntrypoint('Note', 'Initializing database files', 900),
      mysqlEntrypoint('Note', 'Database files initialized', 6000),
      mysqlEntrypoint('Note', 'Starting temporary server', 6000),
      mysqlEntrypoint('Note', 'Temporary server started.', 7500),
      out("'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'", 7500),
      mysqlEntrypoint('Note', 'Stopping temporary server', 9500),
      mysqlEntrypoint('Note', 'Temporary server stopped', 11000),
      out('', 11000),
      mysqlEntrypoint('Note', 'MySQL init process done. Ready for start up.', 11000),
      out('', 11000),
      server0(
        `[System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld ${server}) starting as process 1`,
        11200,
      ),
      err(
        `{{time:mysqld}} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
        11250,
      ),
      err(
        `{{time:mysqld}} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
        11600,
      ),
      server0('[Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.', 11800),
      server0(
        '[System] [MY-013602] [Server] Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.',
        11800,
      ),
      server0(
        "[Warning] [MY-011810] [Server] Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.",
        11800,
      ),
      server0(
        "[System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock",
        11850,
      ),
      server0(
        `[System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${server}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
        11850,
      ),
    ],
  };
}

/** docker-entrypoint.sh `docker_verify_minimum_env` (MYSQL_ROOT_PASSWORD may come from its _FILE). */
const MYSQL_REQUIRES = [
  { name: 'MYSQL_ROOT_PASSWORD' },
  { name: 'MYSQL_ROOT_PASSWORD_FILE' },
  { name: 'MYSQL_ALLOW_EMPTY_PASSWORD' },
  { name: 'MYSQL_RANDOM_ROOT_PASSWORD' },
] as const;

function mysqlManifest(
  tags: readonly string[],
  major: string,
  version: string,
  server: string,
  digest: string,
  size: number,
): ImageManifest {
  return {
    tags,
    digest,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    size,
    platforms: AMD64_ARM64,
    attestations: true,
    config: config({
      ExposedPorts: ['3306/tcp', '33060/tcp'],
      Env: [
        PATH,
        'GOSU_VERSION=1.17',
        `MYSQL_MAJOR=${major}`,
        `MYSQL_VERSION=${version}`,
        `MYSQL_SHELL_VERSION=${version}`,
      ],
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['mysqld'],
      Volumes: ['/var/lib/mysql'],
    }),
    process: {
      behaviour: mysqlProcess(version, server),
      requiresEnv: { anyOf: MYSQL_REQUIRES, otherwise: mysqlNoPassword(version) },
    },
  };
}

const MYSQL: ImageEntry = {
  repository: 'mysql',
  path: 'library/mysql',
  description: 'MySQL is a widely used, open-source relational database management system (RDBMS).',
  manifests: [
    mysqlManifest(
      [
        '9.1.0',
        '9.1',
        '9',
        'innovation',
        'latest',
        '9.1.0-oraclelinux9',
        '9.1-oraclelinux9',
        '9-oraclelinux9',
        'innovation-oraclelinux9',
        'oraclelinux9',
        '9.1.0-oracle',
        '9.1-oracle',
        '9-oracle',
        'innovation-oracle',
        'oracle',
      ],
      'innovation',
      '9.1.0-1.el9',
      '9.1.0',
      'sha256:c08fe5f57e5fe861df49672bfeadeb2ffc0bb6c47bbb6e042ea7476c53cb4356',
      2859,
    ),
    mysqlManifest(
      [
        '8.4.3',
        '8.4',
        '8',
        'lts',
        '8.4.3-oraclelinux9',
        '8.4-oraclelinux9',
        '8-oraclelinux9',
        'lts-oraclelinux9',
        '8.4.3-oracle',
        '8.4-oracle',
        '8-oracle',
        'lts-oracle',
      ],
      '8.4',
      '8.4.3-1.el9',
      '8.4.3',
      'sha256:0c86d6ad44083a700fc3f29ba56b2829dd2d8956d96322db14dc5e5325badbb8',
      2845,
    ),
    mysqlManifest(
      ['8.0.40', '8.0', '8.0.40-oraclelinux9', '8.0-oraclelinux9', '8.0.40-oracle', '8.0-oracle'],
      '8.0',
      '8.0.40-1.el9',
      '8.0.40',
      'sha256:b75191ecee985c318e590386d3dbd622bc7b5d818aa6230ea3d02523f90a4d1e',
      2918,
    ),
  ],
};

/** The MariaDB entrypoint: its cgroup warning as root, then the same checks as MySQL's. */
function mariadbStart(version: string): readonly LogLine[] {
  return [
    mysqlEntrypoint('Note', `Entrypoint script for MariaDB Server ${version} started.`, 100),
    mysqlEntrypoint(
      'Warn',
      '/sys/fs/cgroup///memory.pressure not writable, functionality unavailable to MariaDB',
      400,
    ),
    mysqlEntrypoint('Note', "Switching to dedicated user 'mysql'", 400),
    mysqlEntrypoint('Note', `Entrypoint script for MariaDB Server ${version} started.`, 420),
  ];
}

function mariadbNoPassword(version: string): ProcessBehaviour {
  return {
    kind: 'exits',
    afterMs: 800,
    exitCode: 1,
    logs: [
      ...mariadbStart(version),
      mysqlEntrypoint(
        'ERROR',
        'Database is uninitialized and password option is not specified',
        790,
      ),
      err(
        '\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD',
        790,
      ),
    ],
  };
}

function mariadbProcess(version: string, server: string): ProcessBehaviour {
  return {
    kind: 'runs',
    abridged: true,
    logs: [
      ...mariadbStart(version),
      mysqlEntrypoint('Note', 'Initializing database files', 800),
      mysqlEntrypoint('Note', 'Database files initialized', 2500),
      mysqlEntrypoint('Note', 'Starting temporary server', 2500),
      mysqlEntrypoint('Note', 'Waiting for server startup', 2500),
      mysqlEntrypoint('Note', 'Temporary server started.', 3200),
      mysqlEntrypoint('Note', 'Setting root password', 3500),
      mysqlEntrypoint('Note', 'Stopping temporary server', 3600),
      mysqlEntrypoint('Note', 'Temporary server stopped', 4200),
      out('', 4200),
      mysqlEntrypoint('Note', 'MariaDB init process done. Ready for start up.', 4200),
      out('', 4200),
      err('{{time:mariadb}} 0 [Note] InnoDB: Buffer pool(s) load completed', 4500),
      err('{{time:mariadb}} 0 [Note] mariadbd: ready for connections.', 4500),
      err(
        `Version: '${server}'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution`,
        4500,
      ),
    ],
  };
}

/** docker-entrypoint.sh: the MARIADB_ options, the MYSQL_ names it also reads, and their _FILE forms. */
const MARIADB_REQUIRES = [
  { name: 'MARIADB_ROOT_PASSWORD' },
  { name: 'MARIADB_ROOT_PASSWORD_FILE' },
  { name: 'MARIADB_ROOT_PASSWORD_HASH' },
  { name: 'MARIADB_ROOT_PASSWORD_HASH_FILE' },
  { name: 'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD' },
  { name: 'MARIADB_RANDOM_ROOT_PASSWORD' },
  { name: 'MYSQL_ROOT_PASSWORD' },
  { name: 'MYSQL_ROOT_PASSWORD_FILE' },
  { name: 'MYSQL_ALLOW_EMPTY_PASSWORD' },
  { name: 'MYSQL_RANDOM_ROOT_PASSWORD' },
] as const;

function mariadbManifest(
  tags: readonly string[],
  release: string,
  packageVersion: string,
  digest: string,
  size: number,
): ImageManifest {
  return {
    tags,
    digest,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    size,
    platforms: [AMD64, ARM64, PPC64LE, S390X],
    attestations: true,
    config: config({
      ExposedPorts: ['3306/tcp'],
      Env: [PATH, 'GOSU_VERSION=1.17', 'LANG=C.UTF-8', `MARIADB_VERSION=${packageVersion}`],
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['mariadbd'],
      Volumes: ['/var/lib/mysql'],
      Labels: {
        'org.opencontainers.image.authors': 'MariaDB Community',
        'org.opencontainers.image.base.name': 'docker.io/library/ubuntu:noble',
        'org.opencontainers.image.description': 'MariaDB Database for relational SQL',
        'org.opencontainers.image.documentation': 'https://hub.docker.com/_/mariadb/',
        'org.opencontainers.image.licenses': 'GPL-2.0',
        'org.opencontainers.image.ref.name': 'ubuntu',
        'org.opencontainers.image.source': 'https://github.com/MariaDB/mariadb-docker',
        'org.opencontainers.image.title': 'MariaDB Database',
        'org.opencontainers.image.url': 'https://github.com/MariaDB/mariadb-docker',
        'org.opencontainers.image.vendor': 'MariaDB Community',
        'org.opencontainers.image.version': release,
      },
    }),
    process: {
      behaviour: mariadbProcess(packageVersion, `${release}-MariaDB-ubu2404`),
      requiresEnv: { anyOf: MARIADB_REQUIRES, otherwise: mariadbNoPassword(packageVersion) },
    },
  };
}

const MARIADB: ImageEntry = {
  repository: 'mariadb',
  path: 'library/mariadb',
  description:
    'MariaDB Server is a high performing open source relational database, forked from MySQL.',
  manifests: [
    mariadbManifest(
      ['11.6.2-noble', '11.6-noble', '11-noble', 'noble', '11.6.2', '11.6', '11', 'latest'],
      '11.6.2',
      '1:11.6.2+maria~ubu2404',
      'sha256:5d6727e2268af36f8ee10c48526feec4234ab535179326319c1df0bded1a94a5',
      5625,
    ),
    mariadbManifest(
      ['11.4.4-noble', '11.4-noble', 'lts-noble', '11.4.4', '11.4', 'lts'],
      '11.4.4',
      '1:11.4.4+maria~ubu2404',
      'sha256:f5a5e03f880cde0249c9fc7009f1b83ae13470faf1353cf75b7f43452891b3be',
      5605,
    ),
  ],
};

// --- mongo ---------------------------------------------------------------------------------

function mongoLog(component: string, id: number, ctx: string, msg: string, attr = ''): string {
  const c = `"${component}",`.padEnd(12);
  const i = `${id},`.padEnd(8);
  return `{"t":{"$date":"{{time:mongo}}"},"s":"I",  "c":${c}"id":${i} "ctx":"${ctx}","msg":"${msg}"${attr}}`;
}

function mongoProcess(): ProcessBehaviour {
  return {
    kind: 'runs',
    abridged: true,
    logs: [
      out(
        mongoLog(
          'CONTROL',
          23285,
          'main',
          "Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'",
        ),
        300,
      ),
      out(mongoLog('CONTROL', 5945603, 'main', 'Multi threading initialized'), 300),
      out(
        mongoLog(
          'NETWORK',
          4648601,
          'main',
          'Implicit TCP FastOpen unavailable. If TCP FastOpen is required, set at least one of the related parameters',
          ',"attr":{"relatedParameters":["tcpFastOpenServer","tcpFastOpenClient","tcpFastOpenQueueSize"]}',
        ),
        300,
      ),
      out(
        mongoLog(
          'CONTROL',
          4615611,
          'initandlisten',
          'MongoDB starting',
          ',"attr":{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit","host":"{{hostname}}"}',
        ),
        310,
      ),
      out(
        mongoLog(
          'STORAGE',
          22297,
          'initandlisten',
          'Using the XFS filesystem is strongly recommended with the WiredTiger storage engine. See http://dochub.mongodb.org/core/prodnotes-filesystem',
        ),
        320,
      ),
      out(
        mongoLog(
          'CONTROL',
          22120,
          'initandlisten',
          'Access control is not enabled for the database. Read and write access to data and configuration is unrestricted',
        ),
        900,
      ),
      out(
        mongoLog(
          'NETWORK',
          23015,
          'listener',
          'Listening on',
          ',"attr":{"address":"/tmp/mongodb-27017.sock"}',
        ),
        1200,
      ),
      out(
        mongoLog('NETWORK', 23015, 'listener', 'Listening on', ',"attr":{"address":"0.0.0.0"}'),
        1200,
      ),
      out(
        mongoLog(
          'NETWORK',
          23016,
          'listener',
          'Waiting for connections',
          ',"attr":{"port":27017,"ssl":"off"}',
        ),
        1200,
      ),
    ],
  };
}

function mongoConfig(major: string, version: string, ubuntu: string): ImageConfig {
  return config({
    ExposedPorts: ['27017/tcp'],
    Env: [
      PATH,
      'GOSU_VERSION=1.17',
      'JSYAML_VERSION=3.13.1',
      'JSYAML_CHECKSUM=662e32319bdd378e91f67578e56a34954b0a2e33aca11d70ab9f4826af24b941',
      'MONGO_PACKAGE=mongodb-org',
      'MONGO_REPO=repo.mongodb.org',
      `MONGO_MAJOR=${major}`,
      `MONGO_VERSION=${version}`,
      'HOME=/data/db',
    ],
    Entrypoint: ['docker-entrypoint.sh'],
    Cmd: ['mongod'],
    Volumes: ['/data/configdb', '/data/db'],
    Labels: {
      'org.opencontainers.image.ref.name': 'ubuntu',
      'org.opencontainers.image.version': ubuntu,
    },
  });
}

const MONGO: ImageEntry = {
  repository: 'mongo',
  path: 'library/mongo',
  description: 'MongoDB document databases provide high availability and easy scalability.',
  manifests: [
    {
      tags: ['8.0.4', '8.0', '8', 'latest', '8.0.4-noble', '8.0-noble', '8-noble', 'noble'],
      digest: 'sha256:831966e5d5356e1e2adc7668bb9fe8f88686cbb664abe4c2fdb184510f1ed3e5',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 4458,
      platforms: [AMD64, ARM64, WINDOWS_LTSC2022, WINDOWS_1809],
      attestations: true,
      config: mongoConfig('8.0', '8.0.4', '24.04'),
      process: { behaviour: mongoProcess() },
    },
    {
      tags: ['7.0.16', '7.0', '7', '7.0.16-jammy', '7.0-jammy', '7-jammy'],
      digest: 'sha256:50e4d77fec6e1c8499ecfa87ea94fc047d51115bc8d0451ad948d86afc6c87b5',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 4409,
      platforms: [AMD64, ARM64, WINDOWS_LTSC2022, WINDOWS_1809],
      attestations: true,
      config: mongoConfig('7.0', '7.0.16', '22.04'),
      process: { behaviour: mongoProcess() },
    },
  ],
};

// --- base images ---------------------------------------------------------------------------

function shellImage(
  tags: readonly string[],
  cmd: readonly string[],
  platforms: readonly ImagePlatform[],
  attestations: boolean,
  digest: string,
  size: number,
  labels: Readonly<Record<string, string>> = {},
): ImageManifest {
  return {
    tags,
    digest,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    size,
    platforms,
    attestations,
    config: config({ Cmd: cmd, Labels: labels }),
    process: { behaviour: EXITS_AT_ONCE },
  };
}

const ALPINE_OLDER_PLATFORMS = [AMD64, ARM_V6, ARM_V7, ARM64, I386, PPC64LE, S390X] as const;

const ALPINE: ImageEntry = {
  repository: 'alpine',
  path: 'library/alpine',
  description:
    'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!',
  manifests: [
    shellImage(
      ['3.21.2', '3.21', '3', 'latest'],
      ['/bin/sh'],
      ALPINE_PLATFORMS,
      true,
      'sha256:90158253c0ca49ece5d6656760017bbea056e3787696964d89eb40342446f61a',
      11113,
    ),
    shellImage(
      ['3.20.5', '3.20'],
      ['/bin/sh'],
      ALPINE_PLATFORMS,
      true,
      'sha256:b8def1812200d91be3144de0d41b3a8e480598aa028ca3da11df3c7dd3216a37',
      11175,
    ),
    shellImage(
      ['3.19.6', '3.19'],
      ['/bin/sh'],
      ALPINE_OLDER_PLATFORMS,
      true,
      'sha256:dc861ae19bef51820d5d49681db1983fcd5ba9d61c77b756649e287e9959a867',
      9720,
    ),
    shellImage(
      ['3.18.11', '3.18'],
      ['/bin/sh'],
      ALPINE_OLDER_PLATFORMS,
      true,
      'sha256:d46f4c62fe3dade08eb6bf253e231f2ad8e5aaaac2612ccbad234798e9f291fd',
      9783,
    ),
  ],
};

const BUSYBOX_PLATFORMS = [
  AMD64,
  ARM_V5,
  ARM_V6,
  ARM_V7,
  ARM64,
  I386,
  MIPS64LE,
  PPC64LE,
  RISCV64,
  S390X,
] as const;

const BUSYBOX: ImageEntry = {
  repository: 'busybox',
  path: 'library/busybox',
  description: 'Busybox base image.',
  manifests: [
    shellImage(
      ['1.37.0', '1.37', '1', 'unstable', 'latest'],
      ['sh'],
      BUSYBOX_PLATFORMS,
      false,
      'sha256:bcdf8b7fe7d3cafc8b9a68922320efe897daeea95bea01ea1f01a7ac300f479c',
      7519,
    ),
    shellImage(
      ['1.36.1', '1.36', 'stable'],
      ['sh'],
      BUSYBOX_PLATFORMS,
      false,
      'sha256:41754b7bbe2cf82d48bcfc48a0dd56971c9e8632a8391b9f80b736b688a0bee6',
      7547,
    ),
  ],
};

const UBUNTU_PLATFORMS = [AMD64, ARM_V7, ARM64, PPC64LE, RISCV64, S390X] as const;

function ubuntuLabels(version: string): Readonly<Record<string, string>> {
  return {
    'org.opencontainers.image.ref.name': 'ubuntu',
    'org.opencontainers.image.version': version,
  };
}

const UBUNTU: ImageEntry = {
  repository: 'ubuntu',
  path: 'library/ubuntu',
  description: 'Ubuntu is a Debian-based Linux operating system based on free software.',
  manifests: [
    shellImage(
      ['24.04', 'noble-20241118.1', 'noble', 'latest'],
      ['/bin/bash'],
      UBUNTU_PLATFORMS,
      false,
      'sha256:5f87be1558306a743b568f802f2f75d1e34238545078e1514d1e126da4372ed2',
      4521,
      ubuntuLabels('24.04'),
    ),
    shellImage(
      ['22.04', 'jammy-20240911.1', 'jammy'],
      ['/bin/bash'],
      UBUNTU_PLATFORMS,
      false,
      'sha256:aabe2c661750bf42d19b6eb11fa11e3a8857db9fff0ad1e4501ab26a2abd8eb2',
      4570,
      ubuntuLabels('22.04'),
    ),
    shellImage(
      ['20.04', 'focal-20241011', 'focal'],
      ['/bin/bash'],
      UBUNTU_PLATFORMS,
      false,
      'sha256:b72086dc8250f66b6039dc0a440083b23b688a0fb7697b1341348215ccd99f2a',
      4539,
      ubuntuLabels('20.04'),
    ),
  ],
};

const DEBIAN: ImageEntry = {
  repository: 'debian',
  path: 'library/debian',
  description:
    "Debian is a Linux distribution that's composed entirely of free and open-source software.",
  manifests: [
    shellImage(
      ['bookworm', 'bookworm-20250113', '12.9', '12', 'latest'],
      ['bash'],
      DEBIAN_PLATFORMS,
      false,
      'sha256:92dba856f87340bf482a016381417eae90d42c0fccf250b91209a01c8a8661df',
      6048,
    ),
    shellImage(
      ['bookworm-slim', 'bookworm-20250113-slim', '12.9-slim', '12-slim'],
      ['bash'],
      DEBIAN_PLATFORMS,
      false,
      'sha256:f7a33f109a268fccf41cb68051f30e2fdefad19452d461a39c028b9b0bd33568',
      6046,
    ),
    shellImage(
      ['bullseye', 'bullseye-20250113', '11.11', '11'],
      ['bash'],
      [AMD64, ARM_V7, ARM64, I386],
      false,
      'sha256:508486bba375ded9f87f49ec90516dc027386040d14504fdb633ac9851de9004',
      3096,
    ),
  ],
};

const HELLO_MESSAGE = [
  '',
  'Hello from Docker!',
  'This message shows that your installation appears to be working correctly.',
  '',
  'To generate this message, Docker took the following steps:',
  ' 1. The Docker client contacted the Docker daemon.',
  ' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.',
  '    (amd64)',
  ' 3. The Docker daemon created a new container from that image which runs the',
  '    executable that produces the output you are currently reading.',
  ' 4. The Docker daemon streamed that output to the Docker client, which sent it',
  '    to your terminal.',
  '',
  'To try something more ambitious, you can run an Ubuntu container with:',
  ' $ docker run -it ubuntu bash',
  '',
  'Share images, automate workflows, and more with a free Docker ID:',
  ' https://hub.docker.com/',
  '',
  'For more examples and ideas, visit:',
  ' https://docs.docker.com/get-started/',
  '',
];

const HELLO_WORLD: ImageEntry = {
  repository: 'hello-world',
  path: 'library/hello-world',
  description: 'Hello World! (an example of minimal Dockerization)',
  manifests: [
    {
      tags: ['latest', 'linux'],
      digest: 'sha256:1eac46bda92a34eae3b430fadb8a2097adc38d71fe95858ac7f5845b32ac4636',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 15458,
      platforms: [...BUSYBOX_PLATFORMS, WINDOWS_LTSC2022, WINDOWS_1809],
      attestations: true,
      config: config({ Cmd: ['/hello'] }),
      process: {
        behaviour: {
          kind: 'exits',
          afterMs: 5,
          exitCode: 0,
          logs: HELLO_MESSAGE.map((line) => out(line, 1)),
        },
      },
    },
  ],
};

// --- proxies and registries ----------------------------------------------------------------

const TRAEFIK_PLATFORMS = [AMD64, ARM_V6, ARM64, PPC64LE, RISCV64, S390X] as const;

/** Traefik v3 with no configuration: zerolog's console lines, the stats notice on lines of its own. */
function traefik3Process(version: string, built: string): ProcessBehaviour {
  return {
    kind: 'runs',
    logs: [
      out(
        `{{time:rfc3339}} INF Traefik version ${version} built on ${built} version=${version}`,
        20,
      ),
      out('{{time:rfc3339}} INF ', 20),
      out('Stats collection is disabled.', 20),
      out('Help us improve Traefik by turning this feature on :)', 20),
      out('More details on: https://doc.traefik.io/traefik/contributing/data-collection/', 20),
      out('', 20),
      out('{{time:rfc3339}} INF Starting provider aggregator *aggregator.ProviderAggregator', 25),
      out('{{time:rfc3339}} INF Starting provider *traefik.Provider', 25),
      out('{{time:rfc3339}} INF Starting provider *acme.ChallengeTLSALPN', 25),
    ],
  };
}

function traefik2Process(version: string, built: string): ProcessBehaviour {
  const info = (msg: string): LogLine => out(`time="{{time:rfc3339}}" level=info msg="${msg}"`, 20);
  return {
    kind: 'runs',
    logs: [
      info('Configuration loaded from flags.'),
      info(`Traefik version ${version} built on ${built}`),
      info(
        '\\nStats collection is disabled.\\nHelp us improve Traefik by turning this feature on :)\\nMore details on: https://doc.traefik.io/traefik/contributing/data-collection/\\n',
      ),
      info('Starting provider aggregator aggregator.ProviderAggregator'),
      info('Starting provider *traefik.Provider'),
      info('Starting provider *acme.ChallengeTLSALPN'),
    ],
  };
}

function traefikManifest(
  tags: readonly string[],
  version: string,
  process: ProcessBehaviour,
  digest: string,
  size: number,
): ImageManifest {
  return {
    tags,
    digest,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    size,
    platforms: TRAEFIK_PLATFORMS,
    attestations: true,
    config: config({
      ExposedPorts: ['80/tcp'],
      Entrypoint: ['/entrypoint.sh'],
      Cmd: ['traefik'],
      Labels: {
        'org.opencontainers.image.description': 'A modern reverse-proxy',
        'org.opencontainers.image.documentation': 'https://docs.traefik.io',
        'org.opencontainers.image.source': 'https://github.com/traefik/traefik',
        'org.opencontainers.image.title': 'Traefik',
        'org.opencontainers.image.url': 'https://traefik.io',
        'org.opencontainers.image.vendor': 'Traefik Labs',
        'org.opencontainers.image.version': `v${version}`,
      },
    }),
    process: { behaviour: process },
  };
}

const TRAEFIK: ImageEntry = {
  repository: 'traefik',
  path: 'library/traefik',
  description: 'Traefik, The Cloud Native Edge Router',
  manifests: [
    traefikManifest(
      ['v3.3.2', '3.3.2', 'v3.3', '3.3', 'v3', '3', 'saintnectaire', 'latest'],
      '3.3.2',
      traefik3Process('3.3.2', '2025-01-14T15:45:49Z'),
      'sha256:929011c0191f02fe9ebbbab08ed7bb32c272475234e02c8b7e4e783de67772dc',
      8410,
    ),
    traefikManifest(
      ['v3.2.5', '3.2.5', 'v3.2', '3.2'],
      '3.2.5',
      traefik3Process('3.2.5', '2025-01-07T14:12:36Z'),
      'sha256:cada9af7a2d016d89690dcebdcf07b48dfef7cae24911d31fc6c11d355c31de6',
      8367,
    ),
    traefikManifest(
      ['v3.1.7', '3.1.7', 'v3.1', '3.1'],
      '3.1.7',
      traefik3Process('3.1.7', '2024-10-28T11:15:04Z'),
      'sha256:019c63468b26086ec2a2866e092843872e0ce32d7a34a4fa6d2024bc13ac0c49',
      8356,
    ),
    traefikManifest(
      ['v2.11.18', '2.11.18', 'v2.11', '2.11', 'v2', '2', 'mimolette'],
      '2.11.18',
      traefik2Process('2.11.18', '2025-01-07T15:22:07Z'),
      'sha256:2f60b53c7cf3031c9ab1822c760c820b9df168b473fe5dd654a8dedc04d90614',
      8335,
    ),
  ],
};

function registryLog(level: string, msg: string, atMs: number): LogLine {
  return err(
    `time="{{time:rfc3339nano}}" level=${level} msg="${msg}" go.version=go1.20.8 instance.id={{uuid}} service=registry version=2.8.3 `,
    atMs,
  );
}

const REGISTRY: ImageEntry = {
  repository: 'registry',
  path: 'library/registry',
  description:
    'Distribution implementation for storing and distributing of container images and artifacts',
  manifests: [
    {
      tags: ['2.8.3', '2.8', '2', 'latest'],
      digest: 'sha256:7f68c88b982c7318e3121f52410c6f46c86a5c3c3aae2d0f08e494bfa5f6f4ee',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 8376,
      platforms: [AMD64, ARM_V6, ARM_V7, ARM64, PPC64LE, S390X],
      attestations: true,
      config: config({
        ExposedPorts: ['5000/tcp'],
        Entrypoint: ['/entrypoint.sh'],
        Cmd: ['/etc/docker/registry/config.yml'],
        Volumes: ['/var/lib/registry'],
      }),
      process: {
        behaviour: {
          kind: 'runs',
          logs: [
            registryLog(
              'warning',
              'No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable.',
              10,
            ),
            registryLog('info', 'redis not configured', 10),
            registryLog('info', 'Starting upload purge in 20m0s', 11),
            registryLog('info', 'using inmemory blob descriptor cache', 11),
            registryLog('info', 'listening on [::]:5000', 12),
          ],
        },
      },
    },
  ],
};

// --- language runtimes ---------------------------------------------------------------------

const NODE_PLATFORMS = [AMD64, ARM_V7, ARM64, PPC64LE, S390X] as const;

function nodeManifest(
  tags: readonly string[],
  version: string,
  digest: string,
  size: number,
): ImageManifest {
  return {
    tags,
    digest,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    size,
    platforms: NODE_PLATFORMS,
    attestations: true,
    config: config({
      Env: [PATH, `NODE_VERSION=${version}`, 'YARN_VERSION=1.22.22'],
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['node'],
    }),
    process: { behaviour: EXITS_AT_ONCE },
  };
}

const NODE: ImageEntry = {
  repository: 'node',
  path: 'library/node',
  description:
    'Node.js is a JavaScript-based platform for server-side and networking applications.',
  manifests: [
    nodeManifest(
      [
        '23.6.0',
        '23.6',
        '23',
        'current',
        'latest',
        '23.6.0-bookworm',
        '23.6-bookworm',
        '23-bookworm',
        'current-bookworm',
        'bookworm',
      ],
      '23.6.0',
      'sha256:ee82d1a6f410a78fa71bf6d6271c83a399dad3fb0b1b7c1111722c543b3fb784',
      7009,
    ),
    nodeManifest(
      [
        '22.13.0',
        '22.13',
        '22',
        'jod',
        'lts',
        'lts-jod',
        '22.13.0-bookworm',
        '22.13-bookworm',
        '22-bookworm',
        'jod-bookworm',
        'lts-bookworm',
      ],
      '22.13.0',
      'sha256:1c6ff6d1fbf868b958dd7a1267b9f15308d9604a7be5ee171b6478375de4236b',
      6968,
    ),
    nodeManifest(
      [
        '20.18.1',
        '20.18',
        '20',
        'iron',
        '20.18.1-bookworm',
        '20.18-bookworm',
        '20-bookworm',
        'iron-bookworm',
      ],
      '20.18.1',
      'sha256:77aa5e6e7b6f44aac311da6bf92b6162c26408303fe60089be7aeb8bbdaf642d',
      7043,
    ),
  ],
};

const PYTHON_PATH =
  'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const PYTHON_PLATFORMS = [
  AMD64,
  ARM_V5,
  ARM_V7,
  ARM64,
  I386,
  PPC64LE,
  S390X,
  WINDOWS_LTSC2022,
  WINDOWS_1809,
] as const;

const PYTHON: ImageEntry = {
  repository: 'python',
  path: 'library/python',
  description:
    'Python is an interpreted, interactive, object-oriented, open-source programming language.',
  manifests: [
    {
      tags: [
        '3.13.1',
        '3.13',
        '3',
        'latest',
        '3.13.1-bookworm',
        '3.13-bookworm',
        '3-bookworm',
        'bookworm',
      ],
      digest: 'sha256:cd882bcfd3c5ed9d74bed3c66cc6323c6a530b96ef788c02c5deade56a464b55',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11284,
      platforms: PYTHON_PLATFORMS,
      attestations: true,
      config: config({
        Env: [
          PYTHON_PATH,
          'GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305',
          'PYTHON_VERSION=3.13.1',
          'PYTHON_SHA256=9cf9427bee9e2242e3877dd0f6b641c1853ca461f39d6503ce260a59c80bf0d9',
        ],
        Cmd: ['python3'],
      }),
      process: { behaviour: EXITS_AT_ONCE },
    },
    {
      tags: ['3.12.8', '3.12', '3.12.8-bookworm', '3.12-bookworm'],
      digest: 'sha256:fff5e3461180da8ac3e9f912f964440ad561a3dc1971fd53dcd3a26088514160',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11292,
      platforms: PYTHON_PLATFORMS,
      attestations: true,
      config: config({
        Env: [
          PYTHON_PATH,
          'LANG=C.UTF-8',
          'GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305',
          'PYTHON_VERSION=3.12.8',
          'PYTHON_SHA256=c909157bb25ec114e5869124cc2a9c4a4d4c1e957ca4ff553f1edc692101154e',
        ],
        Cmd: ['python3'],
      }),
      process: { behaviour: EXITS_AT_ONCE },
    },
  ],
};

const GOLANG_PLATFORMS = [
  AMD64,
  ARM_V7,
  ARM64,
  I386,
  MIPS64LE,
  PPC64LE,
  S390X,
  WINDOWS_LTSC2022,
  WINDOWS_1809,
] as const;

function golangManifest(
  tags: readonly string[],
  version: string,
  digest: string,
  size: number,
): ImageManifest {
  return {
    tags,
    digest,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    size,
    platforms: GOLANG_PLATFORMS,
    attestations: true,
    config: config({
      Env: [
        'PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        `GOLANG_VERSION=${version}`,
        'GOTOOLCHAIN=local',
        'GOPATH=/go',
      ],
      Cmd: ['bash'],
      WorkingDir: '/go',
    }),
    process: { behaviour: EXITS_AT_ONCE },
  };
}

const GOLANG: ImageEntry = {
  repository: 'golang',
  path: 'library/golang',
  description: 'Go (golang) is a general purpose, higher-level, imperative programming language.',
  manifests: [
    golangManifest(
      [
        '1.23.5',
        '1.23',
        '1',
        'latest',
        '1.23.5-bookworm',
        '1.23-bookworm',
        '1-bookworm',
        'bookworm',
      ],
      '1.23.5',
      'sha256:0dd5855cfd26081e41cf987836e62d87d806539e24b06b97d75f271d37f5a6b7',
      11271,
    ),
    golangManifest(
      ['1.22.11', '1.22', '1.22.11-bookworm', '1.22-bookworm'],
      '1.22.11',
      'sha256:84f0c1c6b24c4f13523f83a1b87c4449c83ac3c11adc8feaa3745e9f494424a2',
      11304,
    ),
  ],
};

// --- applications --------------------------------------------------------------------------

const WORDPRESS: ImageEntry = {
  repository: 'wordpress',
  path: 'library/wordpress',
  description:
    'The WordPress rich content management system can utilize plugins, widgets, and themes.',
  manifests: [
    {
      tags: [
        '6.7.1-apache',
        '6.7-apache',
        '6-apache',
        'apache',
        '6.7.1',
        '6.7',
        '6',
        'latest',
        '6.7.1-php8.2-apache',
        '6.7-php8.2-apache',
        '6-php8.2-apache',
        'php8.2-apache',
        '6.7.1-php8.2',
        '6.7-php8.2',
        '6-php8.2',
        'php8.2',
      ],
      digest: 'sha256:3adbb06a3f4e07f0d704ad82ac6ac785c6f9f097c0508fc41c81f867a89fe60d',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 11120,
      platforms: DEBIAN_PLATFORMS,
      attestations: true,
      config: config({
        ExposedPorts: ['80/tcp'],
        Env: [
          PATH,
          'PHPIZE_DEPS=autoconf \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\tlibc-dev \t\tmake \t\tpkg-config \t\tre2c',
          'PHP_INI_DIR=/usr/local/etc/php',
          'APACHE_CONFDIR=/etc/apache2',
          'APACHE_ENVVARS=/etc/apache2/envvars',
          'PHP_CFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64',
          'PHP_CPPFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64',
          'PHP_LDFLAGS=-Wl,-O1 -pie',
          'GPG_KEYS=39B641343D8C104B2B146DC3F9C39DC0B9698544 E60913E4DF209907D8E30D96659A97C9CF2A795A 1198C0117593497A5EC5C199286AF1F9897469DC',
          'PHP_VERSION=8.2.27',
          'PHP_URL=https://www.php.net/distributions/php-8.2.27.tar.xz',
          'PHP_ASC_URL=https://www.php.net/distributions/php-8.2.27.tar.xz.asc',
          'PHP_SHA256=3eec91294d8c09b3df80b39ec36d574ed9b05de4c8afcb25fa215d48f9ecbc6b',
        ],
        Entrypoint: ['docker-entrypoint.sh'],
        Cmd: ['apache2-foreground'],
        WorkingDir: '/var/www/html',
        Volumes: ['/var/www/html'],
        StopSignal: 'SIGWINCH',
      }),
      process: {
        behaviour: {
          kind: 'runs',
          logs: [
            err('WordPress not found in /var/www/html - copying now...', 50),
            err('Complete! WordPress has been successfully copied to /var/www/html', 600),
            ...apacheLogs(
              'apache2',
              'Apache/2.4.62 (Debian) PHP/8.2.27',
              'mpm_prefork',
              'AH00163',
              620,
            ),
          ],
          onStop: [
            err(
              '[{{time:apache}}] [mpm_prefork:notice] [pid 1:tid 1] AH00170: caught SIGWINCH, shutting down gracefully',
            ),
          ],
        },
      },
    },
  ],
};

function portainerManifest(
  tags: readonly string[],
  version: string,
  digest: string,
  size: number,
): ImageManifest {
  const info = (text: string, atMs: number): LogLine => out(`{{time:portainer}} INF ${text}`, atMs);
  return {
    tags,
    digest,
    mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
    size,
    platforms: [AMD64, ARM_V7, ARM64, PPC64LE, S390X, WINDOWS_LTSC2022, WINDOWS_1809],
    attestations: false,
    config: config({
      ExposedPorts: ['8000/tcp', '9000/tcp', '9443/tcp'],
      Entrypoint: ['/portainer'],
      WorkingDir: '/',
      Volumes: ['/data'],
    }),
    process: {
      behaviour: {
        kind: 'runs',
        abridged: true,
        logs: [
          info(
            'github.com/portainer/portainer/api/cmd/portainer/main.go:369 > encryption key file not present | filename=portainer',
            50,
          ),
          info(
            'github.com/portainer/portainer/api/cmd/portainer/main.go:388 > proceeding without encryption key |',
            50,
          ),
          info(
            'github.com/portainer/portainer/api/database/boltdb/db.go:133 > loading PortainerDB | filename=portainer.db',
            60,
          ),
          info(
            'github.com/portainer/portainer/api/internal/ssl/ssl.go:80 > no cert files found, generating self signed ssl certificates |',
            100,
          ),
          info(
            `github.com/portainer/portainer/api/cmd/portainer/main.go:613 > starting Portainer | version=${version}`,
            400,
          ),
          info(
            'github.com/portainer/portainer/api/http/server.go:363 > starting HTTPS server | bind_address=:9443',
            420,
          ),
          info(
            'github.com/portainer/portainer/api/http/server.go:347 > starting HTTP server | bind_address=:9000',
            420,
          ),
        ],
      },
    },
  };
}

const PORTAINER: ImageEntry = {
  repository: 'portainer/portainer-ce',
  path: 'portainer/portainer-ce',
  description:
    'Portainer CE - a lightweight service delivery platform for containerized applications',
  manifests: [
    portainerManifest(
      ['2.25.1', 'latest'],
      '2.25.1',
      'sha256:a78ade7e3e010345e26a7820401595ed57e7667b0fd3235d284c2b4a28b99e54',
      2206,
    ),
    portainerManifest(
      ['2.21.5', 'lts'],
      '2.21.5',
      'sha256:2a631a8d314270f380763f50bbe9f556c9a410bfbea68dc4bd1f7e7a66558b17',
      2274,
    ),
  ],
};

const VISUALIZER: ImageEntry = {
  repository: 'dockersamples/visualizer',
  path: 'dockersamples/visualizer',
  description: 'A visualizer for Docker Swarm Mode using the Docker Remote API, Node.JS, and D3',
  manifests: [
    {
      tags: ['latest'],
      digest: 'sha256:1479fd468a126a2439e21121d1d70baf8ab1e2340c18d885de0930025a788b0b',
      mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
      size: 985,
      platforms: [AMD64, ARM_V7, ARM64],
      attestations: false,
      config: config({
        ExposedPorts: ['8080/tcp'],
        Env: [PATH, 'NODE_VERSION=12.22.1', 'YARN_VERSION=1.22.5', 'MS=1000', 'CTX_ROOT=/'],
        Entrypoint: ['/sbin/tini', '--'],
        Cmd: ['node', 'server.js'],
        WorkingDir: '/app',
        Healthcheck: { Test: ['CMD-SHELL', 'node /app/healthcheck.js || exit 1'] },
      }),
      process: { behaviour: { kind: 'runs', logs: [] } },
    },
  ],
};

/** The voting app's images are built by GitHub Actions for three platforms, `latest`, `before` and `after` alike. */
const VOTING_PLATFORMS = [AMD64, ARM64, ARM_V7] as const;
const VOTING_TAGS = ['latest', 'before', 'after'] as const;

function gunicorn(text: string, pid: number, atMs: number): LogLine {
  return err(`[{{time:gunicorn}}] [${pid}] [INFO] ${text}`, atMs);
}

const VOTE: ImageEntry = {
  repository: 'dockersamples/examplevotingapp_vote',
  path: 'dockersamples/examplevotingapp_vote',
  description: 'The voting app of the Docker example voting application',
  manifests: [
    {
      tags: VOTING_TAGS,
      digest: 'sha256:e28f6e13b3405132a61cddfb948eeb596fd11fcff9611943169bd302b23dc277',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 2440,
      platforms: VOTING_PLATFORMS,
      attestations: true,
      config: config({
        ExposedPorts: ['80/tcp'],
        Env: [
          PYTHON_PATH,
          'LANG=C.UTF-8',
          'GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
          'PYTHON_VERSION=3.11.10',
        ],
        Cmd: [
          'gunicorn',
          'app:app',
          '-b',
          '0.0.0.0:80',
          '--log-file',
          '-',
          '--access-logfile',
          '-',
          '--workers',
          '4',
          '--keep-alive',
          '0',
        ],
        WorkingDir: '/usr/local/app',
      }),
      process: {
        behaviour: {
          kind: 'runs',
          logs: [
            gunicorn('Starting gunicorn 23.0.0', 1, 300),
            gunicorn('Listening at: http://0.0.0.0:80 (1)', 1, 300),
            gunicorn('Using worker: sync', 1, 300),
            gunicorn('Booting worker with pid: 7', 7, 310),
            gunicorn('Booting worker with pid: 8', 8, 315),
            gunicorn('Booting worker with pid: 9', 9, 320),
            gunicorn('Booting worker with pid: 10', 10, 325),
          ],
          onStop: [
            gunicorn('Handling signal: term', 1, 0),
            gunicorn('Worker exiting (pid: 7)', 7, 10),
            gunicorn('Worker exiting (pid: 8)', 8, 10),
            gunicorn('Worker exiting (pid: 9)', 9, 10),
            gunicorn('Worker exiting (pid: 10)', 10, 10),
            gunicorn('Shutting down: Master', 1, 120),
          ],
        },
      },
    },
  ],
};

const RESULT: ImageEntry = {
  repository: 'dockersamples/examplevotingapp_result',
  path: 'dockersamples/examplevotingapp_result',
  description: 'The results app of the Docker example voting application',
  manifests: [
    {
      tags: VOTING_TAGS,
      digest: 'sha256:0aa4655a3b9b1792f57b2dabf0ee5a0b6201325bcae321019fc49978a5355b07',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 2358,
      platforms: VOTING_PLATFORMS,
      attestations: true,
      config: config({
        ExposedPorts: ['80/tcp'],
        Env: [PATH, 'NODE_VERSION=18.20.4', 'YARN_VERSION=1.22.19', 'PORT=80'],
        Entrypoint: ['/usr/bin/tini', '--'],
        Cmd: ['node', 'server.js'],
        WorkingDir: '/usr/local/app',
      }),
      process: {
        behaviour: {
          kind: 'runs',
          logs: [out('App running on port 80', 400), out('Connected to db', 450)],
        },
        requiresHosts: {
          hosts: ['db'],
          otherwise: {
            kind: 'runs',
            logs: [out('App running on port 80', 400), err('Waiting for db', 450)],
            repeat: { everyMs: 1000, logs: [err('Waiting for db')] },
          },
        },
      },
    },
  ],
};

const WORKER: ImageEntry = {
  repository: 'dockersamples/examplevotingapp_worker',
  path: 'dockersamples/examplevotingapp_worker',
  description: 'The worker of the Docker example voting application',
  manifests: [
    {
      tags: VOTING_TAGS,
      digest: 'sha256:2bccb6ea2233989dc565a70c9f0f6e94d4a42a2046cb6e3e745b2ec02c1fc03c',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 2407,
      platforms: VOTING_PLATFORMS,
      attestations: true,
      config: config({
        Env: [
          PATH,
          'ASPNETCORE_URLS=http://+:80',
          'DOTNET_RUNNING_IN_CONTAINER=true',
          'DOTNET_VERSION=7.0.20',
        ],
        Entrypoint: ['dotnet', 'Worker.dll'],
        WorkingDir: '/app',
      }),
      process: {
        behaviour: {
          kind: 'runs',
          logs: [
            err('Connected to db', 700),
            out('Found redis at {{ip:redis}}', 720),
            err('Connecting to redis', 720),
          ],
        },
        requiresHosts: {
          hosts: ['db'],
          otherwise: {
            kind: 'runs',
            logs: [err('Waiting for db', 700)],
            repeat: { everyMs: 1000, logs: [err('Waiting for db')] },
          },
        },
      },
    },
  ],
};

/** Every repository the simulated registry has, in the order `docker search` would not care about. */
export const CATALOGUE: readonly ImageEntry[] = [
  NGINX,
  HTTPD,
  REDIS,
  POSTGRES,
  MYSQL,
  MARIADB,
  MONGO,
  ALPINE,
  BUSYBOX,
  UBUNTU,
  DEBIAN,
  HELLO_WORLD,
  TRAEFIK,
  REGISTRY,
  NODE,
  PYTHON,
  GOLANG,
  WORDPRESS,
  PORTAINER,
  VISUALIZER,
  VOTE,
  RESULT,
  WORKER,
];
