#!/usr/bin/env bash
# Installs what the offline end-to-end tests need, from the npm registry and Debian only:
# code-server (a real VS Code workbench, from npm), Debian's chromium, and playwright-core to drive it.
# docs/e2e.md says why code-server rather than a downloaded VS Code, and why each step below is needed.
# Idempotent: a marker file records a complete install; a half-done one is started over.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
P="${CODE_SERVER_DIR:-$ROOT/.cache/code-server-$VERSION}"
MARKER="$P/.complete"

log() { printf '[install-code-server] %s\n' "$*" >&2; }

# shellcheck source=apt.sh
source "$ROOT/scripts/e2e/apt.sh"

# Headers for the native modules (kerberos, native-keymap, keytar), ripgrep to copy in place of a GitHub
# download, chromium for the browser side.
apt_install libkrb5-dev libxkbfile-dev libsecret-1-dev ripgrep chromium

# playwright-core is a devDependency of the project; install it if someone ran `npm ci --omit=dev`.
if ! (cd "$ROOT" && node -e "require.resolve('playwright-core')") >/dev/null 2>&1; then
  log "playwright-core missing from node_modules: run npm install first"
  (cd "$ROOT" && npm install --no-audit --no-fund) >/dev/null
fi

if [ -f "$MARKER" ]; then
  log "code-server $VERSION already installed in $P"
  exit 0
fi

log "installing code-server $VERSION into $P (takes a minute or two)"
rm -rf "$P"
mkdir -p "$P"
export npm_config_yes=true            # node-pty's build runs `npx node-gyp`
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# --ignore-scripts: the package's own postinstall wants --unsafe-perm as root and downloads ripgrep from GitHub.
npm install --prefix "$P" --ignore-scripts --no-save "code-server@$VERSION" >/dev/null
# argon2's prebuilt binary is a GitHub download, which fails here: build it from source.
(cd "$P" && npm rebuild argon2 >/dev/null)

VS="$P/node_modules/code-server/lib/vscode"
(
  cd "$VS"
  npm install --omit=dev --ignore-scripts >/dev/null
  # @vscode/ripgrep's postinstall would download rg from GitHub: use Debian's.
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
  npm rebuild >/dev/null              # native modules via node-gyp, against the machine's Node headers
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  (cd extensions && npm install --omit=dev >/dev/null)
)

"$P/node_modules/.bin/code-server" --version >/dev/null
touch "$MARKER"
log "done: $("$P/node_modules/.bin/code-server" --version | head -1)"
