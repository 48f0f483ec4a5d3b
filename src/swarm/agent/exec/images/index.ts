/**
 * The simulated registry's image catalogue: docker's reference grammar, the images the
 * tutorials and labs use (tags, digests, platforms, config, what their process does), and the
 * registry's answers about them.
 */
export type {
  EnvCondition,
  ImageConfig,
  ImageEntry,
  ImageManifest,
  ImagePlatform,
  ImageProcess,
  LogLine,
  LogStream,
  ManifestMediaType,
  ProcessBehaviour,
} from './types';
export { CATALOGUE } from './catalogue';
export {
  DEFAULT_DOMAIN,
  REFERENCE_ERRORS,
  familiarName,
  familiarString,
  imageWithDigestString,
  imageWithTagString,
  parseAnyReference,
  parseDockerRef,
  parseNormalizedNamed,
  parseReference,
  referenceName,
  referenceString,
  tagNameOnly,
  trimNamed,
  validateDigest,
  withDigest,
  withTag,
  type DigestReference,
  type NamedReference,
  type ReferenceResult,
} from './reference';
export {
  MANIFEST_UNKNOWN_MESSAGE,
  UNKNOWN_REPOSITORY_MESSAGE,
  deprecatedSchema1Message,
  distributionInspect,
  findImage,
  findRepository,
  inspectPlatforms,
  manifestForDigest,
  manifestForTag,
  pinImage,
  resolveImage,
  tagsOf,
  unreachableRegistryMessage,
  type FoundImage,
  type LookupFailure,
  type LookupResult,
} from './lookup';
export {
  PLACEHOLDERS,
  TIME_FORMATS,
  chooseBehaviour,
  renderLogs,
  type ContainerFacts,
  type RenderContext,
  type RenderedLine,
} from './process';
