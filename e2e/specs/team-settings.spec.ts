import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors, launchBrowser, saveScreenshot } from '../support/browser.js';
import { signInAsRecruiter, unexpectedErrors } from '../support/pages.js';
import { ADMIN_ENV } from '../support/product.js';
import { startProductServer, type ProductServer } from '../support/product-server.js';

describe('settings, team invitations, the funnel and the candidate link', () => {
  let server: ProductServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startProductServer(ADMIN_ENV);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an administrator makes an API key, is refused a private webhook URL, and invites a recruiter who joins', async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await signInAsRecruiter(page, server.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

    // An API key is shown once.
    await page.getByLabel('Key name').fill('Our ATS');
    await page.getByRole('button', { name: 'Make key' }).click();
    const key = await page.getByLabel('New API key').inputValue();
    expect(key).toMatch(/^sk_/);
    await page
      .getByRole('table', { name: 'API keys' })
      .getByRole('cell', { name: 'Our ATS', exact: true })
      .waitFor();

    // A webhook to a loopback address is refused with the API's message; no request leaves.
    await page.getByLabel('Endpoint URL').fill('https://127.0.0.1/hook');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page
      .getByRole('form', { name: 'Add a webhook endpoint' })
      .getByRole('alert')
      .getByText(/private, loopback or link-local/)
      .waitFor();

    await page.getByLabel('Email to invite').fill('rita@example.com');
    await page.getByRole('button', { name: 'Invite' }).click();
    const link = await page.getByLabel('Invitation link').inputValue();
    expect(link).toContain('/dashboard/invite#token=');
    await page.getByRole('table', { name: 'Audit log' }).waitFor();
    await saveScreenshot(page, 'settings');

    // The invited recruiter joins from the link in a browser of their own.
    const context = await browser.newContext();
    const invited = await context.newPage();
    const invitedErrors = collectConsoleErrors(invited);
    await invited.goto(link);
    await invited.getByText('rita@example.com').waitFor();
    await invited.getByLabel('Your name').fill('Rita Recruiter');
    await invited.getByLabel('Password (12 characters or more)').fill('a password long enough');
    await invited.getByRole('button', { name: 'Create my account' }).click();
    await invited.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
    // A recruiter has no Settings.
    expect(await invited.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await context.close();

    expect(unexpectedErrors(errors, [400])).toEqual([]);
    expect(unexpectedErrors(invitedErrors)).toEqual([]);
  });

  it('the job page shows its funnel', async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await signInAsRecruiter(page, server.url);
    await page.getByRole('link', { name: 'Jobs' }).click();
    await page.getByRole('link', { name: /Edit/ }).first().click();
    await page.getByRole('heading', { name: 'Funnel' }).waitFor();
    await page.getByText('No applications in this period.').waitFor();
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('a candidate link that does not exist says so', async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(`${server.url}/my-call#token=made-up`);
    await page
      .getByRole('alert')
      .getByText(/does not open any call/)
      .waitFor();
    expect(unexpectedErrors(errors, [404])).toEqual([]);
  });
});
