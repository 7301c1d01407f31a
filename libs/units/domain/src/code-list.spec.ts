import { levelOf, readCodeListRow } from './code-list';

describe('code list rows', () => {
  it('reads the Vietnamese level names, with or without diacritics', () => {
    expect(levelOf('Phường')).toEqual(['commune', 'ward']);
    expect(levelOf('Thi xa')).toEqual(['district', 'town']);
    expect(levelOf('Thành phố')).toEqual(['district', 'city']);
    expect(levelOf('Tổ dân phố')).toEqual(['residential-area', 'residential-group']);
    expect(levelOf('commune:township')).toEqual(['commune', 'township']);
    expect(levelOf('Vùng')).toBeNull();
  });

  it('answers a row, or every problem of the row', () => {
    expect(readCodeListRow(2, ['07894', ' Phường  Gia Cẩm ', 'Phường', '227'])).toEqual({
      line: 2,
      code: '07894',
      name: 'Phường Gia Cẩm',
      kind: 'commune',
      subkind: 'ward',
      parentCode: '227',
    });
    const problems = readCodeListRow(3, ['07 894', '', 'Vùng', 'x-y']);
    expect(Array.isArray(problems) && problems.map((problem) => problem.field)).toEqual(['code', 'name', 'kind', 'parentCode']);
  });
});
