import { maskIdNumber, maskName, maskPhone } from './masking';

describe(maskIdNumber.name, () => {
  it('keeps the first 6 and the last 4 characters of an 18-character ID number', () => {
    expect(maskIdNumber('370502199001011234')).toBe('370502********1234');
    expect(maskIdNumber('37050219900101123X')).toBe('370502********123X');
  });

  it('reveals at most the first 3 and last 2, and never more than half, of other lengths', () => {
    expect(maskIdNumber('370502900101123')).toBe('370**********23');
    expect(maskIdNumber('1234567890')).toBe('123*****90');
    expect(maskIdNumber('123456')).toBe('12***6');
    expect(maskIdNumber('1234')).toBe('1**4');
    expect(maskIdNumber('12')).toBe('1*');
    expect(maskIdNumber('1')).toBe('*');
    expect(maskIdNumber('3705021990010112345')).toBe('370**************45');
  });

  it('is total', () => {
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(null as unknown as string)).toBe('');
  });
});

describe(maskPhone.name, () => {
  it('keeps the first 3 and the last 4 digits of an 11-digit mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('reveals at most the first 3 and last 2, and never more than half, of other lengths', () => {
        expect(maskPhone('053588888888')).toBe('053*******88');
    expect(maskPhone('88888888')).toBe('88****88');
    expect(maskPhone('110')).toBe('1**');
  });

  it('is total', () => {
    expect(maskPhone('')).toBe('');
    expect(maskPhone(undefined as unknown as string)).toBe('');
  });

  it('never reveals more than half of a value that is not 11 or 18 characters long', () => {
    for (let length = 1; length <= 40; length++) {
      if (length === 11 || length === 18) continue;
      const value = 'x'.repeat(length);
      for (const masked of [maskPhone(value), maskIdNumber(value)]) {
        expect(masked).toHaveLength(length);
        expect(masked.replace(/\*/g, '').length).toBeLessThanOrEqual(Math.min(5, length / 2));
      }
    }
  });
});

describe(maskName.name, () => {
  it('keeps the first character and stars each of the others', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('Li Lei')).toBe('L*****');
  });

  it('stars a one-character name entirely', () => {
    expect(maskName('张')).toBe('*');
  });

  it('counts characters outside the basic plane as one', () => {
    expect(maskName('𠀀三')).toBe('𠀀*');
    expect(maskName('张𠀀')).toBe('张*');
  });

  it('is total', () => {
    expect(maskName('')).toBe('');
    expect(maskName(null as unknown as string)).toBe('');
  });
});
