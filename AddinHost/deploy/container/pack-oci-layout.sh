#!/usr/bin/env bash
# Packs a root file system into an OCI image layout (one gzip layer, its config, manifest and index) that registries,
# skopeo, oras and the .NET SDK's container tooling understand, with no Docker engine.
#
#   pack-oci-layout.sh <rootfs> <out-dir> <tag> [ENV=value ...]
#
# Owners are kept as numbers, names sorted and file times clamped to SOURCE_DATE_EPOCH, so the same tree gives the
# same layer. OCI_ARCH overrides the architecture (default: this machine's, in Debian's words, which OCI shares);
# OCI_CREATED_BY says in the image's history how the tree was made.
set -euo pipefail

root="${1:?usage: pack-oci-layout.sh <rootfs> <out-dir> <tag> [ENV=value ...]}"
out="${2:?out-dir}"
tag="${3:?tag}"
shift 3
epoch="${SOURCE_DATE_EPOCH:-$(date +%s)}"
arch="${OCI_ARCH:-$(dpkg --print-architecture)}"
created="$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)"
created_by="$(printf '%s' "${OCI_CREATED_BY:-pack-oci-layout.sh}" | tr -d '"\\')"

[ -d "$root" ] || { echo "pack-oci-layout: $root is not a directory." >&2; exit 1; }
[ ! -e "$out" ] || [ -z "$(ls -A "$out")" ] || { echo "pack-oci-layout: $out is not empty." >&2; exit 1; }
blobs="$out/blobs/sha256"
mkdir -p "$blobs"
work="$(mktemp -d "${TMPDIR:-/tmp}/od-pack.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The layer: the uncompressed tar's digest is the config's diff_id, the gzip's is the manifest's; both in one pass.
mkfifo "$work/tar"
sha256sum <"$work/tar" >"$work/diff_id" &
hashing=$!
mapfile -t top < <(cd "$root" && ls -A | LC_ALL=C sort)
tar --create --file=- --directory="$root" --sort=name --numeric-owner --format=posix \
    --pax-option='exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime' --mtime="@$epoch" --clamp-mtime \
    --anchored --exclude='dev/*' --exclude='proc/*' --exclude='sys/*' --exclude='tmp/*' -- "${top[@]}" \
  | tee "$work/tar" | gzip -n -6 >"$work/layer"
wait "$hashing"
diff_id="sha256:$(cut -d' ' -f1 "$work/diff_id")"

# Stores a file as a blob; prints "<digest> <size>".
blob() {
  local sha
  sha="$(sha256sum "$1" | cut -d' ' -f1)"
  echo "sha256:$sha $(stat -c %s "$1")"
  mv "$1" "$blobs/$sha"
}
read -r layer_digest layer_size <<<"$(blob "$work/layer")"

env_json=""
for pair in "$@"; do
  case "$pair" in *'"'*|*'\'*) echo "pack-oci-layout: quote or backslash in $pair." >&2; exit 1 ;; esac
  env_json="$env_json${env_json:+,}\"$pair\""
done
printf '%s' "{\"created\":\"$created\",\"architecture\":\"$arch\",\"os\":\"linux\",\"config\":{\"Env\":[$env_json]},\
\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"$diff_id\"]},\
\"history\":[{\"created\":\"$created\",\"created_by\":\"$created_by\"}]}" >"$work/config"
read -r config_digest config_size <<<"$(blob "$work/config")"

printf '%s' "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\
\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\
\"digest\":\"$config_digest\",\"size\":$config_size},\
\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\
\"digest\":\"$layer_digest\",\"size\":$layer_size}]}" >"$work/manifest"
read -r manifest_digest manifest_size <<<"$(blob "$work/manifest")"

printf '%s' '{"imageLayoutVersion":"1.0.0"}' >"$out/oci-layout"
printf '%s' "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[\
{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"$manifest_digest\",\"size\":$manifest_size,\
\"platform\":{\"architecture\":\"$arch\",\"os\":\"linux\"},\
\"annotations\":{\"org.opencontainers.image.ref.name\":\"$tag\"}}]}" >"$out/index.json"
echo "$tag: $manifest_digest (layer $layer_size bytes)"
