
# Replica: a blank volume gets a copy of the master (pg_basebackup also writes standby.signal),
# then the instance follows the master by streaming replication. A volume that already holds a
# copy resumes from it. The connection to the master is rewritten on every boot, with the
# secret's current password.
for attempt in $(seq 1 180); do
  if docker run --rm --network host "$image" pg_isready -q -h '${MasterAddress}'; then break; fi
  sleep 10
done
docker run --rm --network host "$image" pg_isready -q -h '${MasterAddress}'
if [ ! -s /data/pgdata/PG_VERSION ]; then
  rm -rf /data/pgdata
  install -d -m 700 -o "$pg_uid" -g "$pg_gid" /data/pgdata
  docker run --rm --network host --user "$pg_uid:$pg_gid" -e PGPASSWORD="$db_password" -v /data:/data "$image" \
    pg_basebackup -D /data/pgdata -X stream -R -d "host=${MasterAddress} port=5432 user=$db_user sslmode=require"
fi
sed -i '/^primary_conninfo/d' /data/pgdata/postgresql.auto.conf
echo "primary_conninfo = 'host=${MasterAddress} port=5432 user=$db_user password=$db_password sslmode=require'" \
  >>/data/pgdata/postgresql.auto.conf
chown "$pg_uid:$pg_gid" /data/pgdata/postgresql.auto.conf
chmod 600 /data/pgdata/postgresql.auto.conf
start_postgres
