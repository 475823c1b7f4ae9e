/**
 * A modal confirmation that names what will happen. For what cannot be undone on many things,
 * `typeToConfirm` asks the user to type a word first, so a stray Enter does not delete a tenant.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** The word to type before the confirm button works. */
  readonly typeToConfirm?: string | undefined;
  readonly danger?: boolean;
  readonly busy?: boolean;
  /** Nothing to confirm yet (no choice made). */
  readonly disabled?: boolean;
}

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  typeToConfirm,
  danger = false,
  busy = false,
  disabled = false,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const typedId = useId();
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null || dialog.open) return;
    // A browser without modal dialogs (and jsdom) still shows it, open in place.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);
  const ready = typeToConfirm === undefined || typed.trim() === typeToConfirm;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        method="dialog"
        // The forms inside check their own fields and say what is wrong in place.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (ready && !busy && !disabled) onConfirm();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <div className="dialog-body">{children}</div>
        {typeToConfirm === undefined ? null : (
          <div className="field">
            <label htmlFor={typedId}>
              Type <code>{typeToConfirm}</code> to confirm
            </label>
            <input id={typedId} autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />
          </div>
        )}
        <div className="dialog-buttons">
          <button className="button secondary" type="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            className={`button ${danger ? 'danger' : 'primary'}`}
            type="submit"
            disabled={!ready || busy || disabled}
          >
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
