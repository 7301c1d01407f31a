import { ProblemException } from '@binh-yen/http';
import { printPdf } from './print-pdf';

describe('printing the official PDF without a browser', () => {
  const saved = process.env['CHROMIUM_PATH'];
  afterEach(() => {
    if (saved === undefined) delete process.env['CHROMIUM_PATH'];
    else process.env['CHROMIUM_PATH'] = saved;
  });

  it('answers 503 pdf-unavailable naming the missing browser and the way out', async () => {
    process.env['CHROMIUM_PATH'] = '/nonexistent/chromium';
    const refusal = await printPdf('<p>x</p>').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ProblemException);
    const problem = (refusal as ProblemException).toProblem();
    expect(problem.status).toBe(503);
    expect(problem.type).toMatch(/pdf-unavailable$/);
    expect(problem.detail).toContain('CHROMIUM_PATH names /nonexistent/chromium, which does not exist');
    expect(problem.detail).toContain('format=docx');
  });
});
