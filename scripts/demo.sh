#!/usr/bin/env bash
# The demo district end to end: real SMTP (STARTTLS + AUTH) and HTTP receivers on loopback, the
# seed directives, and the March-April 2024 campaign on a simulated clock (`tick --now`, day by day),
# with some units reporting on the way. Ends with what each unit received and the outbox summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/.build/debug/nhachan
run=$PWD/.build/demo-run
python=${NHACHAN_PYTHON:-python3}
smtp_port=${NHACHAN_DEMO_SMTP_PORT:-2525}
http_port=${NHACHAN_DEMO_HTTP_PORT:-18080}

rm -rf "$run"
mkdir -p "$run/certs"
cp -r examples/demo "$run/demo"
cp -r examples/seeds "$run/seeds"
config=$run/demo/nhachan.yaml
sed -i "s|127.0.0.1:2525|127.0.0.1:$smtp_port|; s|127.0.0.1:18080|127.0.0.1:$http_port|g" "$config" "$run/demo/units.yaml"

echo "== A test CA and a certificate for 127.0.0.1 (trusted through smtp.ca_file)"
(
    cd "$run/certs"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=nhachan demo CA" -keyout ca.key -out ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > san.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile san.ext -out server.pem 2>/dev/null
)
sed -i "s|^  password_file: secrets/smtp.password.*|&\n  ca_file: $run/certs/ca.pem|" "$config"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
"$python" Tests/Support/smtp_server.py --port "$smtp_port" --out "$run/smtp.jsonl" --cert "$run/certs/server.pem" \
    --key "$run/certs/server.key" --auth "nhachan:$(cat examples/demo/secrets/smtp.password)" --ignore-stdin > "$run/smtp.log" 2>&1 &
pids+=($!)
"$python" Tests/Support/http_server.py --port "$http_port" --out "$run/http.jsonl" \
    --secret "$(cat examples/demo/secrets/webhook.secret)" --ignore-stdin > "$run/http.log" 2>&1 &
pids+=($!)
for log in "$run/smtp.log" "$run/http.log"; do
    for _ in $(seq 100); do grep -q '^PORT' "$log" 2>/dev/null && break; sleep 0.1; done
    grep -q '^PORT' "$log" || { echo "a demo receiver did not start:"; cat "$log"; exit 1; }
done
echo "SMTP receiver on 127.0.0.1:$smtp_port (STARTTLS, AUTH), webhook receiver on 127.0.0.1:$http_port"

echo
echo "== nhachan check"
"$bin" check -c "$config" --now 2024-03-01

echo
echo "== The campaign, March-April 2024: nhachan tick --now DAY T08:00 and T16:30, day by day"
day=2024-03-01
while [[ "$day" < "2024-05-01" ]]; do
    for at in 08:00 16:30; do  # the reminders, then the coordinator's digest
        out=$("$bin" tick -c "$config" --now "${day}T$at")
        case "$out" in *"đã gửi 0, chờ thử lại 0, hết hiệu lực 0, lỗi vĩnh viễn 0"*) ;; *) echo "$out" ;; esac
    done
    case "$day" in
        2024-03-26) "$bin" ack -c "$config" --directive ctxh-2024-huyen --unit xa-binh-chau --at 2024-03-26T10:00 --note "Báo cáo số 12/BC-UBND" ;;
        2024-03-28) "$bin" ack -c "$config" --directive ctxh-2024-huyen --unit ubnd-xa --task bao-cao --at 2024-03-28T15:00 ;;
        2024-04-02) "$bin" ack -c "$config" --directive ls-kh-ctxh-2024 --unit don-vi-huyen --task bao-cao --at 2024-04-02T09:30 ;;
    esac
    day=$(date -d "$day + 1 day" +%F)
done

echo
echo "== What each unit received"
"$bin" outbox -c "$config" --format json > "$run/outbox.json"
"$python" scripts/demo_report.py "$run/smtp.jsonl" "$run/http.jsonl" "$run/outbox.json"

echo
echo "== nhachan outbox (summary)"
"$bin" outbox -c "$config" | tail -n 1
