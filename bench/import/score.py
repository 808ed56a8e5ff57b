#!/usr/bin/env python3
"""Scores `nhachan import --format json` drafts against the hand-written expected files.

usage: score.py CORPUS_DIR DRAFTS_DIR [--misses] [--by-kind] [--near] [--firm]

CORPUS_DIR holds train/ and validation/ (NAME.txt, .docx or .pdf + NAME.expected.json); DRAFTS_DIR holds
train/NAME.json and validation/NAME.json. --misses lists what was missed or invented, for the
training set only: the validation set is scored, never inspected text by text. --by-kind
prints recall by the kind of deadline expected (before, through, at, every, within), for both.
--near counts, for both sets, why the missed deadlines were missed: drafted on the same day with
another kind or hour, drafted as a recurrence of the same frequency with another day, bound or
before/through, or not drafted at all (in a text that drafted nothing, or beside other deadlines).
--firm leaves out the tentative tasks (a marked limit no work governs, which the YAML draft writes
as a comment for the clerk to confirm); without it they count as drafted.

Definitions (ImportCorpusScore.swift in Tests/NhacHanImportTests computes the same):
- a deadline is right when its kind and its date match (and time for `at`, the RRULE and its
  before/through for `every`, n and unit for `within`); precision = right / drafted deadlines,
  recall = right / expected deadlines; `undated` tasks are not deadlines;
- an invented date is a drafted before/through/at deadline whose day is no expected deadline's
  (a deadline drafted without a day, written as a comment, invents nothing);
- numbers and issue dates: recall over the texts that have one, precision over the drafts that
  give one (a number drafted for a text without one is wrong).
"""
import json, os, sys, unicodedata


