import { OcciRenderError } from '../errors.ts';
import type { AttributeValue } from '../model.ts';
import { plainNumber } from './plain-number.ts';
import { quoted } from './render-checks.ts';

/**
 * One attribute value as text, or undefined for null (the attribute is left out: text has no
 * null). Strings are quoted, numbers bare in plain decimal, booleans bare. Arrays and objects
 * become a quoted JSON string, as rOCCI renders them: text cannot carry them (their literals were
 * dropped from the 1.2 draft), so they come back as strings.
 */
export function renderAttributeValue(name: string, value: AttributeValue, ascii: boolean): string | undefined {
  switch (typeof value) {
    case 'string':
      return quoted(name, value, ascii);
    case 'number':
      if (!Number.isFinite(value))
        throw new OcciRenderError(name, `${value} is not a number a text rendering can carry`);
      return plainNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return value === null ? undefined : quoted(name, JSON.stringify(value), ascii);
  }
}
