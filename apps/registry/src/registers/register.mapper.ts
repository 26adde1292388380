import type { BuildingView, BusinessView, HouseholdView, ResidentView } from '@gridline/contracts-registry';
import type { PersonalDataService } from '@gridline/persistence';
import type { BuildingEntity, BusinessEntity, HouseholdEntity, ResidentEntity } from './register.entities';

export function toBuildingView(b: BuildingEntity): BuildingView {
  return { id: b.id, gridCode: b.gridCode, address: b.address, name: b.name, floors: b.floors, unitCount: b.unitCount, updatedAt: b.updatedAt.toISOString() };
}

export function toHouseholdView(h: HouseholdEntity): HouseholdView {
  return { id: h.id, gridCode: h.gridCode, buildingId: h.buildingId, address: h.address, room: h.room, headResidentId: h.headResidentId, updatedAt: h.updatedAt.toISOString() };
}

/**
 * A resident with ID and phone numbers masked. The mask hides the birth date inside the ID number
 * (characters 7–14), so the view carries the birth year only: with the full date, the mask would be undone.
 */
export function toResidentView(r: ResidentEntity, personalData: PersonalDataService): ResidentView {
  return {
    id: r.id,
    gridCode: r.gridCode,
    householdId: r.householdId,
    name: r.name,
    idNumber: personalData.maskedIdNumber(r.idNumberEnc),
    sex: r.sex,
    birthYear: birthYear(r.birthDate),
    phone: personalData.maskedPhone(r.phoneEnc),
    tags: r.tags,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toBusinessView(b: BusinessEntity, personalData: PersonalDataService): BusinessView {
  return {
    id: b.id,
    gridCode: b.gridCode,
    name: b.name,
    creditCode: b.creditCode,
    contactName: b.contactName,
    contactPhone: personalData.maskedPhone(b.contactPhoneEnc),
    updatedAt: b.updatedAt.toISOString(),
  };
}

/** The year of a `date` column (MikroORM gives a string, a driver may give a Date at UTC midnight). */
function birthYear(birthDate: string | Date): number {
  return typeof birthDate === 'string' ? Number(birthDate.slice(0, 4)) : birthDate.getUTCFullYear();
}
