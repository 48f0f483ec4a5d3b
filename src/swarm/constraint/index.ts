/** Placement constraints: parsing and matching them against nodes. */
export { nodeMatches, parseConstraints, type Constraint } from './constraint';
