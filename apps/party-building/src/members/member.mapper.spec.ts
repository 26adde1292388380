import fc from 'fast-check';
import { residentIdCheckCharacter } from '@gridline/platform';
import { DEV_PERSONAL_DATA, PersonalDataCipher, PersonalDataService, parsePersonalDataKeys } from '@gridline/persistence';
import { MemberEntity } from './member.entity';
import { toMemberEventData, toMemberView } from './member.mapper';

const personalData = new PersonalDataService(new PersonalDataCipher(parsePersonalDataKeys(DEV_PERSONAL_DATA.keys, DEV_PERSONAL_DATA.activeKey, DEV_PERSONAL_DATA.indexKey)));
const yyyymmdd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');
const idNumber = fc
  .tuple(fc.stringMatching(/^[1-8]\d{5}$/), fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2008-12-31T00:00:00Z'), noInvalidDate: true }).map(yyyymmdd), fc.stringMatching(/^\d{3}$/))
  .map(([region, birth, seq]) => region + birth + seq + residentIdCheckCharacter(region + birth + seq));
const phone = fc.stringMatching(/^1[3-9]\d{9}$/);
const name = fc.stringMatching(/^[\u4e00-\u9fa5]{2,4}$/);

describe(toMemberView.name, () => {
  it('never gives back a masked value through another field: no clear name, ID number, phone, birth date, ciphertext or hash', () => {
    fc.assert(
      fc.property(idNumber, phone, name, (id, mobile, fullName) => {
        const protectedId = personalData.protectIdNumber(id);
        const protectedPhone = personalData.protectPhone(mobile);
        const member = Object.assign(new MemberEntity(), {
          id: '0b7e4c59-3c1e-4f7a-8f43-0d7c6f0b2a10',
          nameEnc: personalData.protectName(fullName),
          idNumberEnc: protectedId.enc,
          idNumberIndex: protectedId.index,
          phoneEnc: protectedPhone.enc,
          phoneIndex: protectedPhone.index,
          status: 'full',
          joinedOn: '2020-07-01',
          organisationId: 'org',
          path: ['370502003'],
          homeGridCode: '370502003001001',
        });
        const view = toMemberView(member, personalData);
        expect(view.idNumber).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
        expect(view.phone).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
        expect(view.name).toBe(fullName[0] + '*'.repeat(fullName.length - 1));
        const birth = id.slice(6, 14);
        const answers = [JSON.stringify(view), JSON.stringify(toMemberEventData(member, ['phone']))];
        for (const text of answers) {
          for (const secret of [id, mobile, fullName, birth, `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`, protectedId.enc, protectedId.index, protectedPhone.index, member.nameEnc]) {
            expect(text).not.toContain(secret);
          }
        }
      }),
    );
  });
});
