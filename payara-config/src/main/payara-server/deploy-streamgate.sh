#!/usr/bin/env bash
# Deploys StreamGate onto an existing, running Payara Server 6 domain through asadmin: the
# PostgreSQL driver, the JDBC pool and resource jdbc/streamgate, StreamGate's settings (system
# properties; secrets as password aliases), the data grid, the HTTP settings of
# ../payara/pre-boot-commands.asadmin on http-listener-1, a restart of the domain when one of these
# needs it, then the WARs. Running it again updates what it set and redeploys; it never removes a
# setting you leave out. DEPLOYMENT.md, section 7, is the operator's guide to it.
#
#   deploy-streamgate.sh [--platform-war FILE] [--media-war FILE] [--driver FILE] [--no-restart]
#
# Run it on the domain's machine (the restart is asadmin's restart-domain). Exit status: 0 deployed,
# 1 an asadmin command failed (its output follows), 2 a missing or wrong input, 3 a restart is needed
# but --no-restart was given. Secrets are read from the environment and handed to asadmin in a
# temporary password file, never on a command line, and never printed.
set -euo pipefail
umask 077 # the temporary password files

SELF=deploy-streamgate
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PRE_BOOT="$HERE/../payara/pre-boot-commands.asadmin"

POOL=streamgate-pool
RESOURCE=jdbc/streamgate
DB_PASSWORD_ALIAS=streamgate-db-password
PLATFORM_APP=streamgate-platform
MEDIA_APP=streamgate-media
POOL_KEY=resources.jdbc-connection-pool.$POOL
NETWORK_KEY=configs.config.server-config.network-config
HTTP_KEY=$NETWORK_KEY.protocols.protocol.http-listener-1.http
LISTENER_KEY=$NETWORK_KEY.network-listeners.network-listener.http-listener-1
TRANSPORT_KEY=$NETWORK_KEY.transports.transport.tcp
BIND_ANY=-Dhazelcast.socket.bind.any=false

# Plain settings of the WARs, passed on as system properties of the server when set. Together with
# SECRETS, every setting the WARs read but DATABASE_URL and DATABASE_RESOURCE (DeployScriptSettingsIT).
SETTINGS=(STREAMGATE_DATA_DIR STREAMGATE_DEMO SESSION_TIMEOUT_SECONDS HLS_SERVER_BASE_URL
  MEDIA_PROBE_URL TRUSTED_PROXIES RATE_LIMIT_REDEEM_PER_MINUTE RATE_LIMIT_REFRESH_PER_HOUR
  REVOCATION_FEED_OVERLAP_SECONDS NEXT_PUBLIC_APP_NAME APP_NAME PLATFORM_APP_URL PLAYBACK_PUBLIC_KEYS
  REVOCATION_SYNC REVOCATION_POLL_INTERVAL_MS STREAM_ROOT UPSTREAM_ORIGIN EVENT_ORIGINS UPSTREAM_TIMEOUT_SECONDS
  SEGMENT_CACHE_ROOT SEGMENT_CACHE_MAX_SIZE_GB SEGMENT_CACHE_MAX_AGE_HOURS SEGMENT_CACHE_SWEEP_MINUTES
  MEDIA_MEMORY_CACHE_MB MEDIA_RESPONSE_MEMORY_MB MEDIA_MAX_RESPONSES MEDIA_SLOW_READER_SECONDS
  CORS_ALLOWED_ORIGIN ACCESS_LOG_FILE SHUTDOWN_GRACE_SECONDS TOKEN_SHARING
  REQUIRE_TOTP_FOR_SUPER_ADMINS PORTAL_URL ANALYTICS_RETENTION_DAYS SMTP_HOST SMTP_PORT SMTP_STARTTLS SMTP_USER MAIL_FROM
  MAIL_RATE_PER_MINUTE)
# Secret settings of the WARs, stored as password aliases of the same name: Payara's MicroProfile
# Config reads password aliases (config source "Password Alias", ordinal 105, above the WARs'
# microprofile-config.properties and below system properties and the environment).
SECRETS=(INTERNAL_API_KEY SIGNING_KEY_ENCRYPTION_KEY REFRESH_TOKEN_PEPPER ADMIN_PASSWORD_HASH ADMIN_PASSWORD
  SMTP_PASSWORD)

