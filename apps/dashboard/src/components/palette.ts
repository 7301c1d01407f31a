// Colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart by more than hue (legend + order).
export const SERIES_COLOURS = { current: '#0b4f8a', previousQuarter: '#4a7fbd', sameQuarterLastYear: '#8a5a00' } as const;
export const CATEGORY_COLOURS = ['#0b4f8a', '#b35900', '#1b7a3d', '#b00020', '#6f3fa0', '#00798c', '#7a5c00', '#444444'];
export const RATING_COLOURS = ['#1b7a3d', '#4a7fbd', '#8a6d00', '#b00020'];

/** As many colours as series, never one twice (the palette first, then hues spread around the wheel, dark enough for 3:1). */
export function distinctColours(count: number, palette: readonly string[] = CATEGORY_COLOURS): string[] {
  return Array.from({ length: count }, (_, i) => palette[i] ?? `hsl(${Math.round(((i - palette.length) * 137.5) % 360)} 70% 32%)`);
}
