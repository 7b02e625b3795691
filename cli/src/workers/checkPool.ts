import { availableParallelism, loadavg } from 'node:os';
import type * as WorkerThreads from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { CheckOptions, CheckOutcome } from '../commands/check';
import type { FixedFile } from '../fix';
import type { Target } from '../files';
import type { FileReport } from '../report';

/**
 * Many files are checked on every core: the main thread and worker threads (each the same bundle,
 * the same engine) check chunks of the file list. Thread k checks chunk k first, then each takes
 * the next unclaimed chunk from a shared counter, so a thread that starts late (a worker loads the
 * bundle first) or gets slower files simply takes fewer chunks. Results are merged in the order of
 * the file list, so the output is the one a single thread gives. The main thread waits for the
 * workers synchronously (Atomics.wait, then receiveMessageOnPort): checking stays one synchronous
 * call, as it is with one thread.
 *
 * MLOPS_READINESS_THREADS=N forces the number of threads (1: no worker), e.g. to compare outputs.
 */

/** What one thread found in its files (a chunk of the list). */
export interface ShareOutcome {
  files: FileReport[];
  /** Config files' problems, one report per config file, in the order first seen. */
  configReports: FileReport[];
  failures: string[];
  readinessFiles: number;
  fixed: FixedFile[];
}

export interface CheckJob {
  options: CheckOptions;
  cwd: string;
}

/**
 * Below this many files per thread a worker costs more than it saves: it loads and compiles the
 * bundle and warms the engine up on its own before its first file, and one thread already keeps
 * more than a core busy (V8 collects and compiles on threads of its own). Measured on an idle
 * 2-core machine (docs/performance.md): two threads lose at 100 and 300 files and gain 5–10 % at 1,000.
 */
const FILES_PER_THREAD = 400;
/** Files per chunk: small enough to share the work evenly, large enough that claiming costs nothing. */
const CHUNK = 8;

const THREADS_VARIABLE = 'MLOPS_READINESS_THREADS';

/**
 * The argument a check worker is started with (it ends its process.argv): a run of one thread never
 * loads node:worker_threads (≈ 2 ms with the streams it brings) to learn that it is not a worker.
 */
export const CHECK_WORKER_ARGUMENT = '--mlops-readiness-check-worker';

const workerThreads = () => require('node:worker_threads') as typeof WorkerThreads;

let workerEntry: string | undefined;

/** Lets checks use worker threads, which run this file (the CLI's bundle). Only the CLI's entry calls it. */
export function allowCheckWorkers(entry: string): void {
  workerEntry = entry;
}

/** How many threads check `files` files: one per core, while each gets enough files to be worth starting. */
export function threadCount(files: number): number {
  if (workerEntry === undefined) return 1;
  const forced = process.env[THREADS_VARIABLE];
  if (forced !== undefined && forced !== '') {
    const count = Number(forced);
    if (Number.isInteger(count) && count >= 1) return Math.min(count, Math.max(1, Math.ceil(files / CHUNK)));
  }
  // On a machine whose cores are already busy, a second thread finds no core of its own: it only
  // adds its start-up and warm-up (measured, docs/performance.md: 1,000 files 1.7× slower on two
  // threads than on one, the load average at 5–7 on two cores). One thread when the load is well
  // over the cores (a run's own processes keep it near the cores' number on an idle machine).
  const cores = availableParallelism();
  if (loadavg()[0] > 1.5 * cores) return 1;
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_THREAD)));
}

interface WorkerData {
  mlopsReadinessCheck: {
    targets: Target[];
    job: CheckJob;
    /** [next chunk, then one state per worker: 0 not started, 1 running, 2 done]. */
    shared: SharedArrayBuffer;
    index: number;
    port: MessagePort;
  };
}

const NOT_STARTED = 0;
const RUNNING = 1;
const DONE = 2;
/** A worker that has not started by then never will (it could not load): fail rather than wait forever. */
const START_TIMEOUT_MS = 60_000;

type Chunks = Array<[chunk: number, outcome: ShareOutcome]>;

