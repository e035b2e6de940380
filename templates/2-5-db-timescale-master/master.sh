
# Master: the image creates the database on the first boot. Every boot makes the secret's password
# the user's (a changed DatabasePassword applies from the next instance on) and brings the
# extension to the version of DBTimescaleDBExtensionVersion (ALTER EXTENSION must come first in
# its session).
start_postgres
master_sql() { docker exec timescaledb psql -X -q -v ON_ERROR_STOP=1 -U "$db_user" -d '${DBName}' -c "$1"; }
master_sql "ALTER ROLE \"$db_user\" PASSWORD '$db_password'"
master_sql 'CREATE EXTENSION IF NOT EXISTS timescaledb'
master_sql 'ALTER EXTENSION timescaledb UPDATE'
