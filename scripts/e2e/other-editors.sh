#!/usr/bin/env bash
# The README's "Other editors" recipes, exactly as written there, in Debian's Neovim (0.7.2) and Emacs (28, with
# eglot 1.9): installs the packed package globally as the README says (into a temporary prefix), opens a defective
# readiness file headless in each editor and asserts that the editor shows the diagnostics the CLI reports (code
# and line), then that the Neovim recipe says, readably, when the server is not on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/scripts/e2e"
log() { printf '[other-editors] %s\n' "$*" >&2; }
fail() { log "FAIL: $*"; exit 1; }
# shellcheck source=apt.sh
source "$HERE/apt.sh"

apt_install neovim emacs-nox elpa-markdown-mode
# eglot is built into Emacs 29; Debian's Emacs 28 takes it from elpa-eglot.
emacs_major="$(emacs --batch --eval '(princ emacs-major-version)' 2>/dev/null)"
[ "$emacs_major" -ge 29 ] || apt_install elpa-eglot

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# The README's install command, into a temporary prefix instead of the machine's global one.
tarball="$(cd "$ROOT" && npm pack --silent --pack-destination "$tmp")"
npm install -g --ignore-scripts --offline --prefix "$tmp/prefix" "$tmp/$tarball" >/dev/null
WITH_SERVER="$tmp/prefix/bin:$PATH"
PATH="$WITH_SERVER" command -v mlops-readiness-server >/dev/null || fail "mlops-readiness-server is not on PATH after npm install -g"

# The recipes: the first lua and the first elisp block of the README's "Other editors" section.
extract() {
  awk -v lang="$1" '
    /^## / { inside = ($0 == "## Other editors") }
    inside && $0 == "```" lang { block = 1; next }
    block && /^```/ { exit }
    block { print }' "$ROOT/README.md"
}
extract lua >"$tmp/init.lua"
extract elisp >"$tmp/init.el"
[ -s "$tmp/init.lua" ] || fail "no lua block in the README's Other editors section"
[ -s "$tmp/init.el" ] || fail "no elisp block in the README's Other editors section"

# A project (a git repository: eglot and the server take it as the root) with a defective file.
ws="$tmp/project"
cp -r "$ROOT/examples" "$ws"
git -C "$ws" init -q
file="documentation/readiness/CVN-N014-LB-S02.md"

# What the editors must show: the CLI's findings for the file, as "CODE LINE".
(cd "$ws" && PATH="$WITH_SERVER" mlops-readiness check "$file" --format json || true) |
  node -e 'const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
    for (const f of r.files) for (const d of f.diagnostics) console.log(`${d.code} ${d.line}`);' | sort >"$tmp/expected"
grep -qx "RDY601 69" "$tmp/expected" || fail "the CLI does not report RDY601 (the DRI is a team) on line 69"

compare() { # editor name, its output file
  cut -d' ' -f1,2 "$2" | sort >"$2.codes"
  if ! diff -u "$tmp/expected" "$2.codes" >"$2.diff"; then
    cat "$2.diff" >&2
    fail "$1 does not show the diagnostics the CLI reports"
  fi
  log "$1: $(wc -l <"$2.codes") diagnostics, as the CLI reports them, e.g. $(grep '^RDY601 ' "$2" | cut -c1-80)"
}

log "Neovim $(nvim --version | head -1 | cut -d' ' -f2): the README's init.lua"
(cd "$ws" && PATH="$WITH_SERVER" OUT="$tmp/nvim.out" timeout 60 \
  nvim --headless -n -i NONE -u "$tmp/init.lua" -c "luafile $HERE/editors/nvim-driver.lua" "$file") >"$tmp/nvim.log" 2>&1 ||
  { cat "$tmp/nvim.log" >&2; fail "Neovim showed no diagnostics"; }
compare Neovim "$tmp/nvim.out"

log "Neovim without the server on PATH: the recipe says so"
(cd "$ws" && PATH="$(dirname "$(command -v nvim)"):/usr/bin:/bin" timeout 30 \
  nvim --headless -n -i NONE -u "$tmp/init.lua" -c 'qall!' "$file") >"$tmp/nvim-missing.log" 2>&1 ||
  { cat "$tmp/nvim-missing.log" >&2; fail "Neovim exited with an error when the server is missing"; }
grep -q "mlops-readiness: mlops-readiness-server is not on PATH" "$tmp/nvim-missing.log" ||
  { cat "$tmp/nvim-missing.log" >&2; fail "no readable message when the server is not on PATH"; }
if grep -qi "error" "$tmp/nvim-missing.log"; then cat "$tmp/nvim-missing.log" >&2; fail "a Lua error when the server is missing"; fi

log "Emacs $emacs_major with eglot: the README's init.el"
(cd "$ws" && PATH="$WITH_SERVER" READINESS_FILE="$file" OUT="$tmp/emacs.out" timeout 60 \
  emacs --batch -l "$tmp/init.el" -l "$HERE/editors/emacs-driver.el") >"$tmp/emacs.log" 2>&1 ||
  { cat "$tmp/emacs.log" >&2; fail "Emacs showed no diagnostics"; }
compare Emacs "$tmp/emacs.out"
log "passed"
