/**
 * Resolves in a later task (a macrotask), once every microtask queued before it has run.
 *
 * The in-process simulation answers through this, as the coordinator's Web Worker answers
 * through a message: a docker command that runs beside an advance then takes its next step
 * between two advances, however many microtask turns an advance took inside. A MessageChannel
 * rather than a timer: browsers clamp nested timers to 4 ms, and Node's shortest is 1 ms.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The part of MessageChannel used here; every runtime the simulation runs in has it. */
declare const MessageChannel: new () => {
  readonly port1: { onmessage: (() => void) | null; close(): void };
  readonly port2: { postMessage(message: null): void };
};
