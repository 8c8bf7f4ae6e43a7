import type { Page } from 'playwright-core';
import { TEST_ADMIN } from './product.js';

/** Signs in on the dashboard's form and waits for the interviews page. */
export async function signInAsRecruiter(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/dashboard`);
  await page.getByLabel('Email').fill(TEST_ADMIN.email);
  await page.getByLabel('Password').fill(TEST_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
}

/** Console errors except the browser's own line for a 401/4xx the test provoked on purpose. */
export function unexpectedErrors(errors: string[], expectedStatuses: number[] = []): string[] {
  return errors.filter(
    (error) =>
      !expectedStatuses.some((status) =>
        error.includes(`the server responded with a status of ${status}`),
      ),
  );
}
