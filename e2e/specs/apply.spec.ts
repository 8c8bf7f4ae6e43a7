import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors, launchBrowser, saveScreenshot } from '../support/browser.js';
import { holdSimulatedConversation } from '../support/candidate.js';
import { signInAsRecruiter, unexpectedErrors } from '../support/pages.js';
import { ADMIN_ENV } from '../support/product.js';
import { startProductServer, type ProductServer } from '../support/product-server.js';

const RESUME = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/ada-resume.txt',
);

describe('candidate flow and the recruiter review, simulated mode', () => {
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

  const openApplyPage = async (page: Page): Promise<void> => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Apply for Senior Backend Engineer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Senior Backend Engineer' }).waitFor();
  };

  it('refuses a bad file with the API message, and keeps Call Me Now off until all is valid', async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await openApplyPage(page);
    const callButton = page.getByRole('button', { name: 'Call Me Now' });
    expect(await callButton.isDisabled()).toBe(true);
    await saveScreenshot(page, 'apply-form');

    // A file that says PDF but is not one.
    const folder = mkdtempSync(path.join(tmpdir(), 'screenline-bad-'));
    const badFile = path.join(folder, 'resume.pdf');
    writeFileSync(
      badFile,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    );
    await page.getByLabel('Resume').setInputFiles(badFile);
    const alert = page.getByRole('alert').filter({ hasText: 'resume.pdf' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/resume\.pdf: .{10,}/);
    await saveScreenshot(page, 'apply-bad-file');

    await page.getByLabel('Resume').setInputFiles(RESUME);
    await page.getByRole('group', { name: 'From your resume' }).waitFor();
    expect(await page.getByLabel('Name').inputValue()).toBe('Ada Quinn');

    const phone = page.getByLabel('Phone number');
    const consent = page.getByRole('checkbox', { name: /^I agree/ });
    expect(await consent.isChecked()).toBe(false);
    const consentName = (await consent.evaluate((box) => box.closest('label')?.textContent)) ?? '';
    expect(consentName).toMatch(/AI assistant will call/);
    expect(consentName).toMatch(/recorded and transcribed/);
    expect(consentName).toMatch(/stop calling me/);

    await phone.fill('+19005551234');
    await page.getByText(/not premium-rate/).waitFor();
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    await consent.check();
    expect(await callButton.isDisabled()).toBe(true);
    await saveScreenshot(page, 'apply-premium-number');

    await phone.fill('+1 555');
    await page.getByText(/not valid|does not look like/).waitFor();
    expect(await callButton.isDisabled()).toBe(true);
    await saveScreenshot(page, 'apply-invalid-number');

    // A valid number in a country the operator does not call: the server refuses, the page says why.
    await phone.fill('+44 7400 123456');
    await page.getByText('We will call +447400123456.').waitFor();
    await callButton.click();
    await page.getByRole('alert').filter({ hasText: 'We can only call numbers in' }).waitFor();
    await saveScreenshot(page, 'apply-country-refused');

    // The picker followed the +44 number; a national number needs the country set back.
    expect(await page.getByLabel('Country').inputValue()).toBe('GB');
    await page.getByLabel('Country').selectOption('US');
    await phone.fill('(213) 373-4253');
    await page.getByText('We will call +12133734253.').waitFor();
    // The refusal was about the old number: it goes once the number changes.
    expect(await page.getByText('We can only call numbers in').count()).toBe(0);
    await consent.uncheck();
    expect(await callButton.isDisabled()).toBe(true);
    await consent.check();
    expect(await callButton.isEnabled()).toBe(true);
    await saveScreenshot(page, 'apply-ready');

    // Down to a phone's width, nothing scrolls sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'apply-ready-phone');
    expect(unexpectedErrors(errors, [400, 403, 415, 422])).toEqual([]);
  });

  it('at night where the candidate is, says when a phone call would have rung', async () => {
    // A browser in a zone where it is now between 01:00 and 05:00: outside any calling window.
    const context = await browser.newContext({ timezoneId: zoneAtNight() });
    const page = await context.newPage();
    await openApplyPage(page);
    // Another candidate's resume: one call per application, and Ada's comes in the next test.
    const folder = mkdtempSync(path.join(tmpdir(), 'screenline-night-'));
    const resume = path.join(folder, 'night-owl-resume.txt');
    writeFileSync(resume, readFileSync(RESUME, 'utf8').replace('Ada Quinn', 'Nora Night'));
    await page.getByLabel('Resume').setInputFiles(resume);
    await page.getByRole('group', { name: 'From your resume' }).waitFor();
    await page.getByLabel('Phone number').fill('+12133734255');
    await page.getByRole('checkbox', { name: /^I agree/ }).check();
    await page.getByRole('button', { name: 'Call Me Now' }).click();
    await page.getByRole('heading', { name: 'Your screening call' }).waitFor();
    const note = page.getByText(/outside calling hours where you are/);
    await note.waitFor();
    expect(await note.textContent()).toMatch(/would wait until .*9:00 AM/);
    await saveScreenshot(page, 'call-outside-calling-hours');
    await context.close();
  });

  it('walks a whole simulated screen, then the recruiter reads the scorecard and decides', async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await openApplyPage(page);
    await page.getByLabel('Resume').setInputFiles(RESUME);
    await page.getByRole('group', { name: 'From your resume' }).waitFor();
    await page.getByLabel('Name').fill('Ada Quinn');
    await page.getByLabel('Phone number').fill('+12133734253');
    // Keyboard only: Space ticks the consent, Tab reaches the button, Enter presses it.
    await page.getByRole('checkbox', { name: /^I agree/ }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Call Me Now');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Your screening call' }).waitFor();
    await page.getByRole('region', { name: 'Transcript' }).locator('li').first().waitFor();
    await page.getByText('Mode: Simulated').first().waitFor();
    await saveScreenshot(page, 'call-in-progress');

    // A reload during the call brings the same call back, transcript and all.
    await page.reload();
    await page.getByRole('heading', { name: 'Your screening call' }).waitFor();
    await page.getByRole('region', { name: 'Transcript' }).locator('li').first().waitFor();

    const answered = await holdSimulatedConversation(page).catch(async (error: unknown) => {
      await saveScreenshot(page, 'call-failure');
      throw error;
    });
    expect(answered).toBeGreaterThan(3);
    await page.getByText('Call status: Completed').waitFor();
    await page.getByRole('heading', { name: /Thank you/ }).waitFor();
    await saveScreenshot(page, 'call-completed');
    await page.getByRole('radio', { name: 'Good', exact: true }).check();
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thanks for rating the call.').waitFor();
    expect(unexpectedErrors(errors)).toEqual([]);

    // The recruiter's side.
    const recruiter = await browser.newPage();
    const recruiterErrors = collectConsoleErrors(recruiter);
    await signInAsRecruiter(recruiter, server.url);
    await recruiter.getByRole('link', { name: 'Ada Quinn' }).waitFor();
    await saveScreenshot(recruiter, 'dashboard-interviews');
    await recruiter.getByRole('link', { name: 'Ada Quinn' }).click();
    await recruiter.getByRole('heading', { level: 1, name: 'Ada Quinn' }).waitFor();
    // Scoring may finish just after the call; reload until the scorecard is there.
    for (let attempt = 0; attempt < 20; attempt += 1) {
      if ((await recruiter.getByText(/^Suggestion:/).count()) > 0) break;
      await recruiter
        .waitForResponse((response) => response.url().includes('/review'), {
          timeout: 5_000,
        })
        .catch(() => undefined);
      await recruiter.reload();
      await recruiter.getByRole('heading', { level: 1, name: 'Ada Quinn' }).waitFor();
    }
    await recruiter.getByText(/^Suggestion:/).waitFor();
    // Each knock-out shows the value read from the answer, not only pass or fail.
    const knockouts = recruiter.getByRole('table', { name: 'Knock-out answers' });
    await knockouts.getByText('Read as: 14 days').waitFor();
    await knockouts.getByText('Read as: 150000 USD per year').waitFor();
    const transcript = recruiter.getByRole('region', { name: 'Transcript' });
    expect(await transcript.locator('li').count()).toBeGreaterThan(6);
    expect(await recruiter.locator('meter.score-bar').count()).toBeGreaterThan(0);
    await saveScreenshot(recruiter, 'dashboard-interview');

    await recruiter.getByRole('button', { name: 'Advance' }).click();
    await recruiter.getByText(/^Advanced by Administrator on/).waitFor();
    await recruiter.getByLabel('Add a note').fill('Strong on Kafka; ask about team size.');
    await recruiter.getByRole('button', { name: 'Save note' }).click();
    await recruiter.getByText('Strong on Kafka; ask about team size.').waitFor();
    await saveScreenshot(recruiter, 'dashboard-interview-decided');

    // The resume is a download of the file the candidate sent, under the name it was sent with.
    const [download] = await Promise.all([
      recruiter.waitForEvent('download'),
      recruiter.getByRole('link', { name: 'Download resume' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ada-resume.txt');
    expect(readFileSync(await download.path(), 'utf8')).toBe(readFileSync(RESUME, 'utf8'));

    // A simulated call has no audio, so no player. A LiveKit call's recording is served by the
    // backend (tested there against a strict S3 stand-in); here the review is made to name one.
    expect(await recruiter.getByLabel('Call recording').count()).toBe(0);
    await recruiter.route('**/api/interviews/*/review', async (route) => {
      const response = await route.fetch();
      const review = (await response.json()) as { interview: Record<string, unknown> };
      review.interview.recordingUrl = '/e2e-recording.wav';
      await route.fulfill({ response, json: review });
    });
    await recruiter.route('**/e2e-recording.wav', (route) =>
      route.fulfill({ status: 200, contentType: 'audio/wav', body: toneWav(2) }),
    );
    await recruiter.reload();
    const player = recruiter.getByLabel('Call recording');
    await player.waitFor();
    const duration = await player.evaluate(
      (audio: HTMLAudioElement) =>
        new Promise<number>((resolve) => {
          if (audio.readyState >= 1) resolve(audio.duration);
          else audio.addEventListener('loadedmetadata', () => resolve(audio.duration));
        }),
    );
    expect(duration).toBeCloseTo(2, 1);
    await saveScreenshot(recruiter, 'dashboard-interview-recording');
    // An expired or deleted recording says what to do instead of showing a dead player.
    await recruiter.unroute('**/e2e-recording.wav');
    await recruiter.route('**/e2e-recording.wav', (route) =>
      route.fulfill({ status: 403, body: 'expired' }),
    );
    await recruiter.reload();
    await recruiter
      .getByRole('alert')
      .filter({ hasText: 'recording could not be loaded' })
      .waitFor();
    await recruiter.unrouteAll();
    // A criterion nothing was said about reads "Not determined", with no bar: not the floor 1 / 5.
    await recruiter.route('**/api/interviews/*/review', async (route) => {
      const response = await route.fetch();
      const review = (await response.json()) as {
        scorecard: { criteria: { score: number; evidence: unknown[] }[] };
      };
      const [first] = review.scorecard.criteria;
      if (first !== undefined) Object.assign(first, { score: 1, evidence: [] });
      await route.fulfill({ response, json: review });
    });
    await recruiter.reload();
    const criteria = recruiter.locator('ul.criteria > li');
    await criteria.first().getByText('Not determined', { exact: true }).waitFor();
    expect(await criteria.first().locator('meter').count()).toBe(0);
    expect(await recruiter.locator('meter.score-bar').count()).toBe((await criteria.count()) - 1);
    await recruiter.unrouteAll();
    await recruiter.reload();
    await recruiter.getByRole('heading', { level: 1, name: 'Ada Quinn' }).waitFor();
    await recruiter.setViewportSize({ width: 375, height: 800 });
    expect(await horizontalOverflow(recruiter)).toBeLessThanOrEqual(0);
    await saveScreenshot(recruiter, 'dashboard-interview-phone');
    await recruiter.setViewportSize({ width: 1280, height: 900 });

    // LAW-6: the administrator erases the candidate on request; the list no longer has them.
    await recruiter.getByRole('button', { name: "Erase candidate's data…" }).click();
    await recruiter.getByText(/It cannot be undone/).waitFor();
    // The safe choice has the focus; declining puts it back on the button.
    expect(await recruiter.evaluate(() => document.activeElement?.textContent)).toBe(
      'Keep the data',
    );
    await recruiter.keyboard.press('Enter');
    expect(await recruiter.evaluate(() => document.activeElement?.textContent)).toBe(
      "Erase candidate's data…",
    );
    await recruiter.getByRole('button', { name: "Erase candidate's data…" }).click();
    await saveScreenshot(recruiter, 'dashboard-erase-confirm');
    await recruiter.getByRole('button', { name: 'Erase permanently' }).click();
    await recruiter.getByRole('heading', { name: 'Candidate data erased' }).waitFor();
    expect(await recruiter.getByRole('status').textContent()).toMatch(/1 interview, 1 resume/);
    await recruiter.getByRole('link', { name: '← All interviews' }).click();
    // The night-time candidate of the test before is still listed; Ada is not.
    await recruiter.getByRole('link', { name: 'Nora Night' }).waitFor();
    expect(await recruiter.getByRole('link', { name: 'Ada Quinn' }).count()).toBe(0);
    // The 403 is the expired recording above, on purpose.
    expect(unexpectedErrors(recruiterErrors, [403])).toEqual([]);
  });
});

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** A mono 8 kHz PCM WAV of a soft 440 Hz tone, `seconds` long: audio the browser can decode. */
function toneWav(seconds: number): Buffer {
  const rate = 8_000;
  const samples = rate * seconds;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let index = 0; index < samples; index += 1) {
    wav.writeInt16LE(
      Math.round(3_000 * Math.sin((2 * Math.PI * 440 * index) / rate)),
      44 + index * 2,
    );
  }
  return wav;
}

/** An `Etc/GMT±n` zone in which it is now between 01:00 and 05:00. */
function zoneAtNight(): string {
  const hourUtc = new Date().getUTCHours();
  // Etc/GMT+n is n hours behind UTC (the sign is inverted, as POSIX has it).
  for (let offset = -12; offset <= 14; offset += 1) {
    const local = (hourUtc + offset + 24) % 24;
    if (local >= 1 && local <= 4) {
      return offset === 0
        ? 'Etc/GMT'
        : `Etc/GMT${offset > 0 ? '-' : '+'}${String(Math.abs(offset))}`;
    }
  }
  return 'Etc/GMT';
}
