import type { Task } from '../../api/task';
import {
  allTasks,
  createAction,
  getService,
  serviceObject,
  removeAction,
  taskObject,
  updateAction,
  type StoreAction,
  type ServiceRecord,
  type StoreState,
  type TaskRecord,
} from '../store';

/**
 * The task changes one pass of a leader component makes (swarmkit `store.Batch`): creates,
 * updates and deletes, each task changed at most once, read back as the pass goes on so that a
 * later step sees what an earlier one decided.
 */
export class TaskBatch {
  readonly #store: StoreState;
  readonly #created = new Map<string, TaskRecord>();
  readonly #updated = new Map<string, TaskRecord>();
  readonly #deleted = new Set<string>();
  readonly #services = new Map<string, ServiceRecord>();
  /** `tasks()` as last computed; dropped by every change to a task. */
  #view: TaskRecord[] | null = null;

  constructor(store: StoreState) {
    this.#store = store;
  }

  get store(): StoreState {
    return this.#store;
  }

  /** Every task as this batch leaves it, sorted by ID. */
  tasks(): readonly TaskRecord[] {
    this.#view ??= this.#computeTasks();
    return this.#view;
  }

  #computeTasks(): TaskRecord[] {
    const stored = allTasks(this.#store)
      .filter((record) => !this.#deleted.has(record.task.ID))
      .map((record) => this.#updated.get(record.task.ID) ?? record);
    return [...stored, ...this.#created.values()].sort((a, b) =>
      a.task.ID < b.task.ID ? -1 : a.task.ID > b.task.ID ? 1 : 0,
    );
  }

  tasksOfService(serviceId: string): TaskRecord[] {
    return this.tasks().filter((record) => record.task.ServiceID === serviceId);
  }

  create(record: TaskRecord): void {
    this.#view = null;
    this.#created.set(record.task.ID, record);
  }

  /**
   * Replaces a task with a changed copy (`change` gets the current one). A change that hands
   * back the task it got is no change: writing it anyway would bump the task's version, and a
   * pass that keeps deciding the same thing would then rewrite the task at every pass, forever.
   */
  update(record: TaskRecord, change: (task: Task) => Task): void {
    const id = record.task.ID;
    const created = this.#created.get(id);
    if (created !== undefined) {
      const task = change(created.task);
      if (task === created.task) return;
      this.#view = null;
      this.#created.set(id, { ...created, task });
      return;
    }
    const current = this.#updated.get(id) ?? record;
    const task = change(current.task);
    if (task === current.task) return;
    this.#view = null;
    this.#updated.set(id, { ...current, task });
  }

  delete(record: TaskRecord): void {
    this.#view = null;
    const id = record.task.ID;
    if (this.#created.delete(id)) return;
    this.#updated.delete(id);
    this.#deleted.add(id);
  }

  /** The service as this batch leaves it (the updater writes its update status). */
  service(id: string): ServiceRecord | undefined {
    return this.#services.get(id) ?? getService(this.#store, id);
  }

  updateService(record: ServiceRecord): void {
    this.#services.set(record.service.ID, record);
  }

  get empty(): boolean {
    return (
      this.#created.size === 0 &&
      this.#updated.size === 0 &&
      this.#deleted.size === 0 &&
      this.#services.size === 0
    );
  }

  /** The store actions, in a fixed order: creates, updates, deletes, each by task ID. */
  actions(): StoreAction[] {
    const byId = (a: TaskRecord, b: TaskRecord): number =>
      a.task.ID < b.task.ID ? -1 : a.task.ID > b.task.ID ? 1 : 0;
    return [
      ...[...this.#services.values()]
        .sort((a, b) => (a.service.ID < b.service.ID ? -1 : 1))
        .map((record) => updateAction(serviceObject(record))),
      ...[...this.#created.values()].sort(byId).map((record) => createAction(taskObject(record))),
      ...[...this.#updated.values()].sort(byId).map((record) => updateAction(taskObject(record))),
      ...[...this.#deleted].sort().map((id) => removeAction('task', id)),
    ];
  }
}
