import type { SystemVersion } from '../../../api/system';
import { goTypes } from '../../format/template';
import type { ClientVersion } from './client-version';

/**
 * The data `docker version --format` runs against: docker/cli's versionInfo, with Go's field
 * names (templates say `.Client.APIVersion`) while `json` prints the JSON names (`ApiVersion`)
 * and drops the empty `omitempty` fields, as encoding/json does.
 */
const string = goTypes.string;

function omitEmpty(
  record: Record<string, unknown>,
  keys: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const empty = value === '' || value === false || value === null || value === undefined;
    if (!(empty && keys.includes(key))) out[key] = value;
  }
  return out;
}

const clientType = goTypes.struct(
  'system.clientVersion',
  {
    Platform: goTypes.pointer(goTypes.struct('system.platformInfo', { Name: string })),
    Version: string,
    APIVersion: string,
    DefaultAPIVersion: string,
    GitCommit: string,
    GoVersion: string,
    Os: string,
    Arch: string,
    BuildTime: string,
    Context: string,
  },
  {
    marshalJSON: (value) => {
      const client = value as Record<string, unknown>;
      const { APIVersion, ...rest } = client;
      return omitEmpty({ ...rest, ApiVersion: APIVersion }, [
        'Platform',
        'DefaultAPIVersion',
        'BuildTime',
      ]);
    },
  },
);

const componentType = goTypes.struct('types.ComponentVersion', {
  Name: string,
  Version: string,
  Details: goTypes.map(string, string),
});

const serverType = goTypes.struct(
  'types.Version',
  {
    Platform: goTypes.struct('struct { Name string }', { Name: string }),
    Components: goTypes.slice(componentType),
    Version: string,
    APIVersion: string,
    MinAPIVersion: string,
    GitCommit: string,
    GoVersion: string,
    Os: string,
    Arch: string,
    KernelVersion: string,
    Experimental: goTypes.bool,
    BuildTime: string,
  },
  {
    marshalJSON: (value) => {
      const server = value as Record<string, unknown>;
      const { APIVersion, ...rest } = server;
      const ordered = { ...rest };
      const withJsonNames: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(ordered)) {
        withJsonNames[key] = field;
        if (key === 'Version') withJsonNames.ApiVersion = APIVersion;
      }
      return omitEmpty(withJsonNames, [
        'MinAPIVersion',
        'KernelVersion',
        'Experimental',
        'BuildTime',
      ]);
    },
  },
);

export const versionInfoType = goTypes.struct('system.versionInfo', {
  Client: clientType,
  Server: goTypes.pointer(serverType),
});

export function versionInfoData(client: ClientVersion, server: SystemVersion | null): unknown {
  return {
    Client: {
      Platform: { Name: client.platformName },
      Version: client.version,
      APIVersion: client.apiVersion,
      DefaultAPIVersion: client.defaultApiVersion,
      GitCommit: client.gitCommit,
      GoVersion: client.goVersion,
      Os: client.os,
      Arch: client.arch,
      BuildTime: client.buildTime,
      Context: client.context,
    },
    Server:
      server === null
        ? null
        : {
            Platform: { Name: server.Platform.Name },
            Components: server.Components,
            Version: server.Version,
            APIVersion: server.ApiVersion,
            MinAPIVersion: server.MinAPIVersion,
            GitCommit: server.GitCommit,
            GoVersion: server.GoVersion,
            Os: server.Os,
            Arch: server.Arch,
            KernelVersion: server.KernelVersion,
            Experimental: false,
            BuildTime: server.BuildTime,
          },
  };
}
