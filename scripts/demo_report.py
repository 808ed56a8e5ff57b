#!/usr/bin/env python3
"""Summarises what the demo's receivers got: per unit, the emails (subjects) and webhook calls,
and the reminders per stage as the outbox recorded them."""
import collections
import json
import sys

smtp_log, http_log, outbox_file = sys.argv[1:4]


def lines(path):
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except FileNotFoundError:
        return []


outbox = json.load(open(outbox_file, encoding="utf-8"))
unit_of_target = {}
stages = collections.defaultdict(collections.Counter)
for d in outbox:
    unit_of_target[d["target"]] = d["unit"]
    if d["state"] == "sent" and d["role"] in ("to", "webhook") and (d["role"] == "webhook" or True):
        if d["channel"] == "email" and d["role"] == "to":
            for key in d["stages"]:
                stage = key.rsplit("/", 1)[1].split("-")[0]
                stages[d["unit"]][stage] += 1

emails = collections.defaultdict(list)
for r in lines(smtp_log):
    if r.get("event") == "message":
        first = (r.get("rcpt_tos") or [""])[0]
        emails[unit_of_target.get(first, first)].append(r.get("subject", ""))
hooks = collections.Counter()
for r in lines(http_log):
    for target, unit in unit_of_target.items():
        if target.endswith(r.get("path", "?")):
            hooks[unit] += 1
            break

for unit in sorted(set(emails) | set(hooks)):
    counts = ", ".join(f"{k} {v}" for k, v in sorted(stages[unit].items()))
    print(f"{unit}: {len(emails[unit])} email, {hooks[unit]} webhook; theo giai đoạn: {counts}")
    for subject in list(dict.fromkeys(emails[unit]))[:4]:
        print(f"    {subject}")
digests = [s for s in emails.pop("coordinator", [])]
total = sum(len(v) for v in emails.values())
print(f"\n{total} email, {sum(hooks.values())} webhook; chữ ký webhook hợp lệ: "
      f"{sum(1 for r in lines(http_log) if r.get('signature_valid'))}/{len(lines(http_log))}")
print(f"điều phối viên: {len(digests)} thư tổng hợp hằng ngày" + (f" ({digests[0]} ... {digests[-1]})" if digests else ""))
