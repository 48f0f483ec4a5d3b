import { STOP_MS } from '../agent';
import type { LogHost } from '../agent/exec/container-log';
import { nodeDescription, type Control } from '../runtime/control';
import { nodeFacts } from './node-facts';
import { kernelVersion, LAB_KERNEL_ABI } from './system-info';

/** What a container's log needs of the node it runs on, now. */
export function logHost(control: Control): LogHost {
  return {
    epochMs: control.epochMs,
    nowMs: control.nowMs,
    kernel: kernelVersion({ kernelAbi: LAB_KERNEL_ABI }),
    cpus: (nodeDescription(control).Resources?.NanoCPUs ?? 2_000_000_000) / 1_000_000_000,
    stopGraceMs: STOP_MS,
    node: nodeFacts(control),
  };
}
