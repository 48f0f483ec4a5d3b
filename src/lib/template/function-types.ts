/**
 * The shape of a template function. Go's executor checks argument counts and types against
 * the function's signature before calling it; these descriptors carry that signature.
 */
import type { GoType } from './types';
import type { Value } from './values';

/**
 * A parameter's Go type. `reflect.Value` parameters (the built-ins `and`, `eq`, `index`…)
 * accept anything, including an invalid value, without conversion.
 */
export type ParameterType = GoType | 'reflect.Value';

export interface TemplateFunction {
  readonly parameters: readonly ParameterType[];
  /** Element type of a final `...` parameter; absent for a fixed-arity function. */
  readonly variadic?: ParameterType;
  /** Go's `and` and `or` evaluate their arguments lazily and stop at the deciding one. */
  readonly shortCircuit?: 'and' | 'or';
  /** Throws FunctionCallError for an error the Go function would return. */
  readonly call: (args: readonly Value[]) => Value;
}

export type FunctionMap = Readonly<Record<string, TemplateFunction>>;

/** An error a template function returns; execution reports `error calling NAME: MESSAGE`. */
export class FunctionCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FunctionCallError';
  }
}
