import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnitsUnderTest } from './units-harness';

/** 10,000 rows: a province, 20 districts, 480 communes, 9,499 residential groups, in shuffled order. */
function codeList(): { csv: string; badLines: number[] } {
  const rows: string[][] = [['99', 'Tỉnh Thử Nghiệm', 'Tỉnh', '']];
  for (let d = 1; d <= 20; d++) rows.push([`9${String(d).padStart(3, '0')}`, `Huyện Số ${d}`, 'Huyện', '99']);
  for (let c = 1; c <= 480; c++) rows.push([`C${String(c).padStart(5, '0')}`, `Xã Hòa Bình ${c}`, 'Xã', `9${String(((c - 1) % 20) + 1).padStart(3, '0')}`]);
  for (let r = 1; rows.length < 10_000; r++) rows.push([`R${String(r).padStart(6, '0')}`, `Tổ dân phố ${r}`, 'Tổ dân phố', `C${String(((r - 1) % 480) + 1).padStart(5, '0')}`]);
  // Deterministic shuffle: children may come before their parents.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const bad = [
    ['R 000001x', 'Mã sai', 'Tổ dân phố', 'C00001'],
    ['R900001', 'Cấp không biết', 'Vùng', 'C00001'],
    ['R900002', 'Cha không có', 'Tổ dân phố', 'C99999'],
    ['R900003', '', 'Tổ dân phố', 'C00001'],
  ];
  const positions = [1234, 4321, 7777, 9000];
  bad.forEach((row, index) => rows.splice(positions[index]!, 1, row));
  const csv = ['code,name,kind,parent_code', ...rows.map((row) => row.map((cell) => (cell.includes(',') ? `"${cell}"` : cell)).join(','))].join('\n');
  return { csv, badLines: positions.map((position) => position + 2) };
}

describe('bulk import of a 10,000-row code list', () => {
  const units = new UnitsUnderTest();
  let file: string;
  let badLines: number[];
  const count = async (table: string): Promise<number> => Number((await units.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

  beforeAll(async () => {
    await units.createDatabase();
    const list = codeList();
    badLines = list.badLines;
    file = join(mkdtempSync(join(tmpdir(), 'units-import-')), 'code-list.csv');
    writeFileSync(file, list.csv);
  });

  afterAll(() => units.database.drop());

  it('rejects the whole file by default, naming each bad row, and writes nothing', async () => {
    const result = await units.importCsv(file);
    expect(result.code).toBe(1);
    for (const line of badLines) expect(result.stdout).toContain(`line ${line},`);
    expect(result.stdout).toContain('nothing was imported');
    expect(await count('units')).toBe(0);
    expect(await count('outbox')).toBe(0);
  });

  it('imports the good rows with progress shown and reports the bad ones', async () => {
    const started = Date.now();
    const result = await units.importCsv(file, '--skip-invalid', '--effective-from=2026-01-01');
    const seconds = (Date.now() - started) / 1000;
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/importing units \[#+\] 100%/);
    expect(result.stderr).toMatch(/ 50% /);
    for (const line of badLines) expect(result.stdout).toContain(`line ${line},`);
    // The four bad rows were replaced ones; the rows under the replaced ones stay valid.
    expect(await count('units')).toBe(9_996);
    expect(await count('outbox')).toBe(9_996);
    const [gc] = await units.sql<{ path: string; name: string }>(`SELECT path, name FROM units WHERE code = 'R000002'`);
    expect(gc?.path).toMatch(/^99\.9\d{3}\.C\d{5}\.R000002$/);
    process.stdout.write(`[import] 10,000 rows in ${seconds.toFixed(1)} s (process start included)\n`);
  });

  it('changes nothing when the same file is imported again', async () => {
    const result = await units.importCsv(file, '--skip-invalid', '--effective-from=2026-01-01');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Imported 0 new unit\(s\), 9996 unchanged/);
    expect(await count('units')).toBe(9_996);
    expect(await count('outbox')).toBe(9_996);
  });
});
