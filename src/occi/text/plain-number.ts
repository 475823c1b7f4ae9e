/**
 * A finite number in plain decimal notation, never with an exponent: the text grammar's number is
 * `*DIGIT ["." *DIGIT]`, and `1e21` would come back from most servers as an enum string. The
 * digits are JavaScript's shortest round-trip digits, so parsing the result gives the same number.
 * Callers refuse NaN and the infinities before calling.
 */
export function plainNumber(value: number): string {
  if (value === 0) return '0'; // also -0
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const negative = text.charCodeAt(0) === 0x2d;
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  // Where the decimal point falls within `digits` once the exponent is applied.
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  let plain: string;
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${plain}` : plain;
}
