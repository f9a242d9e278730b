#!/usr/bin/env bash
# Installs what the tests need and is missing: PostgreSQL 15 server binaries (the tests start their own
# server as the `postgres` user), LibreOffice with its Python bridge (PDF letters), Liberation fonts (the exhibits'
# stamp) and poppler-utils (to read PDFs back), Chromium for the panes' browser tests, debootstrap for the container
# image's base (built by the image test, as root). Safe to run again: it only installs what is absent.
set -euo pipefail

need=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v runuser >/dev/null 2>&1 || need+=(util-linux)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
/usr/bin/python3 -c 'import uno' >/dev/null 2>&1 || need+=(python3-uno)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# Liberation Sans: the « Pièce n° X » stamp of the court file's exhibits (PDFsharp has no system fonts on Linux).
[ -f /usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf ] || need+=(fonts-liberation2)
# The panes' browser tests drive Debian's Chromium through Playwright; no browser is ever downloaded.
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
# The container image test builds its Debian base with debootstrap (AddinHost/deploy/container/build-base-image.sh).
[ -x /usr/sbin/debootstrap ] || need+=(debootstrap)

if [ ${#need[@]} -gt 0 ]; then
  echo "Installation des paquets manquants : ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
id postgres >/dev/null 2>&1 \
  || { echo "L'utilisateur système « postgres » manque : réinstallez le paquet postgresql." >&2; exit 1; }
# The benchmarks' peer (docxtemplater), exactly as locked.
root="$(cd "$(dirname "$0")/.." && pwd)"
[ -d "$root/Tests/Benchmarks/docxtemplater/node_modules" ] \
  || npm ci --prefix "$root/Tests/Benchmarks/docxtemplater" --no-audit --no-fund --loglevel=error
# The published JSON schemas of the Microsoft 365 app manifest, to check the Outlook app package
# (never fetched at test time).
[ -d "$root/Tests/manifest-schema/node_modules" ] \
  || npm ci --prefix "$root/Tests/manifest-schema" --no-audit --no-fund --loglevel=error
# Azurite, the Azure Storage emulator the proof-store tests start.
[ -d "$root/Tests/azurite/node_modules" ] || npm ci --prefix "$root/Tests/azurite" --no-audit --no-fund --loglevel=error
echo "Prérequis des tests présents."
