import { runCheck } from './commands/check';
import { runDiff } from './commands/diff';
import { runReport } from './commands/report';
import { runInit } from './commands/init';
import { runRules } from './commands/rules';
import { EXIT_USAGE, UsageError, type CliIo } from './io';
import { HELP, VERSION } from './usage';

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number> | number> = {
  check: runCheck,
  rules: runRules,
  init: runInit,
  diff: runDiff,
  report: runReport,
};

/** Runs one command line; resolves to the exit code. Never throws for bad input. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    // No command is a usage error: the help goes to stderr, like every usage error.
    io.stderr(HELP);
    return EXIT_USAGE;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  // Own keys only: `mlops-readiness constructor` is an unknown command, not Object's constructor.
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  // `check --help`: the help (one page, every command), not "unknown option".
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (run && (options.includes('--help') || options.includes('-h'))) {
    io.stdout(HELP);
    return 0;
  }
  try {
    if (!run) throw new UsageError(`unknown command "${command}" (try: ${Object.keys(COMMANDS).join(', ')}; see --help)`);
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mlops-readiness: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** Registers another command (the gate features add init and friends). */
export function registerCommand(name: string, run: (args: string[], io: CliIo) => Promise<number> | number): void {
  COMMANDS[name] = run;
}
