#!/usr/bin/env bash
# An officer's inbox with 10,000 open dossiers in one agency (issue 17), on one node and a fresh PostgreSQL database.
# Usage, from the project folder after `mvn -B package -DskipTests`: bash docs/load/inbox-10000.sh [dossiers]
# Starts the packaged jar (demo,postgres) on port 8099 against database motcua_inbox (dropped and created), submits
# the dossiers online as `citizen` (6 at once), runs ANALYZE as a production database's autovacuum would (unless
# SKIP_ANALYZE=1), then reads
# the first page of clerk.stp's inbox 220 times, API and page, and prints median / p95 / p99 of the last 200.
set -euo pipefail
N=${1:-10000}
B=http://127.0.0.1:8099
DB=motcua_inbox
WORK=$(mktemp -d)
dropdb -h 127.0.0.1 -U postgres --if-exists $DB && createdb -h 127.0.0.1 -U postgres $DB
MOTCUA_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB java -jar target/motcua-0.1.0-SNAPSHOT.jar \
  --spring.profiles.active=demo,postgres --server.port=8099 --motcua.documents.dir=$WORK/files > $WORK/node.log 2>&1 &
NODE=$!
trap 'kill $NODE; wait $NODE 2>/dev/null; rm -rf $WORK' EXIT
until curl -sf $B/actuator/health/readiness > /dev/null; do sleep 2; done

echo "submitting $N dossiers (answers by status):"
seq "$N" | xargs -P 6 -I{} curl -s -o /dev/null -w '%{http_code}\n' -u citizen:demo \
  -H 'Content-Type: application/json' -d '{"procedureCode":"2.000488.000.00.12.H13","applicant":{"name":"Nguyễn Văn An",
  "idNumber":"093085000123","phone":"0912345678","address":"Số 12 Trần Hưng Đạo, phường Vị Thanh"}}' \
  $B/api/dossiers | sort | uniq -c
# SKIP_ANALYZE=1 reads before PostgreSQL has statistics of the new rows (as right after a bulk load).
[ -n "${SKIP_ANALYZE:-}" ] || psql -h 127.0.0.1 -U postgres -q -c analyze $DB
echo "open reception tasks: $(psql -h 127.0.0.1 -U postgres -tA -c \
  "select count(*) from act_ru_task where task_def_key_ = 'reception'" $DB)"

stats() { # reads seconds, one per line; prints median / p95 / p99 of the last 200 in ms
  tail -n 200 | sort -n | awk '{a[NR] = $1 * 1000} END {printf "median %.1f ms  p95 %.1f ms  p99 %.1f ms\n", a[100], a[190], a[198]}'
}
echo -n "GET /api/tasks (first page):   "
for i in $(seq 220); do curl -s -o /dev/null -w '%{time_total}\n' -u clerk.stp:demo $B/api/tasks; done | stats
# The page needs a signed-in session: the login form's CSRF token, then the form sign-in.
TOKEN=$(curl -s -c $WORK/jar $B/login | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -b $WORK/jar -c $WORK/jar -o /dev/null --data-urlencode "_csrf=$TOKEN" -d username=clerk.stp -d password=demo \
  $B/login
status=$(curl -s -o /dev/null -w '%{http_code}' -b $WORK/jar $B/officer/inbox)
[ "$status" = 200 ] || { echo "the inbox page answered $status: not signed in"; exit 1; }
echo -n "GET /officer/inbox (the page):  "
for i in $(seq 220); do curl -s -o /dev/null -w '%{time_total}\n' -b $WORK/jar $B/officer/inbox; done | stats
