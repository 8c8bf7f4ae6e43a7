import { createAdminCommand } from './create-admin.js';
import { parseResumeCommand } from './parse-resume-command.js';
import { screenCommand } from './screen-command.js';
import { trunkCommand } from './trunk-command.js';

/** One `screenline` sub-command. `run` returns the process exit code. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

/** Every sub-command; each lives in its own module beside this one. */
export const CLI_COMMANDS: CliCommand[] = [
  createAdminCommand,
  parseResumeCommand,
  screenCommand,
  trunkCommand,
];
