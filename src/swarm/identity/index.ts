/** Identifiers and secrets with swarmkit's formats (reference docker-cli.md §3). */
export { ID_LENGTH, isObjectId, newObjectId } from './object-id';
export {
  checkJoinToken,
  generateJoinToken,
  INVALID_JOIN_TOKEN,
  parseJoinToken,
  type ParsedJoinToken,
} from './join-token';
export {
  decodeRawBase64,
  encodeRawBase64,
  generateUnlockKey,
  generateUnlockKeyBytes,
  humanReadableKey,
  INVALID_KEY_STRING,
  parseHumanReadableKey,
} from './unlock-key';
export { randomBytes } from './random-bytes';
export { newRaftId, newRootDigestHex } from './raft-id';
