declare const __VERSION__: string | undefined;

/** Injected by esbuild from package.json; "dev" when run from source. */
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

export const HELP = `mlops-readiness ${VERSION} — checks MLOps readiness files against the organisation's template

Usage:
  mlops-readiness check [paths...] [options]   Check readiness files (a folder is searched; default: .)
  mlops-readiness init --story <id> --title <text> --owner <@handle> [options]
                                               Write <folder>/<story>.md from the template (never overwrites)
  mlops-readiness rules [--json]               List every rule: code, name, default severity, docs
  mlops-readiness diff [--base REF] [--head REF] [paths...] [--format markdown|json] [--today <date>]
                                               What the readiness files changed between two revisions mean:
                                               alerts, stages, canary, rollback, people, sunset, findings
  mlops-readiness report [paths...] [--format markdown|json|html] [--today <date>] [--root <dir>]
                                               One table of all readiness files, what needs attention first
  mlops-readiness --version | --help

Options for check:
  --format <name>       stylish (default) | json | sarif | github | junit
                          sarif: SARIF 2.1.0 for GitHub code scanning (upload-sarif)
                          github: GitHub Actions annotations (::error file=…,line=…::message)
                          junit: JUnit XML, one testsuite per file, one testcase per rule
  --output <file>       Write the report (in --format) to <file>, atomically; the console shows the stylish report
  --fix                 Apply every safe fix (the editor's quick fixes) in place, then report what remains;
                          files with nothing to fix are not written; line ends and BOM are kept
  --fix-dry-run         Print the safe fixes as a unified diff instead of writing (exit 1 when there is a diff)
  --since <ref>         Only readiness files changed since a git ref (git diff <ref>...HEAD, plus uncommitted
                          and untracked files), e.g. --since origin/main on a pull request
  --root <dir>          Workspace root for runbooks and config (default: nearest folder with .git or .mlops-readiness.json)
  --max-warnings <n>    Exit 1 when there are more than n warnings (-1: no limit, as in ESLint)
  --today <YYYY-MM-DD>  Check as of this date (default: today)
  --color / --no-color  Force colour on or off (default: on for a terminal)

Options for diff:
  --base <ref>          Compare from where the head left this ref (git merge-base), e.g. origin/main (default: HEAD)
  --head <ref>          Compare to this commit (default: the working tree, uncommitted and untracked files included)
  --format <name>       markdown (default; for a pull-request comment or $GITHUB_STEP_SUMMARY) | json

Options for init:
  --story <id>          Story id, matching RDY101's "storyIdPattern" (default: CVN-N<n>-…-S<n>, e.g. CVN-N011-EA-S11)
  --title <text>        The change's title, written after the story id in the heading
  --owner <@handle>     GitHub handle of the owner (the DRI)
  --folder <dir>        Where to write <story>.md (default: documentation/readiness, relative to the current folder)
  --today <YYYY-MM-DD>  The "Filled on" date (default: today)
  --root <dir>          Workspace root whose .mlops-readiness.json gives the story id pattern (default: nearest
                          folder with .git or .mlops-readiness.json)

Exit codes: 0 no errors, 1 errors (or too many warnings, or --fix-dry-run has a diff), 2 usage or I/O error.
diff and report exit 0 whatever they find; 2 on a usage or git problem (unknown ref, shallow clone, path outside).
`;
