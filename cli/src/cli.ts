import { join } from 'node:path';
import { checkContext, checkShare } from './commands/check';
import { main } from './main';
import { allowCheckWorkers, isCheckWorker, runCheckWorker } from './workers/checkPool';

// The process shell: real streams, real exit code. Everything else is testable in main().
// The same file runs as the worker threads of a check of many files (workers/checkPool.ts).
if (isCheckWorker()) {
  runCheckWorker(({ options, cwd }) => {
    const context = checkContext(options, cwd);
    return (share) => checkShare(share, options, context);
  });
} else {
  // A worker starts as the bin does (cli.js, beside this bundle), with the code cache.
  allowCheckWorkers(join(__dirname, 'cli.js'));
  runCli();
}

function runCli() {
  // `mlops-readiness check | head` closes the pipe early: stop quietly rather than print a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: process.stdout.isTTY === true && !('NO_COLOR' in process.env),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Last resort: one clear line, never a stack trace.
      process.stderr.write(`mlops-readiness: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
