import { createHash } from 'node:crypto';
import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { csvChunks, csvField, cursorRows, exportFilename, exportTable, guardFormula, UTF8_BOM, type ExportColumn } from './table-export';

interface Row {
  code: string;
  name: string | null;
  n: number;
  open: boolean;
}

const COLUMNS: ExportColumn<Row>[] = [
  { header: '编号', value: (r) => r.code },
  { header: '名称', value: (r) => r.name },
  { header: 'n', value: (r) => r.n },
  { header: 'open', value: (r) => r.open },
];

async function* from<T>(rows: T[]): AsyncGenerator<T> {
  for (const row of rows) yield row;
}

async function text(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

describe('CSV', () => {
  it('quotes by RFC 4180: commas, quotes (doubled), CR and LF; plain text and numbers as they are; empty for none', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('东城街道')).toBe('东城街道');
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('makes text that would start a formula inert with a leading quote (= + - @, tab, CR), numbers untouched', () => {
    for (const t of ['=1+1', '+86 138', '-2', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(t)).toBe(`'${t}`);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-2)).toBe('-2');
  });

  it('starts with the UTF-8 BOM and the header, one CRLF record per row', async () => {
    const chunks: string[] = [];
    for await (const c of csvChunks(from([{ code: 'A1', name: '王, 女士', n: 2, open: false }]), COLUMNS)) chunks.push(c);
    const file = chunks.join('');
    expect(file.startsWith(UTF8_BOM)).toBe(true);
    expect(file).toBe(`${UTF8_BOM}编号,名称,n,open\r\nA1,"王, 女士",2,false\r\n`);
  });

  it('streams the file as UTF-8 bytes, BOM first (EF BB BF)', async () => {
    const file = exportTable('csv', 'incidents', from([{ code: '=cmd', name: null, n: 1, open: true }]), COLUMNS);
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    const bytes = await text(file.stream);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe("编号,名称,n,open\r\n'=cmd,,1,true\r\n");
  });
});

describe('XLSX', () => {
  it('writes one sheet that exceljs reads back: the header, then each row with its types', async () => {
    const rows: Row[] = [
      { code: 'GX-20261201-000001', name: '垃圾堆放', n: 3, open: true },
      { code: '=1+1', name: null, n: -1, open: false },
    ];
    const file = exportTable('xlsx', 'incidents', from(rows), COLUMNS);
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await text(file.stream)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('incidents');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['编号', '名称', 'n', 'open']);
    expect(values(2)).toEqual(['GX-20261201-000001', '垃圾堆放', 3, true]);
    // Text is a string cell, never a formula, in XLSX.
    expect(sheet.getRow(3).getCell(1).value).toBe('=1+1');
    expect(sheet.getRow(3).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(3).getCell(2).value).toBeNull();
    expect(sheet.rowCount).toBe(3);
  });

  it('ends the stream with the error when reading the rows fails', async () => {
    async function* failing(): AsyncGenerator<Row> {
      yield { code: 'A', name: null, n: 1, open: true };
      throw new Error('service gone');
    }
    const file = exportTable('xlsx', 'appeals', failing(), COLUMNS);
    await expect(text(file.stream)).rejects.toThrow('service gone');
  });

  it('keeps writing when the reader is slow (waits for drain instead of failing)', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ code: `C${i}`, name: '名'.repeat(40), n: i, open: i % 2 === 0 }));
    const file = exportTable('xlsx', 'incidents', from(many), COLUMNS);
    const slow = new PassThrough({ highWaterMark: 1024 });
    file.stream.pipe(slow);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await text(slow)) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0].rowCount).toBe(3001);
  });
});

describe('XLSX with flat memory', () => {
  /** Text a zip cannot shrink much (hashes in base64), so that the bytes the reply takes measure the rows it took. */
  let counter = 0;
  const noise = (length: number) => {
    let text = '';
    while (text.length < length) text += createHash('sha256').update(String(counter++)).digest('base64');
    return text.slice(0, length);
  };
  const PAGES = 20;
  const PAGE_ROWS = 200;

  it('asks for the next page only once the reply has taken the rows before, and the file holds every row', async () => {
    let taken = 0;
    const asked: { page: number; taken: number }[] = [];
    const page = async (cursor: string | undefined) => {
      const n = Number(cursor ?? 0);
      asked.push({ page: n + 1, taken });
      const items = Array.from({ length: PAGE_ROWS }, (_, i) => ({ code: `C${n * PAGE_ROWS + i}`, name: noise(500), n: n * PAGE_ROWS + i, open: true }));
      return { items, nextCursor: n + 1 < PAGES ? String(n + 1) : null };
    };
    const file = exportTable('xlsx', 'incidents', cursorRows(page), COLUMNS);
    // A slow client: it takes a chunk, then the next one a turn of the event loop later.
    const chunks: Buffer[] = [];
    const client = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        taken += chunk.length;
        setImmediate(done);
      },
    });
    await pipeline(file.stream, client);
    // A page of 200 rows of 500 such characters is more than 60 kB zipped; the streams between the writer and the
    // client hold a few pages at most. Without backpressure all pages are asked for before 100 kB left.
    const ahead = asked.filter(({ page: n, taken: t }) => n > 5 + t / 60_000);
    expect(ahead).toEqual([]);
    expect(asked).toHaveLength(PAGES);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(1 + PAGES * PAGE_ROWS);
    expect(sheet.getRow(2).getCell(1).value).toBe('C0');
    expect(sheet.getRow(1 + PAGES * PAGE_ROWS).getCell(3).value).toBe(PAGES * PAGE_ROWS - 1);
  });
});

describe('a download cut off by the client', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`stops reading rows once the ${format} stream is destroyed`, async () => {
      let read = 0;
      let finished!: () => void;
      const closed = new Promise<void>((resolve) => (finished = resolve));
      async function* endless(): AsyncGenerator<Row> {
        try {
          for (;;) {
            read++;
            yield { code: `C${read}`, name: '名'.repeat(200), n: read, open: true };
          }
        } finally {
          finished();
        }
      }
      const file = exportTable(format, 'incidents', endless(), COLUMNS);
      for await (const _chunk of file.stream) break; // the first chunk, then the client leaves (destroys the stream)
      await closed;
      const atClose = read;
      await new Promise((resolve) => setImmediate(resolve));
      expect(read).toBe(atClose);
    });
  }
});

describe(cursorRows.name, () => {
  it('walks the pages by their cursors, each row once, and stops at max', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = { start: { items: [1, 2], nextCursor: 'b' }, b: { items: [3, 4], nextCursor: 'c' }, c: { items: [5], nextCursor: null } };
    const asked: (string | undefined)[] = [];
    const next = async (cursor: string | undefined) => {
      asked.push(cursor);
      return pages[cursor ?? 'start'];
    };
    const all: number[] = [];
    for await (const n of cursorRows(next)) all.push(n);
    expect(all).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([undefined, 'b', 'c']);
    const capped: number[] = [];
    for await (const n of cursorRows(next, 3)) capped.push(n);
    expect(capped).toEqual([1, 2, 3]);
  });
});

describe(exportFilename.name, () => {
  it('names the list and the China day', () => {
    expect(exportFilename('appeals', 'csv', new Date('2026-11-30T16:30:00Z'))).toBe('appeals-2026-12-01.csv');
  });
});
