import { findPossibleDuplicates, normalisedWords, summarySimilarity } from './duplicates';

const hour = 3_600_000;
const base = { unitId: 'u-1', category: 'criminal-offence', occurredAt: new Date('2026-08-14T02:00:00Z') };
const policy = { windowMs: 48 * hour, threshold: 0.5 };

describe('possible duplicates', () => {
  it('folds Vietnamese words: diacritics, đ, case and punctuation do not matter', () => {
    expect([...normalisedWords('Trộm cắp xe máy, tại chợ ĐỒNG!')]).toEqual(['trom', 'cap', 'xe', 'may', 'cho', 'dong']);
    expect(summarySimilarity('Trộm cắp xe máy tại chợ Việt Trì', 'trom cap xe may tai cho viet tri')).toBe(1);
  });

  it('scores different incidents low and near-identical ones high', () => {
    expect(summarySimilarity('Trộm cắp xe máy tại chợ Việt Trì', 'Đánh bạc tại nhà văn hóa khu 3')).toBeLessThan(0.2);
    expect(summarySimilarity('Trộm cắp xe máy tại chợ Việt Trì', 'Mất trộm xe máy ở chợ Việt Trì')).toBeGreaterThanOrEqual(0.5);
    expect(summarySimilarity('', '')).toBe(0);
  });

  it('flags reports of the same unit and category, within the window, with a similar summary', () => {
    const earlier = [
      { ...base, id: 'same', summary: 'Mất trộm xe máy ở chợ Việt Trì' },
      { ...base, id: 'other-unit', unitId: 'u-2', summary: 'Trộm cắp xe máy tại chợ Việt Trì' },
      { ...base, id: 'other-category', category: 'traffic-order', summary: 'Trộm cắp xe máy tại chợ Việt Trì' },
      { ...base, id: 'too-old', occurredAt: new Date(base.occurredAt.getTime() - 49 * hour), summary: 'Trộm cắp xe máy tại chợ Việt Trì' },
      { ...base, id: 'unalike', summary: 'Cháy nhà dân do chập điện' },
    ];
    const found = findPossibleDuplicates({ ...base, summary: 'Trộm cắp xe máy tại chợ Việt Trì' }, earlier, policy);
    expect(found.map((candidate) => candidate.id)).toEqual(['same']);
    expect(found[0]!.similarity).toBeGreaterThanOrEqual(0.5);
  });

  it('puts the most alike first and caps the list', () => {
    const earlier = Array.from({ length: 8 }, (_, index) => ({ ...base, id: `d${index}`, summary: index === 3 ? 'Trộm xe máy chợ Việt Trì' : 'Trộm xe máy chợ Việt Trì hôm qua lúc sáng' }));
    const found = findPossibleDuplicates({ ...base, summary: 'Trộm xe máy chợ Việt Trì' }, earlier, { ...policy, limit: 3 });
    expect(found).toHaveLength(3);
    expect(found[0]).toEqual({ id: 'd3', similarity: 1 });
  });
});
