#!/bin/sh
# The official image's start: Payara Micro sized by the container's memory, options from CMD.
# shellcheck disable=SC2086 # JVM_ARGS holds several options.
exec java -XX:MaxRAMPercentage="$MEM_MAX_RAM_PERCENTAGE" -Xss"$MEM_XSS" -XX:+UseContainerSupport \
  $JVM_ARGS -jar /opt/payara/payara-micro.jar "$@"
