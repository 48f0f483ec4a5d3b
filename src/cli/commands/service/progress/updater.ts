import type { Service } from '../../../../api/service';
import type { Task } from '../../../../api/task';

/** progress.go's progressUpdater: draws one poll's state; true once the service converged. */
export interface ProgressUpdater {
  update(
    service: Service,
    tasks: readonly Task[],
    activeNodes: ReadonlySet<string>,
    rollback: boolean,
  ): boolean;
}
