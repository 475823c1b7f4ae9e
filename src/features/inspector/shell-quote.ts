/**
 * One word for a POSIX shell: the text in single quotes, each `'` written as `'\''`. Inside single
 * quotes nothing is special ($, backticks, backslashes, newlines), so no value can break out.
 */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}
