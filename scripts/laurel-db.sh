# Shared by scripts/backup and scripts/restore (sourced, not run).

# jdbc:mysql://host[:port]/database[?...] (or jdbc:mariadb:) -> DB_HOST, DB_PORT, DB_NAME
parse_mysql_url() {
    local url="$1"
    if [[ "$url" =~ ^jdbc:(mysql|mariadb)://([^/:?]+)(:([0-9]+))?/([^?]+) ]]; then
        DB_HOST="${BASH_REMATCH[2]}"
        DB_PORT="${BASH_REMATCH[4]:-3306}"
        DB_NAME="${BASH_REMATCH[5]}"
    else
        echo "cannot read host and database from LAUREL_DB_URL=$url" >&2
        exit 1
    fi
    [ -n "${LAUREL_DB_USER:-}" ] || { echo "LAUREL_DB_USER is not set" >&2; exit 1; }
}

# The H2 jar: H2_JAR, else the one inside LAUREL_JAR (the Laurel jar), else the newest in ~/.m2.
h2_jar() {
    if [ -n "${H2_JAR:-}" ]; then
        echo "$H2_JAR"
    elif [ -n "${LAUREL_JAR:-}" ]; then
        local tmp
        tmp=$(mktemp -d)
        (cd "$tmp" && unzip -q -o "$LAUREL_JAR" 'BOOT-INF/lib/h2-*.jar')
        ls "$tmp"/BOOT-INF/lib/h2-*.jar
    else
        local found
        found=$(ls -1 "$HOME"/.m2/repository/com/h2database/h2/*/h2-*.jar 2>/dev/null | sort -V | tail -1)
        [ -n "$found" ] || { echo "no H2 jar: set H2_JAR or LAUREL_JAR" >&2; exit 1; }
        echo "$found"
    fi
}
