import { sql, type Kysely } from 'kysely';
import { ZParsedResume, type Resume } from '@screenline/core';
import { isUuid } from './jobs-repository.js';
import type { Database } from '../schema.js';

/** What the upload stores for a new resume. */
export interface NewResume {
  fileName: string;
  sha256: string;
  mediaType: string;
  sizeBytes: number;
  storageKey: string;
  text: string;
  parsed: unknown;
  warnings: string[];
  parserVersion: string;
  tokenHash: string;
}

interface ResumeRow {
  id: string;
  file_name: string;
  sha256: string;
  parsed: unknown;
  warnings: unknown;
}

/** Resumes and their candidate tokens (hashes only). */
export class ResumesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts a resume; returns null when a resume with the same sha256 already exists. */
  async insert(resume: NewResume): Promise<Resume | null> {
    const result = await sql<ResumeRow>`
      insert into resumes (file_name, sha256, media_type, size_bytes, storage_key, text, parsed, warnings, parser_version, token_hash)
      values (${resume.fileName}, ${resume.sha256}, ${resume.mediaType}, ${resume.sizeBytes}, ${resume.storageKey},
              ${resume.text}, ${JSON.stringify(resume.parsed)}::jsonb, ${JSON.stringify(resume.warnings)}::jsonb,
              ${resume.parserVersion}, ${resume.tokenHash})
      on conflict (sha256) do nothing
      returning id, file_name, sha256, parsed, warnings`.execute(this.db);
    const row = result.rows[0];
    return row === undefined ? null : toResume(row);
  }

  async findBySha256(sha256: string): Promise<Resume | null> {
    const row = await this.db
      .selectFrom('resumes')
      .select(['id', 'file_name', 'sha256', 'parsed', 'warnings'])
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return row === undefined ? null : toResume(row);
  }

  /** Another token for an existing resume (the same file uploaded again). */
  async addToken(resumeId: string, tokenHash: string): Promise<void> {
    await sql`insert into resume_tokens (token_hash, resume_id) values (${tokenHash}, ${resumeId})`.execute(
      this.db,
    );
  }

  /** The resume, when the token hash is one issued for it; null otherwise (unknown id or token alike). */
  async findByIdAndToken(id: string, tokenHash: string): Promise<Resume | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const result = await sql<ResumeRow>`
      select r.id, r.file_name, r.sha256, r.parsed, r.warnings
      from resumes r
      where r.id = ${id}
        and (r.token_hash = ${tokenHash}
             or exists (select 1 from resume_tokens t where t.resume_id = r.id and t.token_hash = ${tokenHash}))`.execute(
      this.db,
    );
    const row = result.rows[0];
    return row === undefined ? null : toResume(row);
  }

  /** Where the resume an interview was made from is stored, and how it was sent. */
  async findFileOfInterview(
    interviewId: string,
  ): Promise<{ id: string; fileName: string; mediaType: string; storageKey: string } | null> {
    if (!isUuid(interviewId)) return null;
    const row = await this.db
      .selectFrom('interviews')
      .innerJoin('resumes', 'resumes.id', 'interviews.resume_id')
      .select(['resumes.id', 'resumes.file_name', 'resumes.media_type', 'resumes.storage_key'])
      .where('interviews.id', '=', interviewId)
      .executeTakeFirst();
    return row === undefined
      ? null
      : {
          id: row.id,
          fileName: row.file_name,
          mediaType: row.media_type,
          storageKey: row.storage_key,
        };
  }
}

function toResume(row: ResumeRow): Resume {
  const parsed: unknown = typeof row.parsed === 'string' ? JSON.parse(row.parsed) : row.parsed;
  const warnings: unknown =
    typeof row.warnings === 'string' ? JSON.parse(row.warnings) : row.warnings;
  return {
    id: row.id,
    fileName: row.file_name,
    sha256: row.sha256,
    parsed: ZParsedResume.parse(parsed),
    warnings: Array.isArray(warnings)
      ? warnings.filter((item): item is string => typeof item === 'string')
      : [],
  };
}
