/**
 * One input for one attribute definition: the right control for its type (a list for an
 * enumeration, a switch for a boolean, a number field, a text area for JSON and long values),
 * its required mark, its default, its description, and what is wrong with the value, in place.
 */
import { useId } from 'react';
import type { ResolvedAttribute } from '../../../occi/index.ts';
import { attributeLabel, textOf } from '../attribute-form.ts';

export interface AttributeFieldProps {
  readonly attribute: ResolvedAttribute;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Shown once the user has left the field or tried to submit. */
  readonly error?: string | undefined;
  /** A name for it, when the last part of the attribute's name says too little ("Name" for the title). */
  readonly label?: string;
}

const LONG = /userdata|user_data|publickey|public_key|description|summary|script/i;

export function AttributeField({ attribute, value, onChange, error, label }: AttributeFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [attribute.description === undefined ? null : hintId, error === undefined ? null : errorId]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    'aria-invalid': error !== undefined,
    ...(described !== '' && { 'aria-describedby': described }),
    required: attribute.required && attribute.default === undefined,
  };
  let control: React.ReactNode;
  if (attribute.enum !== undefined && attribute.enum.length > 0) {
    control = (
      <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">
          {attribute.default === undefined ? '(choose)' : `(default: ${textOf(attribute.default)})`}
        </option>
        {attribute.enum.map((option) => (
          <option key={textOf(option)} value={textOf(option)}>
            {textOf(option)}
          </option>
        ))}
      </select>
    );
  } else if (attribute.type === 'boolean') {
    control = (
      <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">(not set)</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  } else if (attribute.type === 'number') {
    control = (
      <input
        {...common}
        type="number"
        step={attribute.integer ? 1 : 'any'}
        {...(attribute.minimum !== undefined && { min: attribute.minimum })}
        {...(attribute.maximum !== undefined && { max: attribute.maximum })}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  } else if (attribute.type === 'array' || attribute.type === 'object' || LONG.test(attribute.name)) {
    control = (
      <textarea
        {...common}
        rows={attribute.type === 'string' ? 3 : 4}
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  } else {
    control = <input {...common} type="text" value={value} onChange={(event) => onChange(event.target.value)} />;
  }
  return (
    <div className={`field attribute-field${error === undefined ? '' : ' has-error'}`}>
      <label htmlFor={id}>
        {label ?? attributeLabel(attribute.name)}
        {common.required ? (
          <span className="required" title="required">
            {' '}
            *
          </span>
        ) : null}
        {/* A space, so the label reads "Mount point occi.storagelink.mountpoint", not one word. */}{' '}
        <code className="attribute-name">{attribute.name}</code>
      </label>
      {control}
      {attribute.description === undefined ? null : (
        <span className="field-hint" id={hintId}>
          {attribute.description}
        </span>
      )}
      {error === undefined ? null : (
        <span className="field-error" id={errorId}>
          {label ?? attributeLabel(attribute.name)} {error}
        </span>
      )}
    </div>
  );
}