usage() {
  cat <<'USAGE'
Usage: deploy-streamgate.sh [--platform-war FILE] [--media-war FILE] [--driver FILE] [--no-restart]

  --platform-war FILE  platform.war, deployed as streamgate-platform at /
  --media-war FILE     media.war, deployed as streamgate-media at /streams
  --driver FILE        the PostgreSQL JDBC driver jar (target/postgresql.jar); needed with the
                       platform the first time, added to the domain with add-library
  --no-restart         stop with status 3 instead of restarting the domain when a change needs it

asadmin and the domain (asadmin reads the AS_ADMIN_* variables itself):
  ASADMIN or PAYARA_HOME   asadmin to use (default: $PAYARA_HOME/bin/asadmin, else the PATH's)
  AS_ADMIN_HOST, AS_ADMIN_PORT, AS_ADMIN_USER, AS_ADMIN_PASSWORDFILE, AS_ADMIN_SECURE
                           the domain's admin address (default localhost:4848), user and a file
                           holding AS_ADMIN_PASSWORD=...

Database (platform; needed the first time, afterwards only to change the pool):
  DB_HOST, DB_PORT (5432), DB_NAME (streamgate), DB_USER (streamgate), DB_POOL_MAX (32)
  DB_PASSWORD              kept as the password alias streamgate-db-password

Data grid and HTTP (each only when set):
  STREAMGATE_CLUSTER_NAME   the data grid's cluster name
  STREAMGATE_GRID_INTERFACE the one address the data grid listens on
  STREAMGATE_BIND_ADDRESS   the address http-listener-1 listens on

StreamGate settings, as DEPLOYMENT.md section 10 describes them; each is set only when given:
  secrets, as password aliases: INTERNAL_API_KEY and SIGNING_KEY_ENCRYPTION_KEY (both needed the
    first time with the platform), REFRESH_TOKEN_PEPPER, ADMIN_PASSWORD_HASH, ADMIN_PASSWORD,
    SMTP_PASSWORD
  the others, as system properties: STREAMGATE_DATA_DIR (an absolute path; needed the first time
    with the platform), PLATFORM_APP_URL (default with both WARs: this server's http-listener-1),
    STREAM_ROOT, UPSTREAM_ORIGIN, SESSION_TIMEOUT_SECONDS, TRUSTED_PROXIES, ... (the full list is
    SETTINGS in this script)
USAGE
}

die() {
  echo "$SELF: $*" >&2
  exit 2
}

say() {
  echo "$SELF: $*"
}

# --- Inputs ------------------------------------------------------------------------------------

PLATFORM_WAR=
MEDIA_WAR=
DRIVER=
RESTART_ALLOWED=true
while (($# > 0)); do
  case $1 in
    --platform-war | --media-war | --driver)
      (($# >= 2)) || die "$1 needs a file"
      case $1 in
        --platform-war) PLATFORM_WAR=$2 ;;
        --media-war) MEDIA_WAR=$2 ;;
        --driver) DRIVER=$2 ;;
      esac
      shift 2
      ;;
    --no-restart)
      RESTART_ALLOWED=false
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) die "unknown argument '$1'; see --help" ;;
  esac
done

[[ -n $PLATFORM_WAR || -n $MEDIA_WAR ]] || die "nothing to deploy: give --platform-war FILE, --media-war FILE or both"
for file in "$PLATFORM_WAR" "$MEDIA_WAR" "$DRIVER"; do
  [[ -z $file || -f $file ]] || die "'$file' is not a file"
done
[[ -f $PRE_BOOT ]] || die "$PRE_BOOT is missing: run this script from payara-config/src/main/payara-server"

if [[ -n ${ASADMIN:-} ]]; then
  :
elif [[ -n ${PAYARA_HOME:-} ]]; then
  ASADMIN=$PAYARA_HOME/bin/asadmin
else
  ASADMIN=$(command -v asadmin) || die "asadmin is not on the PATH; set ASADMIN or PAYARA_HOME"
fi
[[ -x $ASADMIN ]] || die "ASADMIN '$ASADMIN' is not an executable asadmin"

