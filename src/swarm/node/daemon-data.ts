import type { SwarmDisk } from './disk';
import type { SwarmDaemonVolatile } from './volatile';

/** The swarm daemon's plain data, as its machine stores and carries it (machine-api `DaemonData`). */
export interface SwarmDaemonData {
  readonly disk: SwarmDisk;
  readonly volatile: SwarmDaemonVolatile;
}
