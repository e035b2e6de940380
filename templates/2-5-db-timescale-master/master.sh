
# Master: the image creates the database on the first boot; every boot brings the extension to
# the version of DBTimescaleDBExtensionVersion (ALTER EXTENSION must come first in its session).
start_postgres
docker exec timescaledb psql -X -v ON_ERROR_STOP=1 -U "$db_user" -d '${DBName}' -c 'CREATE EXTENSION IF NOT EXISTS timescaledb'
docker exec timescaledb psql -X -v ON_ERROR_STOP=1 -U "$db_user" -d '${DBName}' -c 'ALTER EXTENSION timescaledb UPDATE'
