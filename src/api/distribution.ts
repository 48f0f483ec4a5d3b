/**
 * moby registry.DistributionInspect (`GET /distribution/{name}/json`): the manifest descriptor of
 * an image reference and the platforms its manifest lists, keys as the Engine API sends them
 * (the OCI types' lower-case JSON names).
 */
export interface DistributionInspect {
  readonly Descriptor: {
    readonly mediaType: string;
    /** `sha256:` and 64 hex digits. */
    readonly digest: string;
    readonly size: number;
  };
  readonly Platforms: readonly { readonly architecture: string; readonly os: string }[];
}
