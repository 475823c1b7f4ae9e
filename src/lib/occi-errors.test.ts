import { describe, expect, it } from 'vitest';
import { OcciHttpError } from './occi-errors.ts';

describe('the words for a 409', () => {
  const hintFor = (message: string | undefined) => new OcciHttpError('rocci', 409, 'Conflict', message).hint;

  it("follows the server's reason: a missing value is not called a state conflict (rOCCI-server)", () => {
    const hint = hintFor('Invalid content: Attribute "occi.core.id" invalid: Value is required but not provided');
    expect(hint).toMatch(/refused what was sent/);
    expect(hint).not.toMatch(/state/);
    expect(hintFor('Invalid content: Submitted entity is not compliant with server restrictions')).toMatch(
      /refused what was sent/,
    );
  });

  it('names a state conflict where the server speaks of one', () => {
    expect(hintFor('stop does not apply to /compute/1 now: it is booting')).toMatch(/state conflict/);
    expect(hintFor('State conflict')).toMatch(/state conflict/);
    expect(hintFor('web-01 is already running')).toMatch(/state conflict/);
  });

  it('names an existing entity, and guesses nothing from silence', () => {
    expect(hintFor('/compute/1 exists already')).toMatch(/exists already/);
    const silent = hintFor(undefined);
    expect(silent).toMatch(/conflict; its words above say why/);
    expect(silent).not.toMatch(/state/);
  });
});
