// The accessibility checks of the dashboard's browser tests (officers' forms, analysis pages).
import type { Page } from 'playwright-core';

/**
 * In the page (CSP-safe string expression): what an assistive-technology check finds wrong with
 * the main content: form controls without a label, and text whose contrast on its background is
 * under 4.5:1 (WCAG 1.4.3), for the controls, labels, errors and alerts.
 */
export const ACCESSIBILITY_PROBLEMS = `(() => {
  const problems = [];
  const visible = (el) => el.offsetParent !== null;
  for (const el of document.querySelectorAll('main input, main select, main textarea')) {
    if (!visible(el) || el.type === 'hidden') continue;
    const labelled = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    if (!labelled) problems.push('no label: ' + (el.id || el.name || el.outerHTML.slice(0, 60)));
  }
  const rgb = (value) => (value.match(/[0-9.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => { for (let node = el; node; node = node.parentElement) { const c = rgb(getComputedStyle(node).backgroundColor); if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3); } return [255, 255, 255]; };
  for (const el of document.querySelectorAll('main label, main legend, main button, main .field-error, main .alert, main h1, main h2, main h3, main dt, main dd, main a, main .muted')) {
    if (!visible(el) || !el.textContent.trim()) continue;
    const [fg, bg] = [luminance(rgb(getComputedStyle(el).color).slice(0, 3)), luminance(background(el))];
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 4.5) problems.push('contrast ' + ratio.toFixed(2) + ': ' + el.textContent.trim().slice(0, 40));
  }
  return problems;
})()`;

/** Labels and contrast on the page, and the form's submit button reached by the keyboard alone (Tab from the heading). */
export async function checkAccessibility(page: Page, submitTestId: string): Promise<void> {
  expect(await page.evaluate(ACCESSIBILITY_PROBLEMS)).toEqual([]);
  await page.locator('main h1').first().click();
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate('document.activeElement && document.activeElement.dataset.testid')) === submitTestId) return;
  }
  throw new Error(`${submitTestId} is not reached with the Tab key`);
}
