// Masks for showing personal data in responses. Pure and total: any string in, a string of the
// same number of characters out (characters are code points, so rare CJK names count right).

/** `370502199001011234` → `370502********1234` (region code and last four, the usual 18-character form). */
export function maskIdNumber(value: string): string {
  const chars = toChars(value);
  return chars.length === 18 ? keep(chars, 6, 4) : maskFreeForm(chars);
}

/** `13812345678` → `138****5678` (the usual 11-digit mobile form). */
export function maskPhone(value: string): string {
  const chars = toChars(value);
  return chars.length === 11 ? keep(chars, 3, 4) : maskFreeForm(chars);
}

/** `张三` → `张*`, `欧阳娜娜` → `欧***`, `Li Lei` → `L*****`; a one-character name → `*`. */
export function maskName(value: string): string {
  const chars = toChars(value);
  return chars.length <= 1 ? '*'.repeat(chars.length) : keep(chars, 1, 0);
}

/**
 * Values of an unexpected length: at most the first 3 and last 2 characters, and never more than
 * half of the value (a short value mostly stars).
 */
function maskFreeForm(chars: string[]): string {
  const budget = Math.floor(chars.length / 2);
  const tail = Math.min(2, Math.floor(budget / 2));
  const head = Math.min(3, budget - tail);
  return keep(chars, head, tail);
}

function keep(chars: string[], head: number, tail: number): string {
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

function toChars(value: string): string[] {
  // Rows typed loosely (a null column) must not make a response fail.
  return typeof value === 'string' ? Array.from(value) : [];
}
