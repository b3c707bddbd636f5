#!/bin/sh
# The StreamGate images' entry point (under tini, as the user payara; POSIX sh, so it runs on
# the official Alpine image's busybox as on Debian's dash): starts Payara Micro as the base image's
# entry point does, and ends the container when the application fails to deploy. Payara Micro
# itself would run on without the application, a half-working server that answers 404 and whose
# readiness has no StreamGate check in it; this way a bad setting, a placeholder secret or an
# unreachable database leaves one line saying why (StreamGate's own, just before this one's) and a
# container that stops, which Docker restarts and reports, instead.
#
# The server's output passes through a filter that watches the start-up, then gets out of the way.
# tini passes a stop signal to this script alone, which passes it on to the server once; the server
# drains and stops (a second TERM would make it stop at once, without the drain). A terminal's Ctrl-C
# reaches the whole group, but the server, started in the background, ignores INT and gets the TERM
# from here. The filter ignores stop signals and keeps passing the server's last lines on until the
# server is gone.
set -eu

server=
trap 'if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; fi' TERM INT

log=$(mktemp -u /tmp/payara-output.XXXXXX)
mkfifo -m 0600 "$log"
# shellcheck disable=SC2086 # JVM_ARGS holds several options, as in the base image's entry point.
java -XX:MaxRAMPercentage="${MEM_MAX_RAM_PERCENTAGE:-70.0}" -Xss"${MEM_XSS:-512k}" -XX:+UseContainerSupport \
  ${JVM_ARGS:-} -jar /opt/payara/payara-micro.jar "$@" >"$log" 2>&1 &
server=$!

# Payara Micro says "Loading application [name]" for a WAR that deployed, and "ready in" once its
# deployments are done, whether they worked or not. The filter exits 1 when it stopped the server.
(
  trap '' TERM INT
  failed=false
  while IFS= read -r line; do
    printf '%s\n' "$line"
    case $line in
      *"Loading application ["*)
        # Deployed: from here on the output passes through untouched.
        exec cat
        ;;
      *"Exception while loading the app"* | *"Payara Micro "*" ready in "*)
        if [ "$failed" = false ]; then
          failed=true
          echo "streamgate: the application failed to deploy (the SEVERE lines above say why); stopping" >&2
          kill -TERM "$server" 2>/dev/null || true
        fi
        ;;
    esac
  done
  [ "$failed" = false ]
) <"$log" &
filter=$!

# A signal ends a wait early (status 128 + signal) while the server still drains: wait again.
while :; do
  status=0
  wait "$server" || status=$?
  if [ "$status" -gt 128 ] && kill -0 "$server" 2>/dev/null; then
    continue
  fi
  break
done
filter_status=0
wait "$filter" || filter_status=$?
rm -f "$log"
if [ "$filter_status" -ne 0 ]; then
  exit 1
fi
exit "$status"
