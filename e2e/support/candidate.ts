import type { Page } from 'playwright-core';

/** A candidate's reply to the scripted assistant's line: the answers a strong applicant gives. */
export function answerFor(agentLine: string): string {
  const line = agentLine.toLowerCase();
  if (line.includes('good time')) return 'Yes, now is a good time.';
  if (
    line.includes('speaking with') ||
    line.includes('applied for') ||
    line.includes('right person')
  )
    return 'Yes, that is me.';
  if (line.includes('yes or a no')) return 'Yes.';
  if (line.includes('authorized') || line.includes('sponsorship'))
    return 'Yes, I am authorized to work in the United States without sponsorship.';
  if (line.includes('days or weeks') || line.includes('notice') || line.includes('how soon'))
    return 'My notice period is two weeks.';
  if (line.includes('salary') || line.includes('rough number'))
    return 'I am looking for one hundred fifty thousand dollars per year.';
  if (line.includes('would you like to know') || line.includes('anything else'))
    return 'Nothing else, thank you.';
  return (
    'At Globex I built the order routing service in TypeScript on Node.js with PostgreSQL and ' +
    'Kafka on Kubernetes in AWS. I designed the schema, tuned the slow queries, owned the on-call ' +
    'rotation and mentored three engineers.'
  );
}

/**
 * Holds the simulated conversation from the candidate's side: waits until the assistant has
 * spoken a line not yet answered and the field is open, answers in "Your answer" with Enter, and
 * stops when the call panel says the call is over. Returns how many answers were sent.
 */
export async function holdSimulatedConversation(page: Page, maxTurns = 30): Promise<number> {
  const answer = page.getByRole('textbox', { name: 'Your answer' });
  let lastAnsweredTurnId = '';
  let answered = 0;
  while (answered < maxTurns) {
    const next = await page.waitForFunction(
      (answeredId) => {
        const status = document.querySelector('.call-status')?.textContent ?? '';
        if (/Completed|Opted out|Scheduled|Failed|Canceled/.test(status)) return { over: status };
        const input = document.querySelector<HTMLInputElement>('.answer-box input');
        const last = document.querySelector('.transcript li:last-child');
        if (input === null || input.disabled || last === null) return false;
        if (!last.classList.contains('turn-agent') || last.id === answeredId) return false;
        return { turnId: last.id, text: last.querySelector('.turn-text')?.textContent ?? '' };
      },
      lastAnsweredTurnId,
      { timeout: 20_000 },
    );
    const state = (await next.jsonValue()) as { over: string } | { turnId: string; text: string };
    if ('over' in state) break;
    lastAnsweredTurnId = state.turnId;
    await answer.fill(answerFor(state.text));
    await answer.press('Enter');
    answered += 1;
  }
  return answered;
}
