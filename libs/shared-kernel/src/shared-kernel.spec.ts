import { AREA_PATH, foldForSearch, isQuarter, isWithinArea, normaliseLine, normaliseText, PlatformAgencies, quarterOf, shiftQuarter } from './index';

describe('text folding', () => {
  it('folds diacritics and đ for search', () => {
    expect(foldForSearch('  VIỆT   Trì, Đồng Xuân ')).toBe('viet tri, dong xuan');
    expect(foldForSearch('Viet Tri')).toBe(foldForSearch('Việt Trì'));
  });

  it('stores a line in NFC with one space between words', () => {
    expect(normaliseLine('  Xo\u0301m  la\u0300ng\tbi\u0300nh\nyên ')).toBe('Xóm làng bình yên');
  });

  // The copies drifted here: campaigns kept line breaks in free text, incidents and units folded
  // them. Both behaviours are right for their fields, so each has one name and one home (ADR 0040).
  it('keeps the paragraphs of free text while tidying spaces and tabs', () => {
    expect(normaliseText('  Đợt 1:\t tuần tra  ban đêm\nĐợt 2: tuyên truyền ')).toBe('Đợt 1: tuần tra ban đêm\nĐợt 2: tuyên truyền');
    expect(normaliseLine('Đợt 1:\nĐợt 2:')).toBe('Đợt 1: Đợt 2:');
    expect(normaliseText('a\u0301')).toBe('á');
  });
});

describe('area paths', () => {
  it('holds the area itself and what lies below it, compared as text', () => {
    expect(isWithinArea('25', '25')).toBe(true);
    expect(isWithinArea('25.227.07894', '25.227')).toBe(true);
    expect(isWithinArea('25.2270', '25.227')).toBe(false);
    expect(isWithinArea('25.227', '25.227.07894')).toBe(false);
  });
});

describe('agencies', () => {
  it('lists each agency once', () => {
    expect(new Set(PlatformAgencies).size).toBe(PlatformAgencies.length);
    expect(PlatformAgencies).toContain('fatherland-front');
  });
});

describe('quarters of Vietnam\'s calendar', () => {
  it('shifts across years both ways', () => {
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarter('2025-Q4', 1)).toBe('2026-Q1');
    expect(shiftQuarter('2026-Q3', -4)).toBe('2025-Q3');
    expect(shiftQuarter('2026-Q2', 0)).toBe('2026-Q2');
  });

  it('reads an instant in UTC+7 and accepts only well-formed quarters', () => {
    expect(quarterOf('2025-06-30T17:00:00Z')).toBe('2025-Q3');
    expect(quarterOf('2025-06-30T16:59:59Z')).toBe('2025-Q2');
    expect([isQuarter('2026-Q4'), isQuarter('2026-Q5'), isQuarter('2026Q1'), isQuarter(undefined)]).toEqual([true, false, false, false]);
  });

  it('accepts area paths of codes only', () => {
    expect(['25', '25.227.07894', '25..227', '25.227 ', 'abc'].map((path) => AREA_PATH.test(path))).toEqual([true, true, false, false, false]);
  });
});
