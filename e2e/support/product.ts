/** The recruiter account the browser tests start the product with (ADMIN_EMAIL/ADMIN_PASSWORD). */
export const TEST_ADMIN = {
  email: 'recruiter@example.com',
  password: 'e2e password long enough',
} as const;

export const ADMIN_ENV = { ADMIN_EMAIL: TEST_ADMIN.email, ADMIN_PASSWORD: TEST_ADMIN.password };
