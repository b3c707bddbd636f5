#!/usr/bin/env bash
# Local stand-ins for the three upstream images the StreamGate stack is built on, for machines that
# reach no image registry (air-gapped sites, CI): made from Debian packages and Maven Central only.
#
#   streamgate-base/payara-micro:6.2025.10-jdk17  laid out like payara/micro:6.2025.10-jdk17
#   streamgate-base/postgres:15                   the environment and volume of postgres:15
#   streamgate-base/nginx:1.22                    nginx from Debian, run like nginx:1.27-alpine
#
# Usage (as root, on the Docker host, after `./mvnw -DskipTests package`, which puts the
# payara-micro jar of the project's version in target/):
#   docker/base-images.sh            build what is missing, reuse the images that exist
#   docker/base-images.sh --rebuild  build all again (a Debian security update, say)
# Then build the stack on them (docker/README.md, "Air-gapped sites"):
#   PAYARA_IMAGE=streamgate-base/payara-micro:6.2025.10-jdk17 POSTGRES_IMAGE=streamgate-base/postgres:15 \
#   NGINX_IMAGE=streamgate-base/nginx:1.22 docker compose --env-file docker/.env -f docker/compose.yaml up --build
#
# Debian's root file system comes from debootstrap (the mirror the host's apt uses, or
# DEBIAN_MIRROR); the builds install packages from that mirror with host networking.
set -euo pipefail
cd "$(dirname "$0")/.."

# The Payara version is the one the project builds with (pom.xml), the jar the build fetched.
PAYARA_VERSION=$(sed -n 's:.*<payara.version>\([^<]*\)</payara.version>.*:\1:p' pom.xml | head -n 1)
readonly PAYARA_VERSION
readonly DEBIAN_IMAGE=streamgate-base/debian:bookworm
readonly PAYARA_IMAGE=streamgate-base/payara-micro:$PAYARA_VERSION-jdk17
readonly POSTGRES_IMAGE=streamgate-base/postgres:15
readonly NGINX_IMAGE=streamgate-base/nginx:1.22
readonly PAYARA_JAR=target/payara-micro.jar

die() {
  echo "base-images: $*" >&2
  exit 1
}

rebuild=false
case "${1:-}" in
  --rebuild) rebuild=true ;;
  "") ;;
  *) die "unknown option $1 (use --rebuild to build every image again)" ;;
esac

command -v docker >/dev/null || die "no docker command; install docker.io"
docker info >/dev/null 2>&1 || die "no Docker engine answers; start dockerd"

# Each image is labelled with a digest of what it is made of (its folder, the jar, the mirror): one
# whose recipe changed is built again, one that is there as it would be built now is kept.
recipe() {
  cat "$@" | sha256sum | cut -c1-16
}

present() {
  [[ $rebuild == false ]] &&
    [[ $(docker image inspect --format '{{index .Config.Labels "streamgate.recipe"}}' "$1" 2>/dev/null) == "$2" ]]
}

# The mirror the host's apt uses (deb822 or one-line sources), so the images get what this host can reach.
mirror() {
  if [[ -n ${DEBIAN_MIRROR:-} ]]; then
    echo "$DEBIAN_MIRROR"
    return
  fi
  local found
  found=$(sed -n 's/^URIs: *\([^ ]*debian\)\/*$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
  [[ -n $found ]] || found=$(sed -n 's/^deb \(\[[^]]*\] \)\?\(http[^ ]*debian\)\/* bookworm .*/\2/p' /etc/apt/sources.list 2>/dev/null | head -n 1)
  echo "${found:-http://deb.debian.org/debian}"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

started=$SECONDS
[[ -n $PAYARA_VERSION ]] || die "pom.xml names no payara.version"
[[ -f $PAYARA_JAR ]] || die "no $PAYARA_JAR; run ./mvnw -DskipTests package first"
source_mirror=$(mirror)
debian_recipe=$( (printf '%s\n' "$source_mirror"; cat docker/base-images.sh) | recipe -)
if present "$DEBIAN_IMAGE" "$debian_recipe"; then
  echo "base-images: $DEBIAN_IMAGE is there"
else
  command -v debootstrap >/dev/null || die "no debootstrap; install it (apt-get install debootstrap)"
  [[ $(id -u) == 0 ]] || die "debootstrap needs root"
  echo "base-images: debootstrap bookworm from $source_mirror"
  debootstrap --variant=minbase --include=ca-certificates bookworm "$work/rootfs" "$source_mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; die "debootstrap failed"; }
  # The image's apt: the same mirror, with the point-release and security updates.
  security=${source_mirror%/}
  security=${security%/debian}/debian-security
  cat >"$work/rootfs/etc/apt/sources.list" <<SOURCES
deb $source_mirror bookworm main
deb $source_mirror bookworm-updates main
deb $security bookworm-security main
SOURCES
  # Like Debian's official images: no recommends, no documentation, no caches kept.
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$work/rootfs/etc/apt/apt.conf.d/90streamgate"
  printf 'path-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\npath-exclude /usr/share/locale/*\n' \
    >"$work/rootfs/etc/dpkg/dpkg.cfg.d/90streamgate"
  # (The folders stay: Debian's Java package links its manual pages into /usr/share/man/man1.)
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
  tar -C "$work/rootfs" --numeric-owner -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' --change "LABEL streamgate.recipe=$debian_recipe" - "$DEBIAN_IMAGE" >/dev/null
  rm -rf "$work/rootfs"
fi

# build IMAGE FOLDER: the folder is the build context; the recipe covers its files and the base's.
build() {
  local image=$1 folder=$2 made_of
  made_of=$( (printf '%s\n' "$debian_recipe"; find "$folder" -type f -print0 | sort -z | xargs -0 cat) | recipe -)
  if present "$image" "$made_of"; then
    echo "base-images: $image is there"
    return
  fi
  echo "base-images: building $image"
  docker build --network host --build-arg "DEBIAN=$DEBIAN_IMAGE" --label "streamgate.recipe=$made_of" \
    -t "$image" "$folder" >"$work/build.log" 2>&1 \
    || { tail -n 30 "$work/build.log" >&2; die "building $image failed"; }
}

mkdir "$work/payara-micro"
cp docker/base/payara-micro/Dockerfile docker/base/payara-micro/entrypoint.sh "$PAYARA_JAR" "$work/payara-micro/"
build "$PAYARA_IMAGE" "$work/payara-micro"
build "$POSTGRES_IMAGE" docker/base/postgres
build "$NGINX_IMAGE" docker/base/nginx

echo "base-images: ready after $((SECONDS - started)) s"
docker image ls --format '  {{.Repository}}:{{.Tag}}  {{.Size}}' | grep '^  streamgate-base/' || true
