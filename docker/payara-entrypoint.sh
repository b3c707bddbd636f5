#!/bin/sh
# The StreamGate images' entry point (under tini, as the user payara): starts Payara Micro as the
# base image's entry point does, and ends the container when an application fails to deploy. Payara
# Micro itself would run on without the application, a half-working server that answers 404 and
# whose readiness has no StreamGate check in it; this way a bad setting, a placeholder secret or an
# unreachable database leaves one line saying why (StreamGate's own, just before this one's) and a
# container that stops, which Docker restarts and reports, instead. TERM and INT pass to the server,
# which stops gracefully.
set -eu

log=$(mktemp -u /tmp/payara-output.XXXXXX)
mkfifo -m 0600 "$log"
# shellcheck disable=SC2086 # JVM_ARGS holds several options, as in the base image's entry point.
java -XX:MaxRAMPercentage="${MEM_MAX_RAM_PERCENTAGE:-70.0}" -Xss"${MEM_XSS:-512k}" -XX:+UseContainerSupport \
  ${JVM_ARGS:-} -jar /opt/payara/payara-micro.jar "$@" >"$log" 2>&1 &
server=$!
trap 'kill -TERM "$server" 2>/dev/null || true' TERM INT

# Payara Micro says "Loading application [name]" for a WAR that deployed, and "ready in" once
# its deployments are done, whether they worked or not.
failed=false
loaded=false
while IFS= read -r line; do
  printf '%s\n' "$line"
  case $line in
    *"Loading application ["*) loaded=true ;;
    *"Exception while loading the app"* | *"Payara Micro "*" ready in "*)
      if [ "$loaded" = false ] && [ "$failed" = false ]; then
        failed=true
        echo "streamgate: the application failed to deploy (the SEVERE lines above say why); stopping" >&2
        kill -TERM "$server" 2>/dev/null || true
      fi
      ;;
  esac
done <"$log"
rm -f "$log"

status=0
wait "$server" || status=$?
if [ "$failed" = true ]; then
  exit 1
fi
exit "$status"
