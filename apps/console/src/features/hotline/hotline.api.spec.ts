import { describe, expect, it } from 'vitest';
import { dispatchInitial } from './hotline.api';

describe(dispatchInitial.name, () => {
  it("fills the lead in from the responsibility list's owner, and leaves the street's fallback to the API", () => {
    expect(dispatchInitial({ lead: { kind: 'department', departmentCode: 'URBAN_MGMT', name: '城市管理办公室' }, why: 'category_owner' })).toEqual({ 'lead.departmentCode': 'URBAN_MGMT' });
    expect(dispatchInitial({ lead: { kind: 'unit', unitCode: '370502003001001', level: 'grid', name: '第1网格' }, why: 'category_owner' })).toEqual({ 'lead.unitCode': '370502003001001' });
    expect(dispatchInitial({ lead: { kind: 'unit', unitCode: '370502003', level: 'street', name: '东城街道' }, why: 'street_fallback' })).toEqual({});
    expect(dispatchInitial(null)).toEqual({});
  });
});
