/**
 * The shape of the simulated registry's catalogue: repositories, the manifests their tags name,
 * the config each image runs with, and what its default process does. Plain readonly data.
 */

/** An image index (docker-library, buildx with attestations) or a single-platform manifest. */
export type ManifestMediaType =
  | 'application/vnd.oci.image.index.v1+json'
  | 'application/vnd.docker.distribution.manifest.list.v2+json'
  | 'application/vnd.docker.distribution.manifest.v2+json'
  /** Docker Image manifest v2, schema 1: docker 27 refuses to pull it by default. */
  | 'application/vnd.docker.distribution.manifest.v1+prettyjws';

/** One entry of a manifest list or image index, as its OCI `platform` object names it. */
export interface ImagePlatform {
  readonly os: 'linux' | 'windows';
  /** GOARCH: `amd64`, `arm64`, `arm`, `386`, `ppc64le`, `s390x`, `riscv64`, `mips64le`. */
  readonly architecture: string;
  /** `v5`, `v6`, `v7` for arm, `v8` for arm64. */
  readonly variant?: string;
  /** Windows images only: the build they need, `10.0.20348.…` (ltsc2022), `10.0.17763.…` (1809). */
  readonly osVersion?: string;
}

/**
 * The image config the container is created from (`docker image inspect`'s `Config`), with
 * Docker's field names. Ports and volumes are lists here (`80/tcp`), maps in the Engine API.
 */
export interface ImageConfig {
  readonly User: string;
  readonly ExposedPorts: readonly string[];
  /** `NAME=value`, in the order the image defines them (PATH first, from its base). */
  readonly Env: readonly string[];
  readonly Entrypoint: readonly string[] | null;
  readonly Cmd: readonly string[] | null;
  readonly WorkingDir: string;
  readonly Volumes: readonly string[];
  readonly Labels: Readonly<Record<string, string>>;
  /** Set only where the image's Dockerfile has STOPSIGNAL; docker then sends SIGTERM. */
  readonly StopSignal?: string;
  /** Set only where the image's Dockerfile has HEALTHCHECK. */
  readonly Healthcheck?: { readonly Test: readonly string[] };
}

export type LogStream = 'stdout' | 'stderr';

/**
 * One line a process writes. The text may hold placeholders that only the running container
 * knows, filled by `renderLogs`:
 *
 * - `{{hostname}}`: the container's hostname; `{{ip}}`: its address on its first network;
 *   `{{ip:NAME}}`: the address NAME resolves to; `{{kernel}}`: the host's kernel release;
 *   `{{uuid}}`: a UUID drawn once for the container; `{{pid}}`: see `perCpu`.
 * - `{{time:FORMAT}}`: the instant the line is written, as the program formats it. The formats
 *   are the keys of `TIME_FORMATS` in process.ts.
 * - `{{seq}}`: which writing of a repeat line this is (1, 2, …; 0 for the lines written once);
 *   `{{rtt:BASE}}`: a ping round trip of about BASE ms for that writing, `{{rtt:BASE:SEQ}}` for
 *   the SEQ-th, and `{{rtt-stats:BASE:COUNT}}` ping's min/avg/max over the first COUNT.
 */
export interface LogLine {
  readonly stream: LogStream;
  readonly text: string;
  /** When it is written, in milliseconds after the process starts (after the stop signal for a stop line). */
  readonly atMs: number;
  /** Written once per CPU of the host, `{{pid}}` counting up from `firstPid` (nginx's workers). */
  readonly perCpu?: { readonly firstPid: number };
}

/** What a process does once started. */
export type ProcessBehaviour =
  | {
      readonly kind: 'runs';
      /** Written at start; the process then runs until it is stopped. */
      readonly logs: readonly LogLine[];
      /** Lines written again and again while it runs (a client retrying its server). */
      readonly repeat?: { readonly everyMs: number; readonly logs: readonly LogLine[] };
      /** Written when the stop signal arrives, before it exits. */
      readonly onStop?: readonly LogLine[];
      /** True where the logs keep the familiar lines of a long real output, not all of it. */
      readonly abridged?: boolean;
    }
  | {
      readonly kind: 'exits';
      readonly logs: readonly LogLine[];
      /** After this many milliseconds it exits with `exitCode`. */
      readonly afterMs: number;
      readonly exitCode: number;
    };

/** An environment variable that counts as set: non-empty, and equal to `equals` when given. */
export interface EnvCondition {
  readonly name: string;
  readonly equals?: string;
}

/** What the image's default command (its Entrypoint and Cmd, unchanged) does when run by the agent. */
export interface ImageProcess {
  /** Its behaviour with its configuration given and the hosts it needs reachable. */
  readonly behaviour: ProcessBehaviour;
  /** An entrypoint that refuses to start unless one of these variables is set, and what it does then. */
  readonly requiresEnv?: {
    readonly anyOf: readonly EnvCondition[];
    readonly otherwise: ProcessBehaviour;
  };
  /** A program that waits for other services by name, and what it does while one does not resolve. */
  readonly requiresHosts?: {
    readonly hosts: readonly string[];
    readonly otherwise: ProcessBehaviour;
  };
}

/** One manifest (an image index for most images) and every tag that names it. */
export interface ImageManifest {
  /** Tags that point at this manifest: `1.27.3`, `1.27`, `1`, `mainline`, `latest`. */
  readonly tags: readonly string[];
  /** The manifest's digest, `sha256:` and 64 lower-case hex digits (made up for the lab, fixed). */
  readonly digest: string;
  readonly mediaType: ManifestMediaType;
  /** The manifest's size in bytes, as the registry's `Content-Length` gives it. */
  readonly size: number;
  /** The platforms the index lists, in its order (attestation entries not included). */
  readonly platforms: readonly ImagePlatform[];
  /**
   * True when buildkit's attestation manifests follow each Linux image in the index: the
   * daemon then lists an `unknown`/`unknown` platform after each of them.
   */
  readonly attestations: boolean;
  readonly config: ImageConfig;
  readonly process: ImageProcess;
}

/** One repository of the simulated Docker Hub. */
export interface ImageEntry {
  /** As docker prints it: `nginx` for an official image, `portainer/portainer-ce` otherwise. */
  readonly repository: string;
  /** Its path on Docker Hub: `library/nginx`, `portainer/portainer-ce`. */
  readonly path: string;
  readonly description: string;
  readonly manifests: readonly ImageManifest[];
}
