export { FlagError, FlagSet, HelpRequested, type Flag, type ParseResult } from './flag-set';
export { flagUsagesWrapped } from './usage';
export { InvalidValueError, type FlagValue } from './value';
export * from './scalar-values';
export * from './docker-values';
export { formatGoDuration, parseGoDuration } from './go-duration';
