import { OcciRenderError } from '../errors.ts';
import type { AttributeValue } from '../model.ts';

/**
 * `value`, after checking that JSON can carry it: `JSON.stringify` would silently write NaN and
 * Infinity as null, and drop undefined. `field` names the attribute for the error.
 */
export function renderableValue(value: AttributeValue, field: string): AttributeValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new OcciRenderError(field, `${value} is not a JSON number`);
      return value;
    case 'object':
      if (value === null) return value;
      if (Array.isArray(value)) {
        for (const item of value as readonly AttributeValue[]) renderableValue(item, field);
      } else {
        const record = value as { readonly [key: string]: AttributeValue };
        for (const key of Object.keys(record)) renderableValue(record[key] as AttributeValue, field);
      }
      return value;
    default:
      throw new OcciRenderError(field, `${typeof value} is not a JSON value`);
  }
}

/** The final `JSON.stringify`, turning its RangeError (a value nested too deep) into a render error. */
export function stringifyJson(build: () => unknown): string {
  try {
    return JSON.stringify(build());
  } catch (error) {
    if (error instanceof RangeError)
      throw new OcciRenderError('attributes', `too deeply nested for JSON (${error.message})`);
    throw error;
  }
}

/**
 * `record[name] = value`, except that `__proto__` becomes an ordinary member instead of
 * replacing the prototype. A plain object (not `Object.create(null)`, which V8 keeps in slow
 * dictionary mode) lets `JSON.stringify` take its fast path.
 */
export function setMember(record: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__')
    Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  else record[name] = value;
}
