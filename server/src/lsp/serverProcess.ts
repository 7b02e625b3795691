// How the language server's process is started. The one definition: the VS Code client starts the
// server with these options, and the bench and the LSP tests start it the same way, so their figures
// and results are those of the server as the extension runs it.

/**
 * Node options of the server process, before the server's module. Measured with 50 open 135-line
 * files and with edits of 1,000- and 4,000-line files (docs/performance.md, "Server memory"):
 *
 * - `--max-semi-space-size=2`: V8's young generation stays at 2 MB per semi-space. By default it
 *   grows to 8 MB (16 MB committed) while files are checked in a burst, and is only given back
 *   after seconds of idleness: −8.6 MiB resident with 50 files; a 4,000-line check collects
 *   garbage more often (p50 ≈ +6 %), a 1,000-line check is unchanged.
 * - `--no-regexp-tier-up`: each pattern compiled once, to machine code, at its first match. By
 *   default V8 first runs a pattern in its bytecode interpreter and compiles it again when it runs
 *   a second time, which nearly every pattern of the engine does: spawn → first diagnostics
 *   498 → 451 ms (A/B, 11 fresh servers), as the CLI measured (cli/src/start.ts).
 *
 * `--single-threaded` was measured too (−6 MiB more) and left out: with the optimising compiler on
 * the main thread, typing in a 4,000-line file went from p50 24 ms to 37 ms and p99 53 to 94 ms.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=2', '--no-regexp-tier-up'];
