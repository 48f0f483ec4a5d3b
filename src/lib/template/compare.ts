/**
 * The comparison built-ins `eq ne lt le gt ge` (text/template/funcs.go): basic kinds only,
 * signed and unsigned integers comparable with each other, and Go's error texts.
 */
import { FunctionCallError } from './function-types';
import { formatTopLevel } from './print';
import { typeName } from './types';
import { indirectInterface, isNilValue, numberOf, type GoValue, type Value } from './values';

type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'string';

const BAD_COMPARISON_TYPE = 'invalid type for comparison';
const BAD_COMPARISON = 'incompatible types for comparison';
const NO_COMPARISON = 'missing argument for comparison';

function basicKind(value: Value): BasicKind | undefined {
  const kind = value?.type.kind;
  return kind === 'bool' ||
    kind === 'int' ||
    kind === 'uint' ||
    kind === 'float' ||
    kind === 'string'
    ? kind
    : undefined;
}

function scalar(value: GoValue): unknown {
  return typeof value.value === 'bigint' ? Number(value.value) : value.value;
}

/** int against uint: equal only when the signed one is not negative. */
function mixedIntegerEqual(left: GoValue, right: GoValue): boolean {
  return numberOf(left) >= 0 && numberOf(right) >= 0 && numberOf(left) === numberOf(right);
}

function isComparableComposite(value: GoValue): boolean {
  const kind = value.type.kind;
  return kind !== 'slice' && kind !== 'map' && kind !== 'func';
}

function equalOther(left: Value, right: Value): boolean {
  if (left === undefined || right === undefined) {
    const other = left ?? right;
    return other === undefined || isNilValue(other);
  }
  if (isNilValue(left) || isNilValue(right)) return isNilValue(left) && isNilValue(right);
  if (!isComparableComposite(left) || !isComparableComposite(right)) {
    const culprit = isComparableComposite(left) ? right : left;
    throw new FunctionCallError(
      `non-comparable type ${formatTopLevel(culprit)}: ${typeName(culprit.type)}`,
    );
  }
  return typeName(left.type) === typeName(right.type) && left.value === right.value;
}

function equalPair(left: Value, right: Value): boolean {
  const leftKind = basicKind(left);
  const rightKind = basicKind(right);
  if (leftKind !== rightKind) {
    const integers = new Set([leftKind, rightKind]);
    if (integers.has('int') && integers.has('uint') && left !== undefined && right !== undefined) {
      return mixedIntegerEqual(left, right);
    }
    if (left !== undefined && right !== undefined) throw new FunctionCallError(BAD_COMPARISON);
    return false;
  }
  if (leftKind === undefined || left === undefined || right === undefined)
    return equalOther(left, right);
  return scalar(left) === scalar(right);
}

/** eq: whether the first argument equals any of the others. */
export function equal(args: readonly Value[]): boolean {
  const [first, ...others] = args.map(indirectInterface);
  if (others.length === 0) throw new FunctionCallError(NO_COMPARISON);
  return others.some((other) => equalPair(first, other));
}

export function lessThan(leftArgument: Value, rightArgument: Value): boolean {
  const left = indirectInterface(leftArgument);
  const right = indirectInterface(rightArgument);
  const leftKind = basicKind(left);
  const rightKind = basicKind(right);
  if (
    left === undefined ||
    right === undefined ||
    leftKind === undefined ||
    rightKind === undefined
  ) {
    throw new FunctionCallError(BAD_COMPARISON_TYPE);
  }
  if (leftKind !== rightKind) {
    const integers = new Set([leftKind, rightKind]);
    if (!(integers.has('int') && integers.has('uint'))) throw new FunctionCallError(BAD_COMPARISON);
    return numberOf(left) < numberOf(right);
  }
  if (leftKind === 'bool') throw new FunctionCallError(BAD_COMPARISON_TYPE);
  const a = scalar(left);
  const b = scalar(right);
  if (typeof a === 'string' && typeof b === 'string') return a < b;
  return numberOf(left) < numberOf(right);
}
