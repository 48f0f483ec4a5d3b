import type {
  Mount,
  ResolutionMode,
  RestartCondition,
  UpdateFailureAction,
  UpdateOrder,
} from '../../../api/service';

/**
 * Texts the daemon validates, sent as the user typed them. docker's CLI checks none of the
 * restart condition, update failure action and order, endpoint mode or mount type; moby's
 * daemon answers `invalid RestartCondition: "x"` and the like. The API types list only the
 * values the daemon accepts, so each text is passed through under that type here, in one
 * place, rather than refused by the CLI with a text docker does not print.
 */
export function restartCondition(text: string): RestartCondition {
  return text as RestartCondition;
}

export function failureAction(text: string): UpdateFailureAction {
  return text as UpdateFailureAction;
}

export function updateOrder(text: string): UpdateOrder {
  return text as UpdateOrder;
}

export function resolutionMode(text: string): ResolutionMode {
  return text as ResolutionMode;
}

export function mountType(text: string): NonNullable<Mount['Type']> {
  return text as NonNullable<Mount['Type']>;
}
