#!/usr/bin/env bash
# The whole offline end-to-end run (npm run test:e2e): installs code-server and chromium if needed, builds,
# runs the mocha suite in a real VS Code workbench (trusted, then restricted mode), then packages the .vsix
# and runs the UI smoke test on it, then the same .vsix as a web extension in the browser, then the README's
# Neovim and Emacs recipes (docs/e2e.md). Each runner stops its own processes; this script adds nothing to clean.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

bash scripts/e2e/install-code-server.sh
npm run --silent build
node test/e2e/build.mjs
echo "== end-to-end suite, trusted workspace"
node test/e2e/run-code-server.mjs
echo "== end-to-end suite, untrusted workspace (restricted mode)"
node test/e2e/run-code-server.mjs --untrusted
echo "== UI smoke test of the packaged .vsix"
npm run --silent package
node test/e2e/ui-smoke.mjs
echo "== the web extension in the browser's Web Worker extension host (the same .vsix)"
node test/e2e/run-web.mjs
echo "== the README's recipes for other editors: Neovim and Emacs (eglot)"
bash scripts/e2e/other-editors.sh
