import { Injectable } from '@nestjs/common';
import { APPEAL_TAKERS, requireRole } from '@gridline/auth';
import type { RelatedAppeal } from '@gridline/contracts-hotline';
import { PersonalDataCipher } from '@gridline/persistence';
import { appealInvalid } from '../../appeal.errors';
import { AppealPlaceLocator } from '../../appeal-place';
import { RelatedAppeals } from '../../related-appeals';
import type { FindRelatedAppealsQuery } from './find-related-appeals.query';

/**
 * What intake would show as related, asked while the operator types (GET /appeals/related): by the phone once it is
 * whole, the category once chosen, the point once picked — for those who take appeals, among the appeals they see.
 */
@Injectable()
export class FindRelatedAppealsUseCase {
  constructor(
    private readonly related: RelatedAppeals,
    private readonly places: AppealPlaceLocator,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ caller, query: { phone, categoryCode, lat, lng } }: FindRelatedAppealsQuery): Promise<RelatedAppeal[]> {
    requireRole(caller, APPEAL_TAKERS, 'look up related appeals');
    if ((lat === undefined) !== (lng === undefined)) throw appealInvalid(lat === undefined ? 'lat' : 'lng', 'must be given with ' + (lat === undefined ? 'lng' : 'lat'));
    const place = lat !== undefined && lng !== undefined && categoryCode ? await this.places.locate(lat, lng) : null;
    const phoneIndex = phone ? this.cipher.blindIndex('phone', phone) : null;
    return this.related.of(caller, { phoneIndex, categoryCode: categoryCode ?? null, gridCode: place?.gridCode ?? null });
  }
}