/** Checks the targets on `threads` threads, this one included; the outcomes in the targets' order. */
export function checkInThreads(targets: Target[], threads: number, job: CheckJob, checkHere: (share: Target[]) => ShareOutcome): ShareOutcome[] {
  const shared = new SharedArrayBuffer(4 * threads);
  const state = new Int32Array(shared);
  // Chunks 0 … threads − 1 are the threads' first; the counter hands out the rest.
  Atomics.store(state, 0, threads);
  const workers = Array.from({ length: threads - 1 }, (_, i) => {
    const { MessageChannel, Worker } = workerThreads();
    const { port1, port2 } = new MessageChannel();
    const data: WorkerData = { mlopsReadinessCheck: { targets, job, shared, index: i + 1, port: port2 } };
    const worker = new Worker(workerEntry!, { argv: [CHECK_WORKER_ARGUMENT], workerData: data, transferList: [port2], stdout: false, stderr: false });
    // Never keep the process alive for a worker: its results are collected below.
    worker.unref();
    return { port: port1, index: i + 1 };
  });
  const chunks: Chunks = takeChunks(targets, 0, state, checkHere);
  for (const { port, index } of workers) {
    if (Atomics.wait(state, index, NOT_STARTED, START_TIMEOUT_MS) === 'timed-out') throw new Error('a check worker did not start');
    while (Atomics.load(state, index) !== DONE) Atomics.wait(state, index, RUNNING);
    const message = workerThreads().receiveMessageOnPort(port)?.message as { chunks: Chunks } | { error: string } | undefined;
    if (!message) throw new Error('a check worker ended without its results');
    if ('error' in message) throw new Error(message.error);
    chunks.push(...message.chunks);
    port.close();
  }
  return chunks.sort((a, b) => a[0] - b[0]).map(([, outcome]) => outcome);
}

/** Checks chunk `first`, then claims chunks from the shared counter until none is left; what they found, by chunk. */
function takeChunks(targets: Target[], first: number, state: Int32Array, check: (share: Target[]) => ShareOutcome): Chunks {
  const found: Chunks = [];
  for (let chunk = first; chunk * CHUNK < targets.length; chunk = Atomics.add(state, 0, 1)) {
    found.push([chunk, check(targets.slice(chunk * CHUNK, (chunk + 1) * CHUNK))]);
  }
  return found;
}

/** Whether this thread is a check worker started by checkInThreads. */
export function isCheckWorker(): boolean {
  if (process.argv.at(-1) !== CHECK_WORKER_ARGUMENT) return false;
  return (workerThreads().workerData as Partial<WorkerData> | null)?.mlopsReadinessCheck !== undefined;
}

/** A check worker's whole life: take chunks while there are some, post what they found, signal. */
export function runCheckWorker(checker: (job: CheckJob) => (share: Target[]) => ShareOutcome): void {
  const { targets, job, shared, index, port } = (workerThreads().workerData as WorkerData).mlopsReadinessCheck;
  const state = new Int32Array(shared);
  Atomics.store(state, index, RUNNING);
  Atomics.notify(state, index);
  try {
    port.postMessage({ chunks: takeChunks(targets, index, state, checker(job)) });
  } catch (error) {
    port.postMessage({ error: `a check worker failed: ${error instanceof Error ? error.message : String(error)}` });
  } finally {
    Atomics.store(state, index, DONE);
    Atomics.notify(state, index);
  }
}

/** One outcome from the threads' shares, as one thread checking every file in order gives it. */
export function mergeShares(shares: ShareOutcome[], failures: string[]): CheckOutcome {
  const configReports = new Map<string, FileReport>();
  for (const share of shares) {
    for (const report of share.configReports) {
      const known = configReports.get(report.absolutePath);
      if (!known) configReports.set(report.absolutePath, report);
      else for (const finding of report.findings) if (!known.findings.some((f) => f.message === finding.message)) known.findings.push(finding);
    }
  }
  return {
    files: [...shares.flatMap((share) => share.files), ...configReports.values()],
    failures: [...failures, ...shares.flatMap((share) => share.failures)],
    readinessFiles: shares.reduce((n, share) => n + share.readinessFiles, 0),
    fixed: shares.flatMap((share) => share.fixed),
  };
}
