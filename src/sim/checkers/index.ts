export { AvailabilityChecker, type LeaderReach } from './availability';
export { RaftInvariants, type History, type RaftInvariantsOptions } from './raft-invariants';
export { ElectionSafetyChecker } from './election-safety';
export { LeaderAppendOnlyChecker } from './leader-append-only';
export { LeaderCompletenessChecker } from './leader-completeness';
export { LivenessChecker } from './liveness';
export { LogMatchingChecker } from './log-matching';
export { StateMachineSafetyChecker } from './state-machine-safety';
export type { Invariant, Violation, ViolationSink } from './violation';
