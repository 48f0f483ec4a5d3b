/**
 * `GET /version` and `GET /info` as the Engine API 1.47 returns them (Docker 27.5.1).
 * Field names and order follow moby's `api/types/system` and `api/types` structs.
 */
export interface SystemVersion {
  readonly Version: string;
  readonly ApiVersion: string;
  readonly MinAPIVersion: string;
  readonly GitCommit: string;
  readonly GoVersion: string;
  readonly Os: string;
  readonly Arch: string;
  readonly KernelVersion: string;
  readonly BuildTime: string;
}

export interface SystemInfo {
  readonly Name: string;
  readonly ServerVersion: string;
}
