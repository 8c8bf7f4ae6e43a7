// Web mode (LiveKit credentials, no SIP trunk) asks for no phone number. LiveKit's server API is
// the backend's strict emulator (real Twirp paths, bodies decoded with @livekit/protocol, grants
// checked), so this runs with no LiveKit server; the call itself over real media is the
// real-stack suite's. The browser's join to the emulator fails, which this test does not judge.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startLiveKitEmulator,
  type LiveKitEmulator,
} from '../../backend/src/test-support/livekit-emulator/index.js';
import { collectConsoleErrors, launchBrowser, saveScreenshot } from '../support/browser.js';
import { signInAsRecruiter } from '../support/pages.js';
import { ADMIN_ENV } from '../support/product.js';
import { startProductServer, type ProductServer } from '../support/product-server.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const RESUME = path.join(FIXTURES, 'ada-resume.txt');
const SECOND_RESUME = path.join(FIXTURES, 'jordan-resume.txt');
const API_KEY = 'APIe2eweb';
const API_SECRET = 'e2e-web-mode-secret-e2e-web-mode-secret-01';

describe('candidate flow in web mode: no phone number', () => {
  let emulator: LiveKitEmulator;
  let server: ProductServer;
  let browser: Browser;

  beforeAll(async () => {
    emulator = await startLiveKitEmulator({ apiKey: API_KEY, apiSecret: API_SECRET });
    server = await startProductServer({
      ...ADMIN_ENV,
      LIVEKIT_URL: emulator.url,
      LIVEKIT_API_KEY: API_KEY,
      LIVEKIT_API_SECRET: API_SECRET,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await emulator?.stop();
  });

  it('the apply page has no phone field, says what will happen, and starts a screen in the browser', async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    const failedUrls: string[] = [];
    page.on('requestfailed', (request) => failedUrls.push(request.url()));
    await page.goto(server.url);
    await page.getByText('Mode: Web call').first().waitFor();
    await page.getByRole('link', { name: 'Apply for Senior Backend Engineer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Senior Backend Engineer' }).waitFor();

    const startButton = page.getByRole('button', { name: 'Start My Screen' });
    await startButton.waitFor();
    expect(await startButton.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Call Me Now' }).count()).toBe(0);
    await page.getByLabel('Resume').setInputFiles(RESUME);
    await page.getByRole('group', { name: 'From your resume' }).waitFor();
    // The resume has a number in it; web mode still asks for none and shows none to fill.
    expect(await page.getByLabel('Phone number').count()).toBe(0);
    expect(await page.getByLabel('Country').count()).toBe(0);
    expect(await page.locator('input[type="tel"]').count()).toBe(0);

    const consent = page.getByRole('checkbox', { name: /^I agree/ });
    const consentText = (await consent.evaluate((box) => box.closest('label')?.textContent)) ?? '';
    expect(consentText).toMatch(/in this browser/);
    expect(consentText).toMatch(/AI assistant/);
    expect(consentText).toMatch(/recorded and transcribed/);
    expect(consentText).toMatch(/Start My Screen/);
    expect(consentText).not.toMatch(/phone call|number I entered|Call Me Now/);
    expect(await page.getByText(/To continue: tick the consent box\./).count()).toBe(1);
    await consent.check();
    expect(await startButton.isEnabled()).toBe(true);
    await saveScreenshot(page, 'apply-web-mode-ready');

    const startRequest = page.waitForRequest((request) =>
      request.url().endsWith('/api/interview/start-phone-screen'),
    );
    const startResponse = page.waitForResponse((response) =>
      response.url().endsWith('/api/interview/start-phone-screen'),
    );
    await startButton.click();
    const sent = (await startRequest).postDataJSON() as Record<string, unknown>;
    expect(sent).not.toHaveProperty('phone');
    expect(sent.consentTextVersion).toMatch(/web/);
    const answer = await startResponse;
    expect(answer.status()).toBe(202);
    const { interview, webCall } = (await answer.json()) as {
      interview: { id: string; mode: string };
      webCall?: { room: string };
    };
    expect(interview.mode).toBe('web');
    await page.getByRole('heading', { name: 'Your screening call' }).waitFor();
    // The agent's own voice speaks in the room: no second, synthesised reading of its lines.
    expect(await page.getByRole('button', { name: /^Sound o/ }).count()).toBe(0);

    // The room was made with the agent dispatched into it, and nothing dialled.
    expect(webCall?.room).toBe(`screen-${interview.id}-1`);
    expect(emulator.dispatches.map((dispatch) => dispatch.room)).toEqual([webCall?.room]);
    expect(emulator.callsTo('CreateSIPParticipant')).toHaveLength(0);
    await saveScreenshot(page, 'call-web-mode-started');

    // The recruiter sees a web call, not a number.
    const recruiter = await browser.newPage();
    await signInAsRecruiter(recruiter, server.url);
    await recruiter.getByRole('link', { name: 'Ada Quinn' }).click();
    await recruiter.getByRole('heading', { level: 1, name: 'Ada Quinn' }).waitFor();
    await recruiter.getByText(/· Web call/).waitFor();
    await saveScreenshot(recruiter, 'dashboard-web-call');

    // Only the browser's join to the emulator (which serves no WebRTC) may fail here: every failed
    // request went there, and the console says nothing else.
    const emulatorHost = new URL(emulator.url).host;
    expect(failedUrls.filter((url) => new URL(url).host !== emulatorHost)).toEqual([]);
    expect(
      errors.filter(
        (error) =>
          !error.includes(emulatorHost) &&
          !/signal|websocket/i.test(error) &&
          !(failedUrls.length > 0 && error === 'Failed to load resource: net::ERR_FAILED'),
      ),
    ).toEqual([]);
  });
  it("a screen put off on the call waits on the candidate's link, and starts from it in the browser", async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Apply for Senior Backend Engineer' }).click();
    await page.getByLabel('Resume').setInputFiles(SECOND_RESUME);
    await page.getByRole('group', { name: 'From your resume' }).waitFor();
    await page.getByRole('checkbox', { name: /^I agree/ }).check();
    const startResponse = page.waitForResponse((response) =>
      response.url().endsWith('/api/interview/start-phone-screen'),
    );
    await page.getByRole('button', { name: 'Start My Screen' }).click();
    const { interview } = (await (await startResponse).json()) as { interview: { id: string } };
    const firstRoom = `screen-${interview.id}-1`;

    // The agent, as the real one does with the token in its dispatch: the candidate is there,
    // then asks on the call to take the screen tomorrow instead.
    const dispatch = emulator.dispatches.find((item) => item.room === firstRoom);
    const { backendToken } = JSON.parse(dispatch?.metadata ?? '{}') as { backendToken?: string };
    const report = async (body: Record<string, unknown>) => {
      const response = await fetch(`${server.url}/api/agent/interviews/${interview.id}/events`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${backendToken ?? ''}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
    };
    await report({ event: 'answered' });
    const tomorrow = new Date(Date.now() + 26 * 3_600_000);
    tomorrow.setUTCSeconds(0, 0);
    await report({
      event: 'ended',
      reason: 'callback_requested',
      callback: { requestedText: 'tomorrow afternoon', requestedAt: tomorrow.toISOString() },
    });

    // The call page says where the screen is now, and never that someone will call.
    await page.getByRole('heading', { name: 'Your screen is waiting for you.' }).waitFor();
    expect(await page.getByText(/call you/i).count()).toBe(0);
    const linkHref = await page
      .getByRole('link', { name: 'your link to this call' })
      .getAttribute('href');
    expect(linkHref).toMatch(/#token=/);

    // Later, from the link: the screen is there to start, with nothing to move.
    const later = await browser.newPage();
    const laterErrors = collectConsoleErrors(later);
    await later.goto(new URL(linkHref ?? '', server.url).toString());
    const startNow = later.getByRole('button', { name: 'Start my screen now' });
    await startNow.waitFor();
    await later.getByText(/Your screen is waiting for you in this browser/).waitFor();
    expect(await later.getByRole('button', { name: 'Move the call' }).count()).toBe(0);
    expect(await later.getByText(/We will call you/).count()).toBe(0);
    await saveScreenshot(later, 'my-call-web-waiting');
    const joined = later.waitForResponse((response) =>
      response.url().endsWith('/api/my-call/join'),
    );
    await startNow.click();
    expect((await joined).status()).toBe(201);
    await later.getByRole('heading', { name: 'Your screening call' }).waitFor();
    await later.getByText(/Call status: (Dialing|Ringing|In progress)/).waitFor();
    // The new attempt's room, with the agent dispatched into it, and still nothing dialled.
    expect(emulator.dispatches.map((item) => item.room)).toContain(`screen-${interview.id}-2`);
    expect(emulator.callsTo('CreateSIPParticipant')).toHaveLength(0);
    await saveScreenshot(later, 'my-call-web-started');

    const emulatorHost = new URL(emulator.url).host;
    const unexpected = (list: string[]) =>
      list.filter(
        (error) =>
          !error.includes(emulatorHost) &&
          !/signal|websocket/i.test(error) &&
          error !== 'Failed to load resource: net::ERR_FAILED',
      );
    expect(unexpected(errors)).toEqual([]);
    expect(unexpected(laterErrors)).toEqual([]);
  });
});
