#!/usr/bin/env bash
# Container health check: GET /actuator/health on the local port and succeed on HTTP 200 (UP).
# Uses bash built-ins only (/dev/tcp, printf, read): the JRE image has no curl or wget, and
# DockerFilesTest runs this script with an empty PATH against a running Laurel to prove it.
port="${LAUREL_HEALTH_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 5 status <&3 || exit 1
[[ "$status" =~ ^HTTP/1\.[01]\ 200 ]]
