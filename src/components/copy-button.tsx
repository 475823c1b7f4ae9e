import { useEffect, useId, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'manual';

/**
 * Copies a text to the clipboard and says so. Where the clipboard is unavailable (no permission, an
 * insecure origin, an old browser) it shows the text selected in a read-only field to copy by hand.
 */
export function CopyButton({ text, label, className }: { text: string; label: string; className?: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  useEffect(() => {
    if (state !== 'manual') return;
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, [state]);

  // A new text (another exchange) starts over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the text is the trigger, not a value read
  useEffect(() => setState('idle'), [text]);

  const copy = async () => {
    try {
      if (navigator.clipboard?.writeText === undefined) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return (
    <span className={className === undefined ? 'copy' : `copy ${className}`}>
      <button type="button" onClick={copy}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {state === 'copied' ? 'Copied' : ''}
      </span>
      {state === 'manual' && (
        <span className="copy-manual">
          <label htmlFor={fieldId}>The clipboard is not available here: copy the selected text (Ctrl+C or ⌘C).</label>
          <textarea
            id={fieldId}
            ref={fieldRef}
            className="code"
            readOnly
            value={text}
            rows={Math.min(12, text.split('\n').length + 1)}
          />
        </span>
      )}
    </span>
  );
}
