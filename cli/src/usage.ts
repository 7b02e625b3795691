declare const __VERSION__: string | undefined;

/** Injected by esbuild from package.json; "dev" when run from source. */
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

export const HELP = `mlops-readiness ${VERSION} — checks MLOps readiness files against the organisation's template

Usage:
  mlops-readiness check [paths...] [options]   Check readiness files (a folder is searched; default: .)
  mlops-readiness rules                        List every rule: code, name, default severity, docs
  mlops-readiness --version | --help

Options for check:
  --format <name>       stylish (default) | json
  --root <dir>          Workspace root for runbooks and config (default: nearest folder with .git or .mlops-readiness.json)
  --max-warnings <n>    Exit 1 when there are more than n warnings
  --today <YYYY-MM-DD>  Check as of this date (default: today)
  --color / --no-color  Force colour on or off (default: on for a terminal)

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or I/O error.
`;
