import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors, launchBrowser, saveScreenshot } from '../support/browser.js';
import { signInAsRecruiter, unexpectedErrors } from '../support/pages.js';
import { ADMIN_ENV, TEST_ADMIN } from '../support/product.js';
import { startProductServer, type ProductServer } from '../support/product-server.js';

const RESUME = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/ada-resume.txt',
);

describe('recruiter dashboard', () => {
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

  it('asks for sign-in, shows the API message for a wrong password, signs in and out', async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(`${server.url}/dashboard`);
    await page.getByRole('heading', { name: 'Recruiter sign-in' }).waitFor();
    // Signed out, the page never asks the API who is signed in: no 401 in the console.
    expect(errors).toEqual([]);
    await saveScreenshot(page, 'dashboard-sign-in');

    await page.getByLabel('Email').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The email or password is incorrect.').waitFor();
    await saveScreenshot(page, 'dashboard-sign-in-error');

    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
    await page.getByText(/No interviews yet/).waitFor();
    await saveScreenshot(page, 'dashboard-interviews-empty');

    // A reload keeps the session (cookie), then sign-out ends it.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Recruiter sign-in' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    expect(unexpectedErrors(errors, [401])).toEqual([]);
  });

  it('creates a job with a knock-out and a rubric, closes and reopens it', async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await signInAsRecruiter(page, server.url);
    await page.getByRole('link', { name: 'Jobs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor();
    await page.getByRole('heading', { name: 'Senior Backend Engineer' }).waitFor();
    // FR-6: the administrator's switch; simulated mode says it takes effect in phone mode.
    await page.getByRole('heading', { name: 'Outbound calls' }).waitFor();
    await page.getByText(/takes effect in phone mode/).waitFor();
    await saveScreenshot(page, 'dashboard-jobs');
    await page.getByRole('button', { name: 'Pause all calls' }).click();
    await page.getByRole('button', { name: 'Resume calls' }).click();
    await page.getByRole('button', { name: 'Pause all calls' }).waitFor();

    await page.getByRole('link', { name: 'New job' }).click();
    await page.getByRole('heading', { level: 1, name: 'New job' }).waitFor();
    await page.getByLabel('Title').fill('Customer Support Lead');
    await page.getByLabel('Company').fill('Northwind Labs');
    await page.getByLabel('Location').fill('Lisbon');
    await page.getByLabel('Description').fill('Lead a team of six support engineers.');
    await page
      .getByLabel('Requirements (one per line)')
      .fill('3+ years in support\nLeading a team');
    await page.getByRole('button', { name: 'Add a knock-out question' }).click();
    const knockout = page.getByRole('group', { name: 'Knock-out 1' });
    await knockout.getByLabel('Question').fill('Can you work one weekend a month?');
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    const criterion = page.getByRole('group', { name: 'Criterion 1' });
    await criterion.getByLabel('Criterion name').fill('Team leadership');
    await criterion.getByLabel('Weight').fill('3');
    await saveScreenshot(page, 'dashboard-job-editor');
    await page.getByRole('button', { name: 'Create job' }).click();

    await page.getByRole('heading', { name: 'Customer Support Lead' }).waitFor();
    await page.getByRole('button', { name: 'Close Customer Support Lead' }).click();
    await page.getByRole('button', { name: 'Reopen Customer Support Lead' }).waitFor();
    // Closing says what it did to the calls still to come (a new job has none).
    await page.getByText('No calls were waiting for this job.').waitFor();
    await page.getByRole('button', { name: 'Reopen Customer Support Lead' }).click();
    await page.getByRole('button', { name: 'Close Customer Support Lead' }).waitFor();

    await page.getByRole('link', { name: 'Edit Customer Support Lead' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit job' }).waitFor();
    expect(
      await page.getByRole('group', { name: 'Knock-out 1' }).getByLabel('Question').inputValue(),
    ).toBe('Can you work one weekend a month?');
    await page.getByLabel('Title').fill('');
    await page.getByLabel('Title').fill('X');
    await page.getByRole('button', { name: 'Save changes' }).click();
    // Browser validation stops a one-letter title before the API (minLength 2).
    expect(
      await page
        .getByLabel('Title')
        .evaluate((input) => (input as HTMLInputElement).validity.valid),
    ).toBe(false);
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('fits a phone screen', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await signInAsRecruiter(page, server.url);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'dashboard-interviews-phone');
    await context.close();
  });

  /** Applies in the browser as `name` and answers each of the assistant's lines with `replies`, in order. */
  const applyAndAnswer = async (
    name: string,
    phone: string,
    replies: string[],
    // One application (resume and job) has one pending call: a callback left by an earlier test
    // holds the first resume's.
    resume = RESUME,
  ): Promise<{ thanks: string }> => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Apply for Senior Backend Engineer' }).click();
    await page.getByLabel('Resume').setInputFiles(resume);
    await page.getByRole('group', { name: 'From your resume' }).waitFor();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Phone number').fill(phone);
    await page.getByRole('checkbox', { name: /^I agree/ }).check();
    await page.getByRole('button', { name: 'Call Me Now' }).click();
    // Exact: the apply form's own heading is "Get your screening call".
    await page.getByRole('heading', { name: 'Your screening call', exact: true }).waitFor();
    const answer = page.getByRole('textbox', { name: 'Your answer' });
    for (const [index, reply] of replies.entries()) {
      // The assistant's line number `index + 1` is on the page and the field is open again.
      await page.waitForFunction((agentLines) => {
        const input = document.querySelector<HTMLInputElement>('.answer-box input');
        return (
          input !== null &&
          !input.disabled &&
          document.querySelectorAll('.transcript .turn-agent').length >= agentLines
        );
      }, index + 1);
      await answer.fill(reply);
      await answer.press('Enter');
    }
    await page.getByText(/Call status: (Completed|Scheduled)/).waitFor();
    const heading = page.locator('#thanks-heading');
    const thanks = (await heading.count()) > 0 ? await heading.innerText() : '';
    await page.close();
    return { thanks };
  };

  /** The recruiter's view of the candidate's interview: who each candidate-side turn is said by, and the timeline. */
  const reviewOf = async (name: string): Promise<{ speakers: string[]; timeline: string }> => {
    const recruiter = await browser.newPage();
    await signInAsRecruiter(recruiter, server.url);
    await recruiter.getByRole('link', { name }).first().click();
    await recruiter.getByRole('heading', { level: 1, name }).waitFor();
    const transcript = recruiter.getByRole('region', { name: 'Transcript' });
    await transcript.locator('.turn-candidate').first().waitFor();
    const speakers = await transcript.locator('.turn-candidate strong').allInnerTexts();
    const timeline = await recruiter.locator('main').innerText();
    await recruiter.close();
    return { speakers, timeline };
  };

  it('a call answered by the wrong person shows their words as the person who answered, not the candidate', async () => {
    await applyAndAnswer('Wren Okafor', '+12133734299', [
      "Wrong number, there's nobody here by that name.",
    ]);
    const { speakers } = await reviewOf('Wren Okafor');
    expect(speakers).toEqual(['Person who answered']);
  });

  it('a callback set by a relative who answered: their words and the callback are marked as theirs', async () => {
    await applyAndAnswer('Noor Adeyemi', '+12133734298', [
      "She isn't here right now, this is her brother.",
      'Try her tomorrow around six in the evening.',
    ]);
    const { speakers, timeline } = await reviewOf('Noor Adeyemi');
    expect(speakers).toEqual(['Person who answered', 'Person who answered']);
    expect(timeline).toContain('(callback requested by the person who answered)');
  });

  it('a candidate who withdraws is told so, and the recruiter sees why the screen ended', async () => {
    const { thanks } = await applyAndAnswer(
      'Ines Moreau',
      '+12133734297',
      [
        'Yes, that is me.',
        'Actually, I should say I already accepted another offer.',
        'Yes, sorry about that.',
      ],
      path.join(path.dirname(RESUME), 'jordan-resume.txt'),
    );
    expect(thanks).toBe('Thank you, your application is withdrawn');
    const { timeline } = await reviewOf('Ines Moreau');
    expect(timeline).toContain('(withdrew)');
  });
});
