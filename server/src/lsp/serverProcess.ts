// How the language server's process is started. The one definition: the VS Code client starts the
// server with these options, and the bench and the LSP tests start it the same way, so their figures
// and results are those of the server as the extension runs it.

/**
 * Node options of the server process, before the server's module. They trade a little speed for
 * memory; measured with 50 open 135-line files (docs/performance.md, "Server RSS"):
 *
 * - `--max-semi-space-size=1`: V8's young generation stays at 1 MB per semi-space. By default it
 *   grows to 8 MB (16 MB committed) while files are checked in a burst, and is only given back
 *   after seconds of idleness. −12 MiB resident; checks of large files collect garbage more often
 *   (a 4,000-line check ≈ +40 %, a 1,000-line check unchanged).
 * - `--single-threaded`: no background compiler or collector threads. Each such thread gets a malloc
 *   arena of its own, which kept ≈ 6 MiB of freed compiler memory resident; the optimising compiler
 *   now runs between checks on the main thread (the first edits after start-up wait for it).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1', '--single-threaded'];
