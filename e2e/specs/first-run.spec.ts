import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors, launchBrowser, saveScreenshot } from '../support/browser.js';
import { unexpectedErrors } from '../support/pages.js';
import { startProductServer, type ProductServer } from '../support/product-server.js';

/** `npm start` on a fresh machine: no account, so the terminal shows a one-time setup link. */
describe('first run: the administrator from the printed link', () => {
  let server: ProductServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startProductServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates the administrator in the browser, signs them in, and the link is spent', async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(`${server.url}/dashboard`);
    await page.getByRole('heading', { name: 'Recruiter sign-in' }).waitFor();
    await page.getByRole('note').filter({ hasText: 'one-time link' }).waitFor();
    await saveScreenshot(page, 'first-run-sign-in');

    await expect.poll(() => server.output()).toMatch(/Create the administrator/);
    const link = /http:\/\/\S+\/dashboard\/setup#token=\S+/.exec(server.output())?.[0] ?? '';
    const port = new URL(server.url).port;
    await page.goto(link.replace(/localhost:\d+/, `127.0.0.1:${port}`));
    await page.getByRole('heading', { name: 'Create the administrator' }).waitFor();
    await page.getByLabel('Your name').fill('Olive Owner');
    await page.getByLabel('Email').fill('owner@example.com');
    await page.getByLabel('Password (12 characters or more)').fill('a long first password');
    await saveScreenshot(page, 'first-run-setup');
    await page.getByRole('button', { name: 'Create the administrator' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');

    // The same link again: the install has its account now.
    await page.goto(link.replace(/localhost:\d+/, `127.0.0.1:${port}`));
    await page.getByLabel('Your name').fill('Mallory');
    await page.getByLabel('Email').fill('mallory@example.com');
    await page.getByLabel('Password (12 characters or more)').fill('another long password');
    await page.getByRole('button', { name: 'Create the administrator' }).click();
    await page.getByRole('alert').filter({ hasText: 'already has an account' }).waitFor();
    expect(unexpectedErrors(errors, [409])).toEqual([]);
  });
});
