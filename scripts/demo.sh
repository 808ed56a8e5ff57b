#!/usr/bin/env bash
# The demo district end to end: real SMTP (STARTTLS + AUTH) and HTTP receivers on loopback, the
# seed directives, and the March-April 2024 campaign on a simulated clock (`run --now --speed`),
# with some units reporting on the way. Ends with what each unit received and the outbox summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/.build/debug/nhachan
run=$PWD/.build/demo-run
python=${NHACHAN_PYTHON:-python3}
smtp_port=${NHACHAN_DEMO_SMTP_PORT:-2525}
http_port=${NHACHAN_DEMO_HTTP_PORT:-18080}
web_port=${NHACHAN_DEMO_WEB_PORT:-8780}

rm -rf "$run"
mkdir -p "$run/certs"
cp -r examples/demo "$run/demo"
cp -r examples/seeds "$run/seeds"
config=$run/demo/nhachan.yaml
sed -i "s|127.0.0.1:2525|127.0.0.1:$smtp_port|; s|127.0.0.1:18080|127.0.0.1:$http_port|g; s|127.0.0.1:8780|127.0.0.1:$web_port|g" "$config" "$run/demo/units.yaml"
head -c 32 /dev/urandom > "$run/demo/secrets/http.key" && chmod 600 "$run/demo/secrets/http.key"

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
echo "== The campaign, March-April 2024: nhachan run, the daemon as deployed, on a simulated clock"
echo "   (two days a second; it stops at each --until, a commune reports with nhachan ack, and it starts again)"
speed=172800
segment() {  # run from $1 to $2, then print what the daemon logged about sending
    "$bin" run -c "$config" --now "$1" --until "$2" --speed "$speed" 2> "$run/run.log" \
        || { echo "nhachan run failed:"; cat "$run/run.log"; exit 1; }
    grep -o '[0-9-]*T[0-9:]*+07:00: đã gửi [1-9][^(]*' "$run/run.log" || true
}
segment 2024-03-01T00:00 2024-03-26T10:00
"$bin" ack -c "$config" --directive ctxh-2024-huyen --unit xa-binh-chau --at 2024-03-26T10:00 --note "Báo cáo số 12/BC-UBND"
echo "   The Mặt trận presses Xác nhận in its latest email (nhachan serve, the web face alone, at 26/3 10:05):"
link=$("$python" -c '
import json, re, sys
mails = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
mine = [m for m in mails if "mttq@binhson.example.gov.vn" in (m.get("rcpt_tos") or []) and "/a/" in (m.get("text") or "")]
print(re.findall(r"http://127\.0\.0\.1:\d+/a/[A-Za-z0-9_.\-]+", mine[-1]["text"])[0] if mine else "")
' "$run/smtp.jsonl")
if [ -n "$link" ]; then
    "$bin" serve -c "$config" --now 2024-03-26T10:05 2> "$run/serve.log" &
    serve_pid=$!
    for _ in $(seq 100); do grep -q 'đang nghe' "$run/serve.log" 2>/dev/null && break; sleep 0.1; done
    title() { grep -o '<h1>[^<]*</h1>' | sed 's/<[^>]*>//g'; }
    echo "   GET  ${link%%/a/*}/a/…  -> $(curl -fsS "$link" | title) (a scanner fetching it changes nothing)"
    echo "   POST ${link%%/a/*}/a/…  -> $(curl -fsS -d 'note=Báo cáo số 31/BC-MTTQ' "$link" | title)"
    kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
fi
segment 2024-03-26T10:00 2024-03-28T15:00
"$bin" ack -c "$config" --directive ctxh-2024-huyen --unit ubnd-xa --task bao-cao --at 2024-03-28T15:00
segment 2024-03-28T15:00 2024-04-02T09:30
"$bin" ack -c "$config" --directive ls-kh-ctxh-2024 --unit don-vi-huyen --task bao-cao --at 2024-04-02T09:30
segment 2024-04-02T09:30 2024-05-01T00:00

echo
echo "== What each unit received"
"$bin" outbox -c "$config" --format json > "$run/outbox.json"
"$python" scripts/demo_report.py "$run/smtp.jsonl" "$run/http.jsonl" "$run/outbox.json"

echo
echo "== nhachan outbox (summary)"
"$bin" outbox -c "$config" | tail -n 1
