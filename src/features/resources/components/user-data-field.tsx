/**
 * The user data of a new VM: written as text (a cloud-init script) and sent base64-encoded, or
 * pasted already encoded. Shows the size against what clouds accept.
 */
import { useId } from 'react';
import { formatBytes } from '../../../components/format-bytes.ts';
import type { ResolvedAttribute } from '../../../occi/index.ts';
import { encodeUserData, USER_DATA_LIMIT, userDataSize } from '../user-data.ts';

export interface UserDataValue {
  readonly text: string;
  readonly encoded: boolean;
}

export function userDataAttributeText(value: UserDataValue): string {
  if (value.text === '') return '';
  return value.encoded ? value.text.trim() : encodeUserData(value.text);
}

/** Text already base64: what it decodes to (padding and line breaks count for nothing) and what is sent. */
function encodedSize(text: string): { bytes: number; encoded: number } {
  const sent = text.trim();
  const digits = sent.replace(/[\s=]/g, '').length;
  return { bytes: Math.floor((digits * 3) / 4), encoded: sent.length };
}

export function UserDataField({
  attribute,
  value,
  onChange,
  error,
}: {
  attribute: ResolvedAttribute;
  value: UserDataValue;
  onChange: (value: UserDataValue) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const size = value.encoded ? encodedSize(value.text) : userDataSize(value.text);
  const required = attribute.required && attribute.default === undefined;
  const over = size.encoded > USER_DATA_LIMIT;
  return (
    <div className={`field attribute-field${error === undefined && !over ? '' : ' has-error'}`}>
      <label htmlFor={id}>
        User data
        {required ? (
          <span className="required" title="required">
            {' '}
            *
          </span>
        ) : null}{' '}
        <code className="attribute-name">{attribute.name}</code>
      </label>
      <textarea
        id={id}
        rows={6}
        spellCheck={false}
        placeholder={'#cloud-config\npackages:\n  - nginx'}
        value={value.text}
        required={required}
        aria-invalid={error !== undefined || over}
        aria-describedby={error === undefined ? `${id}-size` : `${id}-size ${id}-error`}
        onChange={(event) => onChange({ ...value, text: event.target.value })}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value.encoded}
          onChange={(event) => onChange({ ...value, encoded: event.target.checked })}
        />
        Already base64-encoded
      </label>
      <span className={over ? 'field-error' : 'field-hint'} id={`${id}-size`}>
        {value.text === ''
          ? 'A cloud-init script or any text the image reads at first boot; sent base64-encoded.'
          : `${formatBytes(size.bytes)}, ${formatBytes(size.encoded)} encoded${over ? `: more than the ${formatBytes(USER_DATA_LIMIT)} clouds accept` : ''}.`}
      </span>
      {error === undefined ? null : (
        <span className="field-error" id={`${id}-error`}>
          User data {error}
        </span>
      )}
    </div>
  );
}