def norm_number(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFC", s).upper()
    return "".join(c for c in s if not c.isspace() and c not in "-–—")


def norm_rule(rule):
    parts = []
    for p in (rule or "").upper().split(";"):
        if not p:
            continue
        k, _, v = p.partition("=")
        if k in ("BYMONTH", "BYMONTHDAY", "BYDAY"):
            v = ",".join(sorted(v.split(","), key=lambda x: (len(x), x)))
        parts.append(k + "=" + v)
    return ";".join(sorted(parts))


def key(d):
    k = d.get("kind")
    if k in ("before", "through"):
        return (k, d.get("date"))
    if k == "at":
        return (k, d.get("date"), d.get("time"))
    if k == "every":
        return (k, norm_rule(d.get("rule")), d.get("every_kind") or "before")
    if k == "within":
        return (k, d.get("n"), d.get("unit"))
    return (k,)


def why_missed(k, wrong, drafted_any):
    """Why an expected deadline was missed, as a reason a count can be kept of."""
    if k[0] in ("before", "through", "at"):
        if any(w[0] in ("before", "through", "at") and w[1] == k[1] for w in wrong):
            return "same day, other kind or hour"
        if any(w[0] == k[0] and w[1] is None for w in wrong):
            return "same kind, no year"
    if k[0] == "every":
        freq = lambda r: [p for p in r.split(";") if p.startswith("FREQ=")]
        bare = lambda r: ";".join(p for p in r.split(";") if not p.startswith("UNTIL=") and not p.startswith("COUNT="))
        same = [w for w in wrong if w[0] == "every" and freq(w[1]) == freq(k[1])]
        if any(bare(w[1]) == bare(k[1]) and w[2] == k[2] for w in same):
            return "recurrence, other bound"
        if any(w[1] == k[1] for w in same):
            return "recurrence, other before/through"
        if same:
            return "recurrence, other days"
        if any(w[0] == "every" for w in wrong):
            return "recurrence, other frequency"
        if any(w[0] in ("before", "through") for w in wrong):
            return "recurrence drafted as one date"
    if k[0] == "within" and any(w[0] == "within" for w in wrong):
        return "within, other count"
    return "not drafted" if drafted_any else "not drafted (text drafted nothing)"


FIRM = "--firm" in sys.argv


def drafted_deadlines(draft):
    # --firm: only the tasks a draft makes active (a "tentative" task is written as a comment).
    return [t["deadline"] for t in draft.get("tasks", []) if t.get("deadline") and t["deadline"]["kind"] != "undated"
            and not (FIRM and t.get("tentative"))]


def score(corpus, drafts, split, misses):
    f = dict(dl_right=0, dl_drafted=0, dl_expected=0, invented=0,
             no_right=0, no_drafted=0, no_expected=0, is_right=0, is_drafted=0, is_expected=0, texts=0)
    lines = []
    folder = os.path.join(corpus, split)
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".expected.json"):
            continue
        stem = name[:-len(".expected.json")]
        exp = json.load(open(os.path.join(folder, stem + ".expected.json"), encoding="utf-8"))
        path = os.path.join(drafts, split, stem + ".json")
        draft = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else {}
        f["texts"] += 1
        expected = list(exp["deadlines"])
        got = drafted_deadlines(draft)
        left = [key(e) for e in expected]
        right, wrong = 0, []
        for d in got:
            k = key(d)
            if k in left:
                left.remove(k)
                right += 1
            else:
                wrong.append(d)
        exp_days = {e.get("date") for e in expected if e["kind"] in ("before", "through", "at")}
        invented = [d for d in got if d["kind"] in ("before", "through", "at") and d.get("date") and d["date"] not in exp_days]
        for e in expected:
            f.setdefault("kind_expected", {}).setdefault(e["kind"], 0)
            f["kind_expected"][e["kind"]] += 1
        left_kinds = [k[0] for k in left]
        for e in expected:
            f.setdefault("kind_right", {}).setdefault(e["kind"], 0)
        for kind in {e["kind"] for e in expected}:
            f["kind_right"][kind] += sum(1 for e in expected if e["kind"] == kind) - left_kinds.count(kind)
        near = f.setdefault("near", {})
        for k in left:
            reason = why_missed(k, [key(d) for d in wrong], bool(got))
            near[reason] = near.get(reason, 0) + 1
        f["dl_right"] += right
        f["dl_drafted"] += len(got)
        f["dl_expected"] += len(expected)
        f["invented"] += len(invented)
        for field, p in (("number", "no"), ("issued", "is")):
            e, g = exp.get(field), draft.get(field)
            if field == "number":
                e, g = norm_number(e), norm_number(g)
            if e is not None:
                f[p + "_expected"] += 1
            if g is not None:
                f[p + "_drafted"] += 1
            if e is not None and g == e:
                f[p + "_right"] += 1
            elif misses and (e is not None or g is not None):
                lines.append(f"  {stem}: {field} expected {exp.get(field)!r}, drafted {draft.get(field)!r}")
        if misses:
            for k in left:
                lines.append(f"  {stem}: missed {k}")
            for d in wrong:
                lines.append(f"  {stem}: drafted {key(d)} ({d.get('phrase')!r})")
            for d in invented:
                lines.append(f"  {stem}: invented date {d.get('date')}")
    return f, lines


def pct(a, b):
    return f"{100.0 * a / b:5.1f}% ({a}/{b})" if b else "    - (0/0)"


def main():
    corpus, drafts = sys.argv[1], sys.argv[2]
    misses = "--misses" in sys.argv
    print(f"{'set':<11} {'texts':>5}  {'deadlines P':<16} {'deadlines R':<16} {'invented':>8}  {'numbers P':<16} {'numbers R':<16} {'issued P':<16} {'issued R':<16}")
    for split in ("train", "validation"):
        f, lines = score(corpus, drafts, split, misses and split == "train")
        print(f"{split:<11} {f['texts']:>5}  {pct(f['dl_right'], f['dl_drafted']):<16} {pct(f['dl_right'], f['dl_expected']):<16} {f['invented']:>8}  "
              f"{pct(f['no_right'], f['no_drafted']):<16} {pct(f['no_right'], f['no_expected']):<16} "
              f"{pct(f['is_right'], f['is_drafted']):<16} {pct(f['is_right'], f['is_expected']):<16}")
        if "--by-kind" in sys.argv:
            kinds = f.get("kind_expected", {})
            print("  recall by kind: " + ", ".join(f"{k} {pct(f['kind_right'][k], n)}" for k, n in sorted(kinds.items())))
        if "--near" in sys.argv:
            for reason, n in sorted(f.get("near", {}).items(), key=lambda x: -x[1]):
                print(f"  missed: {n:4d}  {reason}")
        for line in lines:
            print(line)


if __name__ == "__main__":
    main()
