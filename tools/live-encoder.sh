#!/usr/bin/env bash
# A real live encoder for tests, benchmarks and trying StreamGate out: ffmpeg encodes a test
# picture (testsrc2, whose burnt-in clock and frame counter show which moment a player shows) and a
# beeping sine tone in real time into a live HLS ladder in FOLDER:
#   FOLDER/master.m3u8              the entry playlist, written once (--entry names it)
#   FOLDER/v0/index.m3u8, seg_*     426x240, ~400 kb/s video + 64 kb/s AAC
#   FOLDER/v1/index.m3u8, seg_*     256x144, ~150 kb/s video + 64 kb/s AAC
#   FOLDER/v0/init_0.mp4 (cmaf)     the init segment of each rendition, named by ffmpeg (see below)
#   FOLDER/enc.key (aes128)         the AES-128 key, as ../enc.key from the variant playlists
# Every URI in every playlist is relative and names a file inside FOLDER.
#
#   tools/live-encoder.sh FOLDER [--format ts|cmaf|aes128] [--entry master.m3u8]
#     [--segment-seconds 2] [--window 6] [--duration SECONDS] [--restart]
#
# It runs until stopped, or for --duration seconds. SIGINT, SIGTERM or 'q' on stdin stop it
# gracefully: ffmpeg then ends the playlists with #EXT-X-ENDLIST (a recording). SIGKILL leaves them
# without (a crashed encoder). --restart continues a stream that stopped (see RESTART below); without
# it FOLDER must not hold a stream yet. The script ends by exec'ing ffmpeg, so the PID of the
# process that started it is ffmpeg's. Started in the background from an interactive shell, give it
# </dev/null (ffmpeg reads its stdin for 'q' and a terminal would stop it).
set -euo pipefail

usage() {
  sed -n '/^#   tools/,/^#     \[/p' "$0" | sed 's/^#//' >&2
  exit 2
}

fail() {
  echo "live-encoder: $*" >&2
  exit 2
}

(($# >= 1)) || usage
FOLDER=$1
shift
[[ $FOLDER != -* ]] || usage
FORMAT=ts
ENTRY=master.m3u8
SEGMENT_SECONDS=2
WINDOW=6
DURATION=
RESTART=false
while (($#)); do
  option=$1
  shift
  if [[ $option == --restart ]]; then
    RESTART=true
    continue
  fi
  (($#)) || usage
  value=$1
  shift
  case $option in
    --format) FORMAT=$value ;;
    --entry) ENTRY=$value ;;
    --segment-seconds) SEGMENT_SECONDS=$value ;;
    --window) WINDOW=$value ;;
    --duration) DURATION=$value ;;
    *) usage ;;
  esac
done
[[ $FORMAT =~ ^(ts|cmaf|aes128)$ ]] || fail "--format is ts, cmaf or aes128, not '$FORMAT'"
[[ $ENTRY =~ ^[A-Za-z0-9_-][A-Za-z0-9._-]*\.m3u8$ ]] || fail "--entry is a plain name ending .m3u8"
[[ $SEGMENT_SECONDS =~ ^[1-9][0-9]*$ ]] || fail "--segment-seconds is a whole number of seconds"
[[ $WINDOW =~ ^[1-9][0-9]*$ ]] || fail "--window is a number of segments"
[[ -z $DURATION || $DURATION =~ ^[1-9][0-9]*$ ]] || fail "--duration is a whole number of seconds"
command -v ffmpeg >/dev/null || fail "ffmpeg is not installed (Debian: apt-get install ffmpeg)"

mkdir -p "$FOLDER/v0" "$FOLDER/v1"
FOLDER=$(cd "$FOLDER" && pwd)
if [[ $RESTART == false && -e $FOLDER/v0/index.m3u8 ]]; then
  fail "$FOLDER holds a stream already: --restart continues it, or give an empty folder"
fi

FPS=25
# One keyframe at the start of every segment and nowhere else: a fixed GOP of exactly one segment
# (-g and -keyint_min), no keyframes at scene cuts (-sc_threshold 0). So every segment starts with
# a keyframe (independent_segments is true), cuts fall on the same frames in both renditions, and
# every segment lasts exactly --segment-seconds.
GOP=$((FPS * SEGMENT_SECONDS))