is_whole() {
  [[ $1 =~ ^[0-9]+$ ]] && ((10#$1 >= $2))
}

# asadmin reads password files as Java properties (ISO 8859-1, backslash escapes).
check_secret() {
  local LC_ALL=C
  [[ ${!1} =~ ^[\ -~]+$ ]] || die "$1 must be printable ASCII characters (asadmin's password files carry no others)"
}

if [[ -n ${DB_PORT:-} ]]; then
  if ! is_whole "$DB_PORT" 1 || ((10#$DB_PORT > 65535)); then
    die "DB_PORT must be a port number (got '$DB_PORT')"
  fi
fi
if [[ -n ${DB_POOL_MAX:-} ]]; then
  is_whole "$DB_POOL_MAX" 1 || die "DB_POOL_MAX must be a whole number, at least 1 (got '$DB_POOL_MAX')"
fi
[[ -z ${DB_PASSWORD:-} ]] || check_secret DB_PASSWORD
for name in "${SECRETS[@]}"; do
  if [[ -n ${!name:-} ]]; then
    check_secret "$name"
    [[ ${!name} != [[:space:]]* && ${!name} != *[[:space:]] ]] ||
      die "$name must not begin or end with a space (Payara's MicroProfile Config trims every value)"
  fi
done
if [[ -n ${INTERNAL_API_KEY:-} ]] && ((${#INTERNAL_API_KEY} < 16)); then
  die "INTERNAL_API_KEY must be at least 16 characters long"
fi
if [[ -n ${SIGNING_KEY_ENCRYPTION_KEY:-} ]] && ((${#SIGNING_KEY_ENCRYPTION_KEY} < 32)); then
  die "SIGNING_KEY_ENCRYPTION_KEY must be at least 32 characters long"
fi
if [[ -n ${REFRESH_TOKEN_PEPPER:-} ]] && ((${#REFRESH_TOKEN_PEPPER} < 32)); then
  die "REFRESH_TOKEN_PEPPER must be at least 32 characters long"
fi
if [[ -n ${ADMIN_PASSWORD:-} ]] && ((${#ADMIN_PASSWORD} < 12)); then
  die "ADMIN_PASSWORD must have at least 12 characters"
fi
if [[ -n ${STREAMGATE_DATA_DIR:-} && $STREAMGATE_DATA_DIR != /* ]]; then
  die "STREAMGATE_DATA_DIR must be an absolute path (a relative one would be inside the domain's config folder)"
fi
if [[ -n ${STREAMGATE_CLUSTER_NAME:-} && ! $STREAMGATE_CLUSTER_NAME =~ ^[A-Za-z0-9._-]{1,64}$ ]]; then
  die "STREAMGATE_CLUSTER_NAME must be 1-64 letters, digits, dots, dashes or underscores (got '$STREAMGATE_CLUSTER_NAME')"
fi
ipv4='^([0-9]{1,3}\.){3}[0-9]{1,3}$'
if [[ -n ${STREAMGATE_GRID_INTERFACE:-} && ! $STREAMGATE_GRID_INTERFACE =~ $ipv4 ]]; then
  die "STREAMGATE_GRID_INTERFACE must be an IPv4 address such as 127.0.0.1 (got '$STREAMGATE_GRID_INTERFACE')"
fi
if [[ -n ${STREAMGATE_BIND_ADDRESS:-} && ! $STREAMGATE_BIND_ADDRESS =~ $ipv4 ]]; then
  die "STREAMGATE_BIND_ADDRESS must be an IP address such as 127.0.0.1 or 0.0.0.0 (got '$STREAMGATE_BIND_ADDRESS')"
fi

# --- asadmin -----------------------------------------------------------------------------------

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Drops the line asadmin prints when it has no terminal, ahead of its real answer.
without_noise() {
  grep -v '^Unable to create a system terminal' || true
}

# Runs an asadmin subcommand (never interactive, terse output); on failure prints what asadmin said
# and stops. Options before the subcommand are asadmin's own (--passwordfile).
as() {
  local out arg command=
  for arg in "$@"; do
    [[ $arg == -* || $arg == "$WORK"/* ]] || {
      command=$arg
      break
    }
  done
  if ! out=$("$ASADMIN" --interactive=false --terse=true "$@" 2>&1 | without_noise); then
    echo "$SELF: asadmin $command failed:" >&2
    sed '/^Command .* failed\.$/d; s/^/  /' <<<"$out" >&2
    exit 1
  fi
  [[ -z $out ]] || printf '%s\n' "$out"
}

# A password file for asadmin: the admin's (AS_ADMIN_PASSWORDFILE) plus AS_ADMIN_ALIASPASSWORD.
alias_password_file() {
  local file=$WORK/alias value=${!1}
  : >"$file"
  if [[ -n ${AS_ADMIN_PASSWORDFILE:-} ]]; then
    grep -v '^[[:space:]]*AS_ADMIN_ALIASPASSWORD' "$AS_ADMIN_PASSWORDFILE" >>"$file" || true
  fi
  value=${value//\\/\\\\}
  [[ $value != [[:space:]]* ]] || value="\\$value"
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$value" >>"$file"
  echo "$file"
}

# Creates or updates password alias $1 with the value of the variable named $2.
store_alias() {
  local alias=$1 variable=$2 file verb=create-password-alias
  file=$(alias_password_file "$variable")
  [[ " $ALIASES " != *" ${alias,,} "* ]] || verb=update-password-alias
  as --passwordfile "$file" "$verb" "$alias" >/dev/null
  rm -f "$file"
}

# Escapes a value for create-system-properties (name=value:name=value).
property_value() {
  local value=${1//\\/\\\\}
  value=${value//:/\\:}
  value=${value//=/\\=}
  value=${value//\"/\\\"}
  printf '%s' "$value"
}

lines_of() {
  as "$@" | tr '\n' ' '
}

# Each asadmin command is a JVM start of a second or more: what the domain has is read once, with
# as few commands as it takes. The first one is also the check that a running domain answers.
aliases_out=$("$ASADMIN" --interactive=false --terse=true list-password-aliases 2>&1 | without_noise) ||
  die "asadmin cannot reach a running domain at ${AS_ADMIN_HOST:-localhost}:${AS_ADMIN_PORT:-4848} (start it, or set AS_ADMIN_HOST, AS_ADMIN_PORT, AS_ADMIN_USER, AS_ADMIN_PASSWORDFILE): $(head -n 1 <<<"$aliases_out")"

ALIASES=" $(tr '\n' ' ' <<<"$aliases_out" | tr '[:upper:]' '[:lower:]') "
PROPERTIES=" $(as list-system-properties | sed -n 's/^\([A-Za-z0-9_.-]*\)=.*/\1/p' | tr '\n' ' ') "
POOLS=" $(lines_of list-jdbc-connection-pools) "
RESOURCES=" $(lines_of list-jdbc-resources) "
LIBRARIES=" $(lines_of list-libraries) "
JVM_OPTIONS=$(as list-jvm-options)
# The network settings as they are now (name=value lines, http-listener-1's among them), in one
# command (get takes one pattern); nothing before step 6 changes them.
NETWORK=$(as get "$NETWORK_KEY.*")
RESTART_REASONS=()

has() { # has LIST WORD
  [[ $1 == *" $2 "* ]]
}

network_value() { # network_value KEY: its value in NETWORK
  local line
  while IFS= read -r line; do
    if [[ $line == "$1="* ]]; then
      printf '%s\n' "${line#"$1="}"
      return
    fi
  done <<<"$NETWORK"
}

# What the first run needs, now that it is known what the domain already has.
if [[ -n $PLATFORM_WAR ]]; then
  if ! has "$POOLS" "$POOL"; then
    [[ -n ${DB_HOST:-} ]] || die "DB_HOST is not set: the PostgreSQL server of the new pool $POOL"
    [[ -n ${DB_PASSWORD:-} ]] || has "$ALIASES" "$DB_PASSWORD_ALIAS" ||
      die "DB_PASSWORD is not set: the password of the database user (stored as the alias $DB_PASSWORD_ALIAS)"
  fi
  if [[ -z $DRIVER ]] && ! grep -qi 'postgresql' <<<"$LIBRARIES"; then
    die "--driver is not given and the domain has no PostgreSQL driver: pass --driver target/postgresql.jar"
  fi
  [[ -n ${INTERNAL_API_KEY:-} ]] || has "$ALIASES" internal_api_key ||
    die "INTERNAL_API_KEY is not set: the internal API's key, 16 characters or more"
  [[ -n ${SIGNING_KEY_ENCRYPTION_KEY:-} ]] || has "$ALIASES" signing_key_encryption_key ||
    die "SIGNING_KEY_ENCRYPTION_KEY is not set: the key that encrypts the signing keys in the database, 32 random characters or more"
  [[ -n ${STREAMGATE_DATA_DIR:-} ]] || has "$PROPERTIES" STREAMGATE_DATA_DIR ||
    die "STREAMGATE_DATA_DIR is not set: an absolute folder for StreamGate's files, writable by the server"
fi
if [[ -n $MEDIA_WAR && -z $PLATFORM_WAR && -z ${PLATFORM_APP_URL:-} ]] && ! has "$PROPERTIES" PLATFORM_APP_URL; then
  die "PLATFORM_APP_URL is not set: the media server needs the platform's address (e.g. http://10.0.0.5:8080)"
fi
if [[ ${REVOCATION_SYNC:-} == poll && -z ${INTERNAL_API_KEY:-} ]] && ! has "$ALIASES" internal_api_key; then
  die "INTERNAL_API_KEY is not set: a media server with REVOCATION_SYNC=poll shows it to the platform"
fi

# --- 1. PostgreSQL driver ----------------------------------------------------------------------

if [[ -n $DRIVER ]]; then
  if has "$LIBRARIES" "$(basename "$DRIVER")"; then
    say "driver: $(basename "$DRIVER") is in the domain already (to replace it: asadmin remove-library, restart, run again)"
  else
    as add-library "$DRIVER" >/dev/null
    say "driver: added $(basename "$DRIVER") to the domain's lib folder"
    RESTART_REASONS+=("the driver was added")
  fi
fi

# --- 2. Secrets as password aliases --------------------------------------------------------------

stored=()
if [[ -n ${DB_PASSWORD:-} ]]; then
  store_alias "$DB_PASSWORD_ALIAS" DB_PASSWORD
  stored+=("$DB_PASSWORD_ALIAS")
fi
for name in "${SECRETS[@]}"; do
  if [[ -n ${!name:-} ]]; then
    store_alias "$name" "$name"
    stored+=("$name")
    # A system property or JVM option of that name would win over the alias.
    if has "$PROPERTIES" "$name"; then
      as delete-system-property "$name" >/dev/null
      say "secrets: removed the system property $name, which would hide its password alias"
    fi
    if grep -q "^-D$name=" <<<"$JVM_OPTIONS"; then
      say "warning: a JVM option -D$name=... hides the password alias $name; remove it with asadmin delete-jvm-options"
    fi
  fi
done
((${#stored[@]} == 0)) || say "secrets: password aliases ${stored[*]} stored"

# --- 3. JDBC pool and resource (as ../payara/postgresql-pool.asadmin, but with literal values) ----

if [[ -n $PLATFORM_WAR ]]; then
  pool_properties=(
    "serverName=${DB_HOST:-}" "portNumber=${DB_PORT:-5432}" "databaseName=${DB_NAME:-streamgate}"
    "user=${DB_USER:-streamgate}" "password=\${ALIAS=$DB_PASSWORD_ALIAS}" "ApplicationName=streamgate"
    "connectTimeout=10")
  if ! has "$POOLS" "$POOL"; then
    joined=
    for property in "${pool_properties[@]}"; do
      joined+="${joined:+:}${property%%=*}=$(property_value "${property#*=}")"
    done
    # Sizing and validation as in postgresql-pool.asadmin: validated with isValid() at most once a
    # minute, one failure drops every pooled connection, 10 s wait at most, idle ones close after 5 min.
    as create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
      --restype javax.sql.DataSource --steadypoolsize 2 --maxpoolsize "${DB_POOL_MAX:-32}" \
      --poolresize 2 --idletimeout 300 --maxwait 10000 --isconnectvalidatereq true \
      --validationmethod custom-validation \
      --validationclassname org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation \
      --validateatmostonceperiod 60 --failconnection true --property "$joined" "$POOL" >/dev/null
    say "database: created the pool $POOL (${DB_USER:-streamgate}@${DB_HOST}:${DB_PORT:-5432}/${DB_NAME:-streamgate})"
  else
    updates=()
    if [[ -n ${DB_HOST:-} ]]; then
      for property in "${pool_properties[@]}"; do
        updates+=("$POOL_KEY.property.$property")
      done
    fi
    [[ -z ${DB_POOL_MAX:-} ]] || updates+=("$POOL_KEY.max-pool-size=$DB_POOL_MAX")
    if ((${#updates[@]} > 0)); then
      as set "${updates[@]}" >/dev/null
      say "database: updated the pool $POOL"
    else
      say "database: the pool $POOL is kept as it is (set DB_HOST to change it)"
    fi
  fi
  if ! has "$RESOURCES" "$RESOURCE"; then
    as create-jdbc-resource --connectionpoolid "$POOL" "$RESOURCE" >/dev/null
    say "database: created the resource $RESOURCE"
  fi
fi

# --- 4. Settings as system properties ------------------------------------------------------------

http_port=$(network_value "$LISTENER_KEY.port")
if [[ -n $PLATFORM_WAR && -n $MEDIA_WAR && -z ${PLATFORM_APP_URL:-} ]] && ! has "$PROPERTIES" PLATFORM_APP_URL; then
  [[ $http_port =~ ^[0-9]+$ ]] || die "PLATFORM_APP_URL is not set and http-listener-1's port is '$http_port': set PLATFORM_APP_URL"
  host=${STREAMGATE_BIND_ADDRESS:-127.0.0.1}
  [[ $host != 0.0.0.0 ]] || host=127.0.0.1
  PLATFORM_APP_URL=http://$host:$http_port
fi
# shellcheck disable=SC2034 # read below through ${!name}
[[ -z $PLATFORM_WAR ]] || DATABASE_RESOURCE=$RESOURCE
properties=
names=()
for name in DATABASE_RESOURCE "${SETTINGS[@]}"; do
  if [[ -n ${!name:-} ]]; then
    properties+="${properties:+:}$name=$(property_value "${!name}")"
    names+=("$name")
  fi
done
if [[ -n $properties ]]; then
  as create-system-properties "$properties" >/dev/null
  say "settings: system properties ${names[*]} set"
fi

# --- 5. Data grid --------------------------------------------------------------------------------

grid=$(as get-hazelcast-configuration)
grid_value() { # the value column of a row of get-hazelcast-configuration
  sed -n "s/^$1  *\(.*[^ ]\)  *\(Domain\|Config\) *$/\1/p; s/^$1  *\(Domain\|Config\) *$//p" <<<"$grid" | head -n 1
}
grid_changes=()
[[ $(grid_value Enabled) == true ]] || grid_changes+=(--enabled=true)
if [[ -n ${STREAMGATE_CLUSTER_NAME:-} && $(grid_value 'Cluster Name') != "$STREAMGATE_CLUSTER_NAME" ]]; then
  grid_changes+=(--clustername="$STREAMGATE_CLUSTER_NAME")
fi
if [[ -n ${STREAMGATE_GRID_INTERFACE:-} ]]; then
  [[ $(grid_value Interfaces) == "$STREAMGATE_GRID_INTERFACE" ]] ||
    grid_changes+=(--interfaces="$STREAMGATE_GRID_INTERFACE")
  # Hazelcast listens on every address unless told to bind to the chosen interface only.
  if ! grep -qx -- "$BIND_ANY" <<<"$JVM_OPTIONS"; then
    as create-jvm-options "$BIND_ANY" >/dev/null
    RESTART_REASONS+=("the data grid binds to $STREAMGATE_GRID_INTERFACE only")
  fi
fi
if ((${#grid_changes[@]} > 0)); then
  as set-hazelcast-configuration --dynamic=false "${grid_changes[@]}" >/dev/null
  say "data grid: ${grid_changes[*]}"
  RESTART_REASONS+=("the data grid changed")
fi
cluster=${STREAMGATE_CLUSTER_NAME:-$(grid_value 'Cluster Name')}
if [[ $cluster == development ]]; then
  say "warning: the data grid's cluster name is Payara's default 'development'; set STREAMGATE_CLUSTER_NAME to keep other Payara servers out of it"
fi

# --- 6. HTTP settings of pre-boot-commands.asadmin, on http-listener-1 ---------------------------

address=$(network_value "$LISTENER_KEY.address")
http_changes=()
changed_keys=()
while IFS= read -r line; do
  if [[ $line =~ ^set\ configs\.config\.server-config\.network-config\.protocols\.protocol\.http-listener\.http\.([a-z0-9-]+)=(.*)$ ]]; then
    target=$HTTP_KEY
  elif [[ $line =~ ^set\ configs\.config\.server-config\.network-config\.transports\.transport\.tcp\.([a-z0-9-]+)=(.*)$ ]]; then
    target=$TRANSPORT_KEY
  else
    continue
  fi
  key=${BASH_REMATCH[1]} value=${BASH_REMATCH[2]}
  if ! grep -qxF -- "$target.$key=$value" <<<"$NETWORK"; then
    http_changes+=("$target.$key=$value")
    changed_keys+=("$key")
  fi
done <"$PRE_BOOT"
if [[ -n ${STREAMGATE_BIND_ADDRESS:-} && $address != "$STREAMGATE_BIND_ADDRESS" ]]; then
  http_changes+=("$LISTENER_KEY.address=$STREAMGATE_BIND_ADDRESS")
  changed_keys+=(address)
  address=$STREAMGATE_BIND_ADDRESS
fi
if ((${#http_changes[@]} > 0)); then
  # One command, then a restart: each change restarts the listener, and many in a row can leave it dead.
  as set "${http_changes[@]}" >/dev/null
  say "http-listener-1: set ${changed_keys[*]}"
  RESTART_REASONS+=("http-listener-1 changed")
else
  say "http-listener-1: settings already in place"
fi

# --- 7. Restart when needed ----------------------------------------------------------------------

if ((${#RESTART_REASONS[@]} > 0)); then
  reasons=$(printf '%s, ' "${RESTART_REASONS[@]}")
  reasons=${reasons%, }
  if [[ $RESTART_ALLOWED != true ]]; then
    echo "$SELF: the domain needs a restart ($reasons): restart it, then run this script again to deploy" >&2
    exit 3
  fi
  say "restarting the domain ($reasons)"
  domain_root=$(as __locations | head -n 1)
  case ${AS_ADMIN_HOST:-localhost} in
    localhost | 127.* | ::1 | "$(hostname)" | "$(hostname -f 2>/dev/null || hostname)")
      [[ -f $domain_root/config/domain.xml ]] ||
        die "the domain's folder '$domain_root' is not on this machine: run this script on the domain's machine"
      as restart-domain --domaindir "$(dirname "$domain_root")" "$(basename "$domain_root")" >/dev/null
      ;;
    *) as restart-domain >/dev/null ;;
  esac
fi

# --- 8. Deploy -----------------------------------------------------------------------------------

if [[ -n $PLATFORM_WAR ]]; then
  ping=$("$ASADMIN" --interactive=false --terse=true ping-connection-pool "$POOL" 2>&1 | without_noise) || {
    echo "$SELF: PostgreSQL cannot be reached through the pool $POOL; check DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD and that the database server runs:" >&2
    sed '/^Command .* failed\.$/d; s/^/  /' <<<"$ping" >&2
    exit 1
  }
  say "database: pool $POOL reaches PostgreSQL"
  as deploy --force=true --contextroot / --name "$PLATFORM_APP" "$PLATFORM_WAR" >/dev/null
  say "deployed $PLATFORM_APP at /"
fi
if [[ -n $MEDIA_WAR ]]; then
  as deploy --force=true --contextroot /streams --name "$MEDIA_APP" "$MEDIA_WAR" >/dev/null
  say "deployed $MEDIA_APP at /streams"
fi
[[ -n $address && $address != 0.0.0.0 ]] || address=${AS_ADMIN_HOST:-localhost}
say "done: readiness at http://$address:$http_port/health/ready"
