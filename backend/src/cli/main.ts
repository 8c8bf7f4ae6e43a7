import { CLI_COMMANDS } from './commands.js';

/**
 * `screenline <command> [...args]`. With `--json`, a command prints only JSON on stdout and sends
 * its logs to stderr. Exit codes: 0 success, 1 failure, 2 usage error.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = CLI_COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  return command.run(args);
}

function usage(): string {
  const lines = CLI_COMMANDS.map((command) => `  ${command.usage.padEnd(52)} ${command.summary}`);
  return `Usage: screenline <command>\n\nCommands:\n${lines.join('\n')}\n`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`screenline: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
