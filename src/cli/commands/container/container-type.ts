import { goTypes, type GoType } from '../../format/template/index';

/**
 * types.ContainerJSON as a template sees it: its fields are the daemon's keys, and the nested
 * objects read as Go reads JSON decoded into a map (docker's inspector falls back to the raw
 * JSON when a template fails on the struct). Its times are strings in Go too.
 */
export const CONTAINER_JSON_TYPE: GoType = goTypes.struct('types.ContainerJSON', undefined, {
  jsonKeys: { ID: 'Id' },
});
