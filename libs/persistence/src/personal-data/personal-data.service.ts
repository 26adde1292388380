import { Injectable } from '@nestjs/common';
import { normalizeMobile, normalizeResidentId } from '@gridline/platform';
import { PersonalDataCipher } from './personal-data-cipher';
import { maskIdNumber, maskName, maskPhone } from './masking';

/** A protected value as stored: the ciphertext token and the keyed hash for exact-match search. */
export interface Protected {
  enc: string;
  index: string;
}

/**
 * The one place a service turns ID and phone numbers (and names) into what it stores, and back — the registry's
 * residents and the party's members alike. Values are normalised first, so that equal numbers always hash the same
 * (a duplicate ID number is caught by the unique index); clear values leave only through reveal(), which callers
 * audit. Provide it beside the service's PersonalDataCipher.
 */
@Injectable()
export class PersonalDataService {
  constructor(private readonly cipher: PersonalDataCipher) {}

  protectIdNumber(value: string): Protected {
    const clear = normalizeResidentId(value);
    return { enc: this.cipher.encrypt(clear), index: this.indexIdNumber(clear) };
  }

  protectPhone(value: string): Protected {
    const clear = normalizeMobile(value);
    return { enc: this.cipher.encrypt(clear), index: this.indexPhone(clear) };
  }

  indexIdNumber(value: string): string {
    return this.cipher.blindIndex('id', normalizeResidentId(value));
  }

  indexPhone(value: string): string {
    return this.cipher.blindIndex('phone', normalizeMobile(value));
  }

  reveal(enc: string): string {
    return this.cipher.decrypt(enc);
  }

  maskedIdNumber(enc: string): string {
    return maskIdNumber(this.cipher.decrypt(enc));
  }

  maskedPhone(enc: string | null): string | null {
    return enc === null ? null : maskPhone(this.cipher.decrypt(enc));
  }

  maskName(name: string): string {
    return maskName(name);
  }

  /** A name encrypted at rest (no index: names are not searched by exact match). */
  protectName(value: string): string {
    return this.cipher.encrypt(value.trim());
  }

  maskedName(enc: string): string {
    return maskName(this.cipher.decrypt(enc));
  }

  /** A stored value encrypted under an older key, re-encrypted under the active one (for key rotation). */
  rotate(enc: string): string | null {
    return this.cipher.needsRotation(enc) ? this.cipher.rotate(enc) : null;
  }
}