# RESTART: append_list reads each variant playlist that is there, keeps its segments (and deletes
# them as they leave the window), continues its media sequence and segment numbers (no file is
# overwritten, the sequence never goes back) and puts #EXT-X-DISCONTINUITY before the first new
# segment, since the new encoder's timestamps start again. A #EXT-X-ENDLIST of a graceful stop is
# dropped. A player riding the old playlist sees the window move on as usual. The other way, a fresh
# start with a new -start_number, would overwrite nothing either, but gives the player a jump in
# the sequence and no discontinuity: timestamps going back without one stall players.
FLAGS=delete_segments+independent_segments+program_date_time
if [[ $RESTART == true ]]; then
  FLAGS+=+append_list
fi

SEGMENT_OPTIONS=()
case $FORMAT in
  ts) SEGMENT_EXTENSION=ts ;;
  cmaf)
    # fMP4 segments, each variant playlist starting with #EXT-X-MAP. With -var_stream_map ffmpeg 5
    # adds _<variant> to an init name without %v (init.mp4 becomes init_0.mp4); saying init_%v.mp4
    # makes that explicit. The file is written next to the variant's segments (v0/init_0.mp4) and
    # the map's URI is the bare name, so it resolves from the variant playlist.
    SEGMENT_EXTENSION=m4s
    SEGMENT_OPTIONS=(-hls_segment_type fmp4 -hls_fmp4_init_filename 'init_%v.mp4')
    ;;
  aes128)
    # One key for both renditions in FOLDER/enc.key; ffmpeg writes the key info file's first line
    # as it is into #EXT-X-KEY of each variant playlist, and those live in v0/ and v1/, so the URI
    # is ../enc.key. Without an IV line ffmpeg uses IV 0 and writes IV=0x0... into the tag. A
    # restart keeps the key: the old segments still in the window were encrypted with it.
    SEGMENT_EXTENSION=ts
    if [[ $RESTART == false || ! -s $FOLDER/enc.key ]]; then
      head -c 16 /dev/urandom >"$FOLDER/enc.key"
    fi
    # The key info file must stay out of the served folder. ffmpeg opens it once per rendition,
    # after the first frames are encoded, by name; /dev/fd/3 of a deleted temporary file reopens
    # it from the start each time and leaves nothing behind once ffmpeg is gone.
    KEY_INFO=$(mktemp "${TMPDIR:-/tmp}/live-encoder.XXXXXX")
    printf '%s\n%s\n' ../enc.key "$FOLDER/enc.key" >"$KEY_INFO"
    exec 3<"$KEY_INFO"
    rm -f "$KEY_INFO"
    SEGMENT_OPTIONS=(-hls_key_info_file /dev/fd/3)
    ;;
esac

DURATION_OPTIONS=()
if [[ -n $DURATION ]]; then
  DURATION_OPTIONS=(-t "$DURATION")
fi

# -re reads the generated source at its own pace: one second of picture and tone per second.
# libx264 ultrafast + zerolatency keeps the two encodes to a few percent of a core.
exec ffmpeg -hide_banner -nostats -loglevel warning \
  -re -f lavfi -i "testsrc2=size=426x240:rate=${FPS}[out0];sine=frequency=440:beep_factor=4:sample_rate=48000[out1]" \
  -filter_complex '[0:v]split=2[v0][source1];[source1]scale=256:144[v1]' \
  -map '[v0]' -map '[v1]' -map 0:a -map 0:a \
  -c:v libx264 -preset ultrafast -tune zerolatency -pix_fmt yuv420p \
  -g "$GOP" -keyint_min "$GOP" -sc_threshold 0 \
  -b:v:0 400k -maxrate:v:0 400k -bufsize:v:0 800k \
  -b:v:1 150k -maxrate:v:1 150k -bufsize:v:1 300k \
  -c:a aac -b:a 64k -ac 1 \
  "${DURATION_OPTIONS[@]}" \
  -f hls -hls_time "$SEGMENT_SECONDS" -hls_list_size "$WINDOW" -hls_flags "$FLAGS" \
  "${SEGMENT_OPTIONS[@]}" \
  -master_pl_name "$ENTRY" -var_stream_map 'v:0,a:0 v:1,a:1' \
  -hls_segment_filename "$FOLDER/v%v/seg_%05d.$SEGMENT_EXTENSION" "$FOLDER/v%v/index.m3u8"
