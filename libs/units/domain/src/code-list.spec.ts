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
      location: null,
    });
    const problems = readCodeListRow(3, ['07 894', '', 'Vùng', 'x-y']);
    expect(Array.isArray(problems) && problems.map((problem) => problem.field)).toEqual(['code', 'name', 'kind', 'parentCode']);
  });

  it('reads the seat’s latitude and longitude when given, both or neither, in range', () => {
    expect(readCodeListRow(2, ['07894', 'Phường Gia Cẩm', 'Phường', '227', '21.33', ' 105.4 '])).toMatchObject({ location: { latitude: 21.33, longitude: 105.4 } });
    expect(readCodeListRow(2, ['07894', 'Phường Gia Cẩm', 'Phường', '227', '', ''])).toMatchObject({ location: null });
    const fields = (cells: string[]): unknown => {
      const answer = readCodeListRow(4, cells);
      return Array.isArray(answer) ? answer.map((problem) => problem.field) : answer;
    };
    expect(fields(['07894', 'Phường Gia Cẩm', 'Phường', '227', '21.33', ''])).toEqual(['longitude']);
    expect(fields(['07894', 'Phường Gia Cẩm', 'Phường', '227', '91', '105.4'])).toEqual(['latitude']);
    expect(fields(['07894', 'Phường Gia Cẩm', 'Phường', '227', '21.33', '=1+1'])).toEqual(['longitude']);
  });
});
