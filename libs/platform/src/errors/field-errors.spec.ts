import fc from 'fast-check';
import { AppError } from './app-error';
import { fieldChecks, fieldInvalid } from './field-errors';

describe(fieldInvalid.name, () => {
  it('names the field and the reason under the given code, as a validation error', () => {
    const error = fieldInvalid('INCIDENT_INVALID', 'gridCode', 'is not a grid');
    expect(error).toBeInstanceOf(AppError);
    expect(error.toEnvelope()).toEqual({ code: 'INCIDENT_INVALID', kind: 'validation', message: 'gridCode is not a grid', details: { fields: [{ field: 'gridCode', reasons: ['is not a grid'] }] } });
  });

  it('keeps every reason given and tells the first in the message', () => {
    const error = fieldInvalid('APPEAL_INVALID', 'receivedAt', ['is in the future', 'is before the call']);
    expect(error.message).toBe('receivedAt is in the future');
    expect(error.details).toEqual({ fields: [{ field: 'receivedAt', reasons: ['is in the future', 'is before the call'] }] });
  });

  it('takes another kind where the rule is not one of validation', () => {
    expect(fieldInvalid('PAYLOAD_TOO_LARGE', 'file', 'is over 10 MB', 'too_large').kind).toBe('too_large');
  });

  it('is the message "<field> <reason>" and one field entry for any field and reason', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (field, reason) => {
        const error = fieldInvalid('X_INVALID', field, reason);
        return error.message === `${field} ${reason}` && JSON.stringify(error.details) === JSON.stringify({ fields: [{ field, reasons: [reason] }] });
      }),
    );
  });
});

describe(fieldChecks.name, () => {
  const { invalid, need } = fieldChecks('INCIDENT_INVALID');

  it('binds invalid to the code', () => {
    expect(invalid('unit', 'is unknown').toEnvelope()).toEqual(fieldInvalid('INCIDENT_INVALID', 'unit', 'is unknown').toEnvelope());
  });

  it.each([undefined, null, ''])('refuses %p as missing, naming the field', (value) => {
    expect(() => need(value, 'reason', 'is required to reject')).toThrow(expect.objectContaining({ code: 'INCIDENT_INVALID', message: 'reason is required to reject' }));
  });

  it('answers any given value as it is', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ minLength: 1 }), fc.integer(), fc.boolean(), fc.object()), (value) => need(value, 'f', 'r') === value));
  });
});
