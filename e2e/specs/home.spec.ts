import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors, launchBrowser, saveScreenshot } from '../support/browser.js';
import { startProductServer, type ProductServer } from '../support/product-server.js';

describe('home page on the embedded default', () => {
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

  it('shows the product, the simulated mode and the demo job', async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Open jobs' }).waitFor();
    await page.getByText('Mode: Simulated').waitFor();
    const jobHeading = page.getByRole('heading', { name: 'Senior Backend Engineer' });
    await jobHeading.waitFor();
    await saveScreenshot(page, 'home');

    await page.getByRole('link', { name: 'Apply for Senior Backend Engineer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Senior Backend Engineer' }).waitFor();
    expect(page.url()).toMatch(/\/apply\/[0-9a-f-]{36}$/);
    await saveScreenshot(page, 'apply-job-brief');
    expect(errors).toEqual([]);
  });

  it('leads a recruiter from the header to the sign-in page, which says how to get an account', async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(server.url);
    await page.getByRole('link', { name: 'For recruiters' }).click();
    await page.getByRole('heading', { name: 'Recruiter sign-in' }).waitFor();
    await page.getByText('npx screenline create-admin', { exact: false }).waitFor();
    await saveScreenshot(page, 'sign-in-from-header');
    expect(errors).toEqual([]);
  });

  it('keeps client-side routes working after a reload', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.title()).toBe('Screenline');
  });
});
