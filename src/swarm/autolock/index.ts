/** Autolock: which key wraps a manager's data key, and unlocking after a restart. */
export {
  ERR_INVALID_UNLOCK_KEY,
  ERR_NOT_LOCKED,
  followClusterKey,
  newKeyMaterial,
  startsLocked,
  unlockWith,
  type ManagerKeyMaterial,
} from './key-material';
