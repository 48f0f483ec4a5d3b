/** Autolock: the keys that seal a manager's Raft data, and unlocking after a restart. */
export {
  ERR_INVALID_UNLOCK_KEY,
  ERR_NOT_LOCKED,
  followClusterKey,
  newDiskKey,
  unlockKek,
} from './key-material';
