import { Injectable } from '@nestjs/common';
import { PersonalDataCipher, maskPhone } from '@gridline/persistence';
import { normalizeMobile } from '@gridline/contracts-registry';

/**
 * The member-unit contacts' phones: stored only as cipher tokens, answered only masked. The one place the committees
 * touch the cipher.
 */
@Injectable()
export class ContactPhones {
  constructor(private readonly cipher: PersonalDataCipher) {}

  protect(phone: string): string {
    return this.cipher.encrypt(normalizeMobile(phone));
  }

  masked(enc: string): string {
    return maskPhone(this.cipher.decrypt(enc));
  }
}
