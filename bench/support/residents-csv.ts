import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { residentIdCheckCharacter } from '@gridline/contracts-registry';

/**
 * Synthetic resident registers for the import benchmark, written straight to disk chunk by chunk so that
 * a file of a million rows never sits in memory. Deterministic: the same key always gives the same person.
 */

export const RESIDENT_CSV_HEADER = 'grid_code,name,id_number,building,room,phone,tags';

/** Birth dates are spread over this many days from 1940-01-01 (to 2022): 30 000 × 1000 sequences = 30 M keys. */
const BIRTH_DAYS = 30_000;
const MAX_KEYS = BIRTH_DAYS * 1000;
const FIRST_BIRTH_MS = Date.UTC(1940, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;
const REGION = '370502';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英'];
/** Members per household, cycled: 3 on average. */
const HOUSEHOLD_SIZES = [3, 2, 4, 1, 5, 3, 2, 4];
/** Households per building: 6 floors × 2 entrances × 2 flats. */
const HOUSEHOLDS_PER_BUILDING = 24;
/** Every this many rows, a resident with no building (and so no household). */
const NO_HOUSEHOLD_EVERY = 25;

/** A valid, unique 18-character resident ID number for key 0 … 29 999 999 (birth 1940–2022). */
export function residentIdNumber(key: number): string {
  if (!Number.isInteger(key) || key < 0 || key >= MAX_KEYS) throw new RangeError(`resident key ${key} is outside 0…${MAX_KEYS - 1}`);
  const birth = new Date(FIRST_BIRTH_MS + (key % BIRTH_DAYS) * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `${REGION}${birth}${String(Math.floor(key / BIRTH_DAYS)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** The mobile number of key's resident (unique per key; the file leaves one in ten without a phone). */
export function residentPhone(key: number): string {
  return `1${3 + (key % 7)}${String((key * 7919) % 1_000_000_000).padStart(9, '0')}`;
}

/** The name of key's resident. */
export function residentName(key: number): string {
  return SURNAMES[key % SURNAMES.length] + GIVEN[Math.floor(key / SURNAMES.length) % GIVEN.length];
}

/** The tags of key's resident (about 15% have one). */
export function residentTags(key: number): string[] {
  const text = tags(key);
  return text ? text.split('|') : [];
}

function tags(key: number): string {
  if (key % 37 === 0) return 'low_income|disabled';
  if (key % 10 === 0) return 'elderly_alone';
  if (key % 53 === 0) return 'veteran';
  return '';
}

export interface ResidentsFile {
  path: string;
  rows: number;
  bytes: number;
  households: number;
}

/**
 * Writes `rows` residents with keys `firstKey` … `firstKey + rows - 1`. The grids get equal contiguous
 * blocks of the file (a register exported grid by grid); within a grid, residents come household by
 * household, 24 households to a building. About 90% have a phone, 4% no household, 15% a tag.
 * `label` keeps the addresses of two files apart (different households).
 */
export async function writeResidentsCsv(path: string, rows: number, firstKey: number, grids: readonly string[], label: string): Promise<ResidentsFile> {
  if (firstKey + rows > MAX_KEYS) throw new RangeError(`at most ${MAX_KEYS} residents can be generated`);
  const out = createWriteStream(path, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  const perGrid = Math.ceil(rows / grids.length);
  let households = 0;
  let bytes = 0;
  let chunk: string[] = [RESIDENT_CSV_HEADER];
  const flush = async () => {
    const text = `${chunk.join('\n')}\n`;
    chunk = [];
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };

  let household = -1;
  let membersLeft = 0;
  let gridIndex = -1;
  for (let i = 0; i < rows; i++) {
    const key = firstKey + i;
    const g = Math.floor(i / perGrid);
    if (g !== gridIndex) {
      gridIndex = g;
      household = -1;
      membersLeft = 0;
    }
    let building = '';
    let room = '';
    if (i % NO_HOUSEHOLD_EVERY !== NO_HOUSEHOLD_EVERY - 1) {
      if (membersLeft === 0) {
        household += 1;
        households += 1;
        membersLeft = HOUSEHOLD_SIZES[household % HOUSEHOLD_SIZES.length];
      }
      membersLeft -= 1;
      const flat = household % HOUSEHOLDS_PER_BUILDING;
      building = `${label}小区${Math.floor(household / HOUSEHOLDS_PER_BUILDING) + 1}号楼`;
      room = `${(flat % 2) + 1}-${Math.floor(flat / 4) + 1}0${(Math.floor(flat / 2) % 2) + 1}`;
    }
    const name = residentName(key);
    const phoneNumber = key % 10 === 3 ? '' : residentPhone(key);
    chunk.push(`${grids[gridIndex]},${name},${residentIdNumber(key)},${building},${room},${phoneNumber},${tags(key)}`);
    if (chunk.length >= 2000) await flush();
  }
  if (chunk.length > 0) await flush();
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return { path, rows, bytes, households };
}
