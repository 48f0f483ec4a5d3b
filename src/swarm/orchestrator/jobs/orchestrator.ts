import { serviceModeKind, type Service } from '../../../api/service';
import { taskStateRank } from '../../../api/task';
import type { ControlContext } from '../../controlapi/context';
import { allServices } from '../../store';
import type { DelayedStart } from '../restart/supervisor';
import type { TaskBatch } from '../task-batch';
import { reconcileGlobalJob } from './global/reconciler';
import { reconcileReplicatedJob } from './replicated/reconciler';

/** The store index at which the leader last reconciled a job. */
export interface JobMark {
  readonly serviceId: string;
  readonly reconciledAt: number;
}

/**
 * swarmkit orchestrator/jobs/orchestrator.go: one orchestrator for both kinds of job, driven by
 * events rather than by the state of the nodes. A job is reconciled when this leader has not
 * reconciled it yet (its start reconciles them all), when its service changed, or when one of
 * its tasks stopped while still meant to complete. A node that joins, comes back or gains a
 * label therefore gets no global job task until one of those happens, as in swarmkit.
 * Returns the marks to keep: one per job service.
 */
export function orchestrateJobs(
  batch: TaskBatch,
  context: ControlContext,
  marks: readonly JobMark[],
  delays: DelayedStart[],
): JobMark[] {
  const kept: JobMark[] = [];
  for (const { service } of allServices(batch.store)) {
    const kind = serviceModeKind(service.Spec.Mode);
    if (kind !== 'replicated-job' && kind !== 'global-job') continue;
    const mark = marks.find((candidate) => candidate.serviceId === service.ID);
    if (mark !== undefined && !changedSince(batch, service, mark.reconciledAt)) {
      kept.push(mark);
      continue;
    }
    if (kind === 'replicated-job') reconcileReplicatedJob(batch, context, service, delays);
    else reconcileGlobalJob(batch, context, service, delays);
    kept.push({ serviceId: service.ID, reconciledAt: batch.store.appliedIndex });
  }
  return kept;
}

/** An event the jobs orchestrator reacts to, written after `index`. */
function changedSince(batch: TaskBatch, service: Service, index: number): boolean {
  if (service.Version.Index > index) return true;
  return batch
    .tasksOfService(service.ID)
    .some(
      ({ task }) =>
        task.Version.Index > index &&
        taskStateRank(task.Status.State ?? 'new') > taskStateRank('running') &&
        taskStateRank(task.DesiredState ?? 'new') <= taskStateRank('complete'),
    );
}
