import type { AttributeValue } from '../model.ts';
import { EQUALS, isTchar } from './char-class.ts';
import type { Cursor } from './cursor.ts';
import { readAttributeValue } from './read-attribute-value.ts';

/**
 * Reads one `name=value` of an X-OCCI-Attribute at the cursor into `into` (a repeated name keeps
 * the last value). Names outside `occi.` (`org.opennebula.*`, `com.amazon.*`) are kept as they are.
 */
export function parseAttribute(cursor: Cursor, into: Map<string, AttributeValue>): void {
  const text = cursor.text;
  const start = cursor.pos;
  let pos = start;
  while (pos < cursor.end && isTchar(text.charCodeAt(pos))) pos++;
  if (pos === start) throw cursor.error('an attribute name');
  const name = text.slice(start, pos);
  cursor.pos = pos;
  cursor.skipOws();
  if (cursor.peek() !== EQUALS) throw cursor.error("'=' after attribute name");
  cursor.pos++;
  cursor.skipOws();
  into.set(name, readAttributeValue(cursor));
}
