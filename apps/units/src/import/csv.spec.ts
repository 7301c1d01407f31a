import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM', () => {
    const text = '\ufeffcode,name\r\n227,"Việt Trì, thành phố"\r\n228,"Thị xã ""Phú Thọ"""\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['code', 'name'] },
      { line: 2, cells: ['227', 'Việt Trì, thành phố'] },
      { line: 3, cells: ['228', 'Thị xã "Phú Thọ"'] },
    ]);
  });

  it('skips blank lines and keeps line numbers true', () => {
    expect(parseCsv('a,b\n\n"x\ny",z').map((record) => record.line)).toEqual([1, 3]);
  });
});
