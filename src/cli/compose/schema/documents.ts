/** The compose file schemas docker/cli 27.5.1 embeds (cli/compose/schema/schema.go's `go:embed`). */
import v3_0 from './data/config_schema_v3.0.json';
import v3_1 from './data/config_schema_v3.1.json';
import v3_2 from './data/config_schema_v3.2.json';
import v3_3 from './data/config_schema_v3.3.json';
import v3_4 from './data/config_schema_v3.4.json';
import v3_5 from './data/config_schema_v3.5.json';
import v3_6 from './data/config_schema_v3.6.json';
import v3_7 from './data/config_schema_v3.7.json';
import v3_8 from './data/config_schema_v3.8.json';
import v3_9 from './data/config_schema_v3.9.json';
import v3_10 from './data/config_schema_v3.10.json';
import v3_11 from './data/config_schema_v3.11.json';
import v3_12 from './data/config_schema_v3.12.json';
import v3_13 from './data/config_schema_v3.13.json';

/** Each schema by the version it validates, as a parsed JSON document. */
export const SCHEMA_DOCUMENTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['3.0', v3_0],
  ['3.1', v3_1],
  ['3.2', v3_2],
  ['3.3', v3_3],
  ['3.4', v3_4],
  ['3.5', v3_5],
  ['3.6', v3_6],
  ['3.7', v3_7],
  ['3.8', v3_8],
  ['3.9', v3_9],
  ['3.10', v3_10],
  ['3.11', v3_11],
  ['3.12', v3_12],
  ['3.13', v3_13],
]);
