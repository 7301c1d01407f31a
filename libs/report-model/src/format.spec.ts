import { deadlineText, formatDate, formatDateTime, placeAndDate, quarterName } from './format';
import { changeTone } from './report';

describe('what people read in a report', () => {
  it('writes quarters, dates and deadlines as Vietnamese offices do, in Vietnam’s time', () => {
    expect(quarterName('2026-Q4', 'vi')).toBe('Quý IV/2026');
    expect(quarterName('2027-Q2', 'en')).toBe('Q2 2027');
    expect(formatDate('2026-12-31T17:30:00Z')).toBe('01/01/2027');
    expect(formatDateTime('2026-12-05T07:03:00Z', 'vi')).toBe('14:03 ngày 05/12/2026');
    // The first late instant is 00:00 of 11/01 in Vietnam: the deadline is the end of the 10th.
    expect(deadlineText('2027-01-10T17:00:00Z', 'vi')).toBe('hết ngày 10/01/2027');
    expect(placeAndDate('Việt Trì', '2026-12-05T03:00:00Z')).toBe('Việt Trì, ngày 05 tháng 12 năm 2026');
    expect(placeAndDate('Việt Trì', '2027-02-03T03:00:00Z')).toBe('Việt Trì, ngày 03 tháng 02 năm 2027');
  });

  it('colours a change by whether it is good news for the indicator', () => {
    expect(changeTone('higher', 8, 5)).toBe('good');
    expect(changeTone('lower', 8, 5)).toBe('bad');
    expect(changeTone('lower', 2, 5)).toBe('good');
    expect(changeTone(null, 8, 5)).toBe('neutral');
    expect(changeTone('higher', 5, null)).toBe('neutral');
  });
});
