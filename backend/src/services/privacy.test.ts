import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SAMPLE_RESUME } from '@screenline/core';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../auth/recruiter-auth.js';
import { hashPassword } from '../auth/password.js';
import { UsersRepository } from '../auth/users-repository.js';
import { drivePersona } from './drive-persona.js';
import {
  buildInterviewTestApp,
  insertResume,
  type InterviewTestApp,
} from '../test/interview-test-kit.js';
import { insertInterview } from '../test/recruiter-fixtures.js';
import { TEST_ENGINES } from '../test/test-database.js';
import type { Database } from '../db/schema.js';
import { applyRetention } from './apply-retention.js';

const PHONE = '+12133734261';
const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };
const RECRUITER = { email: 'recruiter@example.com', password: 'another long passphrase' };

describe.each(TEST_ENGINES)('LAW-6 privacy on %s', (engine) => {
  let kit: InterviewTestApp;
  let dataDir: string;
  let db: Kysely<Database>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'screenline-privacy-'));
    kit = await buildInterviewTestApp(engine, {
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      RETENTION_DAYS: '0',
    });
    db = kit.database.db;
    await new UsersRepository(kit.database.db).create({
      email: RECRUITER.email,
      name: 'Recruiter',
      passwordHash: await hashPassword(RECRUITER.password),
      role: 'recruiter',
    });
  });
  afterAll(async () => {
    await kit.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function signIn(account: { email: string; password: string }) {
    const response = await kit.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: account,
    });
    return {
      [SESSION_COOKIE]: response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '',
    };
  }

  /** A finished, scored screen whose resume file is on disk, as an upload leaves it. */
  async function screenedCandidate(phone = PHONE) {
    const resumeId = await insertResume(kit.database, SAMPLE_RESUME);
    const { storage_key: storageKey } = await db
      .selectFrom('resumes')
      .select('storage_key')
      .where('id', '=', resumeId)
      .executeTakeFirstOrThrow();
    const file = path.join(dataDir, 'resumes', `${storageKey}.pdf`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '%PDF-1.7 resume');
    await db
      .updateTable('resumes')
      .set({ storage_key: path.relative(dataDir, file) })
      .where('id', '=', resumeId)
      .execute();
    const screen = await drivePersona(kit.app, kit.runtime, {
      jobId: kit.jobId,
      resumeId,
      phone,
      persona: 'qualified',
      resume: SAMPLE_RESUME,
    });
    expect(screen.scorecard).not.toBeNull();
    const { candidate_id: candidateId } = await db
      .selectFrom('interviews')
      .select('candidate_id')
      .where('id', '=', screen.interviewId)
      .executeTakeFirstOrThrow();
    return { candidateId, interviewId: screen.interviewId, resumeId, file };
  }

  async function rowsAbout(candidateId: string, interviewId: string) {
    const count = async (table: 'transcript_turns' | 'interview_events' | 'scorecards') =>
      (
        await db
          .selectFrom(table)
          .select('interview_id')
          .where('interview_id', '=', interviewId)
          .execute()
      ).length;
    return {
      candidates: (
        await db.selectFrom('candidates').select('id').where('id', '=', candidateId).execute()
      ).length,
      interviews: (
        await db.selectFrom('interviews').select('id').where('id', '=', interviewId).execute()
      ).length,
      consents: (
        await db
          .selectFrom('consents')
          .select('id')
          .where('candidate_id', '=', candidateId)
          .execute()
      ).length,
      turns: await count('transcript_turns'),
      events: await count('interview_events'),
      scorecards: await count('scorecards'),
    };
  }

  it('an administrator erases a candidate: rows, resume file, with an audit entry of counts only', async () => {
    const { candidateId, interviewId, file } = await screenedCandidate();
    expect(await rowsAbout(candidateId, interviewId)).toMatchObject({
      candidates: 1,
      interviews: 1,
      consents: 1,
      scorecards: 1,
    });
    expect(existsSync(file)).toBe(true);

    const admin = await signIn(ADMIN);
    const erased = await kit.app.inject({
      method: 'POST',
      url: `/api/candidates/${candidateId}/erase`,
      cookies: admin,
    });
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toEqual({ erased: { interviews: 1, resumes: 1, recordings: 0 } });
    expect(await rowsAbout(candidateId, interviewId)).toEqual({
      candidates: 0,
      interviews: 0,
      consents: 0,
      turns: 0,
      events: 0,
      scorecards: 0,
    });
    expect(existsSync(file)).toBe(false);

    const audit = await db
      .selectFrom('privacy_audit')
      .selectAll()
      .where('subject_id', '=', candidateId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'candidate_erased', reason: 'request' });
    const written = JSON.stringify(audit);
    for (const personal of [PHONE, SAMPLE_RESUME.name ?? 'x', SAMPLE_RESUME.email ?? 'x']) {
      expect(written).not.toContain(personal);
    }

    const again = await kit.app.inject({
      method: 'POST',
      url: `/api/candidates/${candidateId}/erase`,
      cookies: admin,
    });
    expect(again.statusCode).toBe(404);
    expect(again.json<{ message: string }>().message).toMatch(/already erased/);
  });

  it('only an administrator may erase, and only when signed in', async () => {
    const { candidateId } = await screenedCandidate('+12133734262');
    const recruiter = await kit.app.inject({
      method: 'POST',
      url: `/api/candidates/${candidateId}/erase`,
      cookies: await signIn(RECRUITER),
    });
    expect(recruiter.statusCode).toBe(403);
    expect(recruiter.json<{ message: string }>().message).toMatch(/administrator/);
    // A call still to come is canceled first: erasing under it would leave the call nowhere.
    await db
      .updateTable('interviews')
      .set({ status: 'scheduled' })
      .where('candidate_id', '=', candidateId)
      .execute();
    const underWay = await kit.app.inject({
      method: 'POST',
      url: `/api/candidates/${candidateId}/erase`,
      cookies: await signIn(ADMIN),
    });
    expect(underWay.statusCode).toBe(409);
    expect(underWay.json<{ message: string }>().message).toMatch(/Cancel it first/);
    const anonymous = await kit.app.inject({
      method: 'POST',
      url: `/api/candidates/${candidateId}/erase`,
    });
    expect(anonymous.statusCode).toBe(401);
    const kept = await db
      .selectFrom('candidates')
      .select('id')
      .where('id', '=', candidateId)
      .execute();
    expect(kept).toHaveLength(1);
  });

  it('the retention sweep erases what is past the window and nothing under way or recent', async () => {
    const now = new Date('2027-06-01T12:00:00Z');
    const long = '2026-11-01T10:00:00Z';
    const expiredId = await insertInterview(kit.database.db, {
      name: 'Expired Candidate',
      status: 'evaluated',
      score: 3,
      createdAt: long,
    });
    const pendingId = await insertInterview(kit.database.db, {
      name: 'Pending Callback',
      status: 'scheduled',
      score: null,
      createdAt: long,
    });
    const recentId = await insertInterview(kit.database.db, {
      name: 'Recent Candidate',
      status: 'evaluated',
      score: 4,
      createdAt: '2027-05-20T10:00:00Z',
    });
    for (const id of [expiredId, pendingId]) {
      await db
        .updateTable('interviews')
        .set({ ended_at: long, updated_at: long })
        .where('id', '=', id)
        .execute();
    }
    await db
      .updateTable('interviews')
      .set({ updated_at: '2027-05-20T10:00:00Z' })
      .where('id', '=', recentId)
      .execute();
    await db
      .updateTable('candidates')
      .set({ created_at: long })
      .where('id', 'in', db.selectFrom('interviews').select('candidate_id'))
      .execute();
    const orphanId = await insertResume(kit.database, SAMPLE_RESUME);
    await db.updateTable('resumes').set({ created_at: long }).where('id', '=', orphanId).execute();
    const limits = kit.database.db;
    await limits
      .insertInto('rate_limit_counters')
      .values({
        key: 'ip:198.51.100.7',
        window_start: new Date(long),
        count: 3,
        expires_at: new Date('2026-11-01T11:00:00Z'),
      })
      .execute();

    const result = await applyRetention(
      { db: kit.database.db, dataDir },
      { retentionDays: 180, now },
    );
    expect(result.candidates).toBeGreaterThanOrEqual(1);
    expect(result.orphanResumes).toBeGreaterThanOrEqual(1);
    const left = await db.selectFrom('interviews').select('id').execute();
    const ids = left.map((row) => row.id);
    expect(ids).not.toContain(expiredId);
    expect(ids).toContain(pendingId);
    expect(ids).toContain(recentId);
    const orphan = await db.selectFrom('resumes').select('id').where('id', '=', orphanId).execute();
    expect(orphan).toHaveLength(0);
    const counters = await limits.selectFrom('rate_limit_counters').select('key').execute();
    expect(counters).toHaveLength(0);
    const audit = await db
      .selectFrom('privacy_audit')
      .select(['action', 'reason'])
      .where('reason', '=', 'retention')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['candidate_erased', 'resume_expired']),
    );
  });
});
