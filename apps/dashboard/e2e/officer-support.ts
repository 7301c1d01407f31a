// What the dashboard's browser tests need around the browser: the platform as `npm start`
// runs it, a real OpenID Connect provider (oidc-test-provider.mjs), and the provider's tokens
// for checking writes through the API.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Page } from 'playwright-core';

/** The repository's root (this file is apps/dashboard/e2e/). */
const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export interface Child {
  child: ChildProcess;
  exited: Promise<unknown>;
  lines: string[];
}

/** A child process in its own process group, its output kept in lines and in a log file. */
export function startChild(command: string, args: string[], env: Record<string, string>, logFile: string): Child {
  const log = createWriteStream(logFile);
  const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      log.write(`${line}\n`);
    });
  }
  const exited = new Promise((resolve) => child.once('close', resolve));
  void exited.then(() => log.end());
  return { child, exited, lines };
}

export async function untilLine(process: Child, text: string, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!process.lines.some((line) => line.includes(text))) {
    if (process.child.exitCode !== null) throw new Error(`${what} exited:\n${process.lines.slice(-30).join('\n')}`);
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs / 1000} s:\n${process.lines.slice(-30).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function stopChild(process: Child | undefined): Promise<void> {
  if (process && process.child.exitCode === null && process.child.signalCode === null) {
    globalThis.process.kill(-process.child.pid!, 'SIGINT');
    await process.exited;
  }
}

/** The embedded mode's demo sign-in: pick the user `<agency>/<role>@<area>` and sign in. */
export async function signInAs(page: Page, dashboardUrl: string, user: string): Promise<void> {
  await page.goto(`${dashboardUrl}/`);
  const option = page.locator(`[data-testid="demo-user"] option[data-label="${user}"]`);
  await option.waitFor({ state: 'attached' });
  await page.getByTestId('demo-user').selectOption((await option.getAttribute('value'))!);
  await page.getByTestId('demo-sign-in').click();
  await page.getByTestId('user-badge').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Đăng xuất|Sign out/ }).click();
  await page.getByTestId('demo-sign-in').waitFor();
}

/** The local provider: the certified `oidc-provider` package, one account per `<agency>.<role>@<area>`. */
export function startProvider(port: number, dashboardOrigin: string, artifacts: string, accessTokenSeconds: number): Child {
  return startChild('node', [join(REPO_ROOT, 'apps', 'dashboard', 'e2e', 'oidc-test-provider.mjs'), String(port), dashboardOrigin], { OIDC_ACCESS_TOKEN_SECONDS: String(accessTokenSeconds) }, join(artifacts, 'oidc-provider.log'));
}

/** Through the provider's own login page, back to the dashboard, until the header names the user. */
export async function signInThroughProvider(page: Page, dashboardUrl: string, issuer: string, login: string): Promise<void> {
  await page.goto(`${dashboardUrl}/`);
  await page.getByTestId('provider-sign-in').click();
  await page.waitForURL((url) => url.origin === issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('test-password');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.origin === dashboardUrl);
  await page.getByTestId('user-badge').waitFor();
}

/** Signs out at the dashboard and at the provider (its confirmation page), back on the sign-in page. */
export async function signOutThroughProvider(page: Page, issuer: string): Promise<void> {
  await page.getByRole('button', { name: /Đăng xuất|Sign out/ }).click();
  await page.waitForURL((url) => url.origin === issuer);
  await page.locator('button[name="logout"][value="yes"], button[autofocus]').first().click();
  await page.getByTestId('provider-sign-in').waitFor();
}

/** In the page: the access token oidc-client-ts keeps for the signed-in user in the tab's session storage (null when none). */
export const ACCESS_TOKEN_IN_PAGE = `(() => {
  const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'));
  return key ? JSON.parse(sessionStorage.getItem(key)).access_token ?? null : null;
})()`;

/** The access token the dashboard holds for the signed-in user. */
export async function accessTokenOf(page: Page): Promise<string> {
  const token = (await page.evaluate(ACCESS_TOKEN_IN_PAGE)) as string | null;
  if (!token) throw new Error('no access token of the provider in the tab');
  return token;
}
