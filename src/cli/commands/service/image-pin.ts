import type { Platform, ServiceSpec } from '../../../api/service';
import type { DockerCli } from '../../command/cli';
import { imageWithDigest, imageWithTag } from '../../format/image-reference';
import { canonicalServiceSpec } from './spec/canonical';

/**
 * What the moby client library does to a spec before `POST /services/create` and `…/update`
 * (client/service_create.go): the image gets `:latest` when it has neither tag nor digest, and,
 * when the registry is to be queried, is pinned to `image:tag@sha256:…` with the image's
 * platforms put under Placement. A registry that cannot be reached leaves a warning instead.
 */

export interface PinnedSpec {
  readonly spec: ServiceSpec;
  /** The registry warning the CLI prints to stderr after the daemon's own warnings. */
  readonly warning: string | null;
}

/** digestWarning: its own text ends in a newline, so the CLI's Println leaves a blank line. */
function digestWarning(image: string): string {
  return (
    `image ${image} could not be accessed on a registry to record\n` +
    `its digest. Each node will access ${image} independently,\n` +
    'possibly leading to different nodes running different\n' +
    'versions of the image.\n'
  );
}

/** The spec with its image (and platforms) set, fields back in Go's order. */
function withImage(spec: ServiceSpec, image: string, platforms: readonly Platform[]): ServiceSpec {
  const template = spec.TaskTemplate;
  const placement =
    platforms.length === 0
      ? template.Placement
      : { ...(template.Placement ?? {}), Platforms: platforms };
  return canonicalServiceSpec({
    ...spec,
    TaskTemplate: {
      ...template,
      ContainerSpec: {
        ...(template.ContainerSpec ?? {}),
        ...(image === '' ? {} : { Image: image }),
      },
      ...(placement === undefined ? {} : { Placement: placement }),
    },
  });
}

export async function pinImage(
  cli: DockerCli,
  spec: ServiceSpec,
  queryRegistry: boolean,
): Promise<PinnedSpec> {
  const typed = spec.TaskTemplate.ContainerSpec?.Image ?? '';
  const tagged = imageWithTag(typed);
  const image = tagged === '' ? typed : tagged;
  if (!queryRegistry) return { spec: withImage(spec, image, []), warning: null };
  try {
    const answer = await cli.engine.distributionInspect({ image }, cli.cancel);
    // Manifests say `arm` where nodes say `armv7l`; docker drops the architecture for arm.
    const platforms = answer.Platforms.map((platform) => ({
      ...(platform.architecture.toLowerCase() === 'arm' || platform.architecture === ''
        ? {}
        : { Architecture: platform.architecture }),
      ...(platform.os === '' ? {} : { OS: platform.os }),
    }));
    return {
      spec: withImage(spec, imageWithDigest(image, answer.Descriptor.digest), platforms),
      warning: null,
    };
  } catch {
    return { spec: withImage(spec, image, []), warning: digestWarning(image) };
  }
}
