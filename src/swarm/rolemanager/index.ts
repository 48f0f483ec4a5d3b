/** The role manager: desired roles become real roles and Raft membership. */
export {
  reconcileRoles,
  ROLE_RECONCILE_INTERVAL_MS,
  ROLE_REMOVAL_TIMEOUT_MS,
  type RoleManagerInput,
  type RoleManagerResult,
  type RoleManagerStep,
} from './reconcile';
