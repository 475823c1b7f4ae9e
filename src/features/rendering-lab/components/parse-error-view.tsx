import type { Analysis } from '../analyse-message.ts';

/** The parser's complaint, with the line it stopped on and a caret under the column. */
export function ParseErrorView({ text, analysis }: { text: string; analysis: Extract<Analysis, { ok: false }> }) {
  const { line, column } = analysis;
  const source = line === undefined ? undefined : text.split(/\r\n|\n|\r/)[line - 1];
  return (
    <div className="status error" role="alert">
      <p>
        <strong>Malformed message.</strong> {analysis.reason}
      </p>
      {source !== undefined && column !== undefined && (
        <figure>
          <figcaption>Line {line}</figcaption>
          {/* Focusable: a long line scrolls sideways, and the keyboard must be able to scroll it. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling block must take focus to be scrolled without a mouse */}
          <pre className="code" tabIndex={0}>
            {source}
            {'\n'}
            {`${' '.repeat(Math.max(0, column - 1))}^`}
          </pre>
        </figure>
      )}
    </div>
  );
}
