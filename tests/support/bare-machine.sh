#!/usr/bin/env bash
# Runs a command as on a machine with Node alone: no system Chromium, PostgreSQL (nor its postgres user), poppler
# or fonts. No container: a private mount namespace (root only) hides them from this command and its children.
#   bash tests/support/bare-machine.sh node --experimental-vm-modules node_modules/jest/bin/jest.js tests/e2e
set -euo pipefail
[ "$#" -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "$0: needs root (unshare -m, mount)" >&2; exit 2; }

exec unshare -m bash -euo pipefail -c '
  mount --make-rprivate /
  scratch=$(mktemp -d /tmp/bare-machine-XXXXXX)
  mkdir -p "$scratch/up" "$scratch/work" "$scratch/empty" "$scratch/tmp"
  chmod 755 "$scratch" && chmod 1777 "$scratch/tmp"
  # Whiteouts in an overlay upper dir: these names are gone from /usr/bin.
  for tool in chromium chromium-browser chromedriver pdftoppm pdftotext pdffonts pdfinfo pg_ctlcluster psql fc-list; do
    mknod "$scratch/up/$tool" c 0 0
  done
  mount -t overlay overlay -o "lowerdir=/usr/bin,upperdir=$scratch/up,workdir=$scratch/work" /usr/bin
  for dir in /usr/lib/postgresql /usr/lib/chromium /usr/share/fonts /usr/share/poppler; do
    [ -d "$dir" ] && mount --bind "$scratch/empty" "$dir"
  done
  grep -v "^postgres:" /etc/passwd > "$scratch/passwd"
  mount --bind "$scratch/passwd" /etc/passwd
  # A fresh temporary directory: nothing unpacked by an earlier run is reused.
  export TMPDIR="$scratch/tmp"
  set +e
  "$@"
  status=$?
  umount -l /etc/passwd /usr/bin
  rm -rf "$scratch"
  exit $status
' bare-machine "$@"
