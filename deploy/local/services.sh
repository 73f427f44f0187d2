# shellcheck shell=bash disable=SC2034 # sourced by stack-up.sh and stack-down.sh
# The processes of the service deployment and their HTTP ports (health, readiness, the gateway's API); the
# same ports are the defaults of libs/platform/config/src/service-config/service.config.ts.
SERVICES=(gateway parser role-matcher skill-resolver persister)
STACK_DIR="${JDPIPE_STACK_DIR:-$PWD/.jdpipe/stack}"

service_port() {
  case "$1" in
    gateway) echo "${GATEWAY_PORT:-8080}" ;;
    parser) echo "${PARSER_PORT:-8081}" ;;
    role-matcher) echo "${ROLE_MATCHER_PORT:-8082}" ;;
    skill-resolver) echo "${SKILL_RESOLVER_PORT:-8083}" ;;
    persister) echo "${PERSISTER_PORT:-8084}" ;;
  esac
}
