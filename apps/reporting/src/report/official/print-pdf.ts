import { existsSync } from 'node:fs';
import { HttpStatus } from '@nestjs/common';
import { ProblemException, problemType } from '@binh-yen/http';

/** The browser that prints: CHROMIUM_PATH (the reporting image sets it), else where Debian's chromium lives. */
const executablePath = (): string => process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

function unavailable(detail: string): ProblemException {
  return new ProblemException({ type: problemType('pdf-unavailable'), title: 'Không in được PDF (PDF printing unavailable)', status: HttpStatus.SERVICE_UNAVAILABLE, detail });
}

/**
 * Prints a page to PDF with headless Chromium (playwright-core drives the system's browser; it
 * downloads none). The page's own CSS sets paper, margins and page numbers (preferCSSPageSize).
 * One browser per document: reports are printed rarely, and nothing stays running between them.
 * Where Chromium or playwright-core is missing (the slim service image), the answer is a 503
 * naming what is missing, and the DOCX remains (ADR 0043).
 */
export async function printPdf(html: string): Promise<Buffer> {
  if (!existsSync(executablePath())) {
    const configured = process.env['CHROMIUM_PATH'] ? `CHROMIUM_PATH names ${executablePath()}, which does not exist` : `CHROMIUM_PATH is not set and there is no ${executablePath()}`;
    throw unavailable(
      `No browser to print with (không có trình duyệt để in PDF): ${configured}. Install Debian's chromium (the reporting image does, deploy/docker/service.Dockerfile) or set CHROMIUM_PATH; format=docx works meanwhile.`,
    );
  }
  const { chromium } = await import('playwright-core').catch(() => {
    throw unavailable('playwright-core is not installed in this image; take format=docx.');
  });
  const browser = await chromium.launch({ executablePath: executablePath(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    // No network: the page is self-contained, and nothing a clerk typed may fetch anything.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
