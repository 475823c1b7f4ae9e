/** The four OCCI text structures, plus the HTTP `Location` header some servers list collections in. */
export const Field = {
  category: 0,
  link: 1,
  attribute: 2,
  location: 3,
  /** `Location`: rOCCI-server 1 and 2 list a collection in text/occi as `Location: u1,u2`. */
  httpLocation: 4,
} as const;

export type Field = (typeof Field)[keyof typeof Field];

/** Whether text[start, end) equals `lower` ignoring ASCII case (`lower` is lower case). */
export function equalsIgnoreCase(text: string, start: number, end: number, lower: string): boolean {
  if (end - start !== lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    let ch = text.charCodeAt(start + i);
    if (ch >= 0x41 && ch <= 0x5a) ch += 0x20;
    if (ch !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Like `equalsIgnoreCase`, trying the usual spelling first with the native `startsWith` (servers
 * write `Category`, parameters `scheme`); only other capitalisations take the slow path.
 */
export function nameIs(text: string, start: number, end: number, lower: string, usual: string = lower): boolean {
  return end - start === lower.length && (text.startsWith(usual, start) || equalsIgnoreCase(text, start, end, lower));
}

/**
 * The structure a header name stands for, in any capitalisation (pOCCI tests `CaTeGoRy:`), or -1
 * for a header the renderings do not use. rOCCI-server 2 writes `X-OCCI-Category` and
 * `X-OCCI-Link`; its parser, like this one, takes both spellings.
 */
export function fieldOf(text: string, start: number, end: number): Field | -1 {
  switch (end - start) {
    case 4:
      return nameIs(text, start, end, 'link', 'Link') ? Field.link : -1;
    case 8:
      if (nameIs(text, start, end, 'category', 'Category')) return Field.category;
      return nameIs(text, start, end, 'location', 'Location') ? Field.httpLocation : -1;
    case 11:
      return nameIs(text, start, end, 'x-occi-link', 'X-OCCI-Link') ? Field.link : -1;
    case 15:
      if (nameIs(text, start, end, 'x-occi-category', 'X-OCCI-Category')) return Field.category;
      return nameIs(text, start, end, 'x-occi-location', 'X-OCCI-Location') ? Field.location : -1;
    case 16:
      return nameIs(text, start, end, 'x-occi-attribute', 'X-OCCI-Attribute') ? Field.attribute : -1;
    default:
      return -1;
  }
}
