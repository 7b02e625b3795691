// One file checked by the built CLI, against a bare `node -e 0`, runs alternated so that a loaded
// machine weighs on each the same; medians of wall and CPU time (user + sys of the child).
//
//   node --import tsx bench/startup.ts [--runs 40] [--file examples/…md] [--against <other checkout>]
//
// `--against` adds the bin of another checkout (built with `node esbuild.mjs --production`) as a
// third command: an A/B of two builds in the same run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { median, ROOT, round, time } from './stats';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const runs = Number(option('--runs') ?? 40);
const file = option('--file') ?? 'examples/documentation/readiness/CVN-N011-EA-S11.md';
const against = option('--against');

const commands: Array<{ name: string; args: string[] }> = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'this build', args: [join(ROOT, 'cli/out/cli.js'), 'check', file] },
  ...(against ? [{ name: `build at ${against}`, args: [join(against, 'cli/out/cli.js'), 'check', file] }] : []),
];

/** The children's CPU time so far, in ms (Linux: cutime + cstime of /proc/self/stat, 10 ms ticks). */
function childrenCpu(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

const wall = commands.map(() => [] as number[]);
const cpu = commands.map(() => [] as number[]);
// The first run of a build writes its code cache; not measured.
for (const command of commands) spawnSync(process.execPath, command.args, { cwd: ROOT });
const loadBefore = loadavg()[0];
for (let run = 0; run < runs; run++) {
  // Alternated, and the order turned each round, so neither command always follows the other.
  const order = run % 2 ? [...commands.keys()].reverse() : [...commands.keys()];
  for (const index of order) {
    const before = childrenCpu();
    let status: number | null = null;
    wall[index].push(time(() => (status = spawnSync(process.execPath, commands[index].args, { cwd: ROOT }).status)));
    const after = childrenCpu();
    if (before !== undefined && after !== undefined) cpu[index].push(after - before);
    if (status !== 0 && status !== 1) throw new Error(`${commands[index].name} exited with ${status}`);
  }
}
const base = median(wall[0]);
for (const [index, command] of commands.entries()) {
  const ms = median(wall[index]);
  const cpuMs = cpu[index].length ? `, CPU ${round(median(cpu[index]), 0)} ms` : '';
  console.log(`${command.name.padEnd(24)} wall ${round(ms, 1)} ms (${round(ms / base, 2)}× node -e 0)${cpuMs}`);
}
console.log(`${runs} runs each; load average ${round(loadBefore, 2)} → ${round(loadavg()[0], 2)}`);
