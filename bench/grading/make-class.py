#!/usr/bin/env python3
"""Makes a class of N submissions of a triage-style exercise for bench/grading/run.sh.

Writes OUT/answer-key.json (the documented answer-key format, version 1) and OUT/submissions/sNNN/ with
answer-sheet.yaml, triage.json (a `forensics triage -f json`-shaped export of FILES files), evidence.sha256
(GNU checksum lines for the same files) and recovered/. Answers vary per student (seeded): some right, some
with planted mistakes, some blank, so that every checker path is exercised.
Usage: make-class.py OUT [--students N] [--files N]
"""
import hashlib, json, os, random, sys

out = sys.argv[1]
students = 200
files = 2000
args = sys.argv[2:]
while args:
    if args[0] == "--students":
        students = int(args[1]); args = args[2:]
    elif args[0] == "--files":
        files = int(args[1]); args = args[2:]
    else:
        sys.exit("unknown option " + args[0])

r = random.Random(7)
def sha(b, alg="sha256"):
    return hashlib.new(alg, b).hexdigest()

paths = ["evidence/dir%02d/file%05d.%s" % (i % 50, i, ["jpg", "pdf", "docx", "txt"][i % 4]) for i in range(files)]
contents = {p: ("content of %s\n" % p).encode() for p in paths}
renamed = [paths[i] for i in range(7, files, files // 8)][:8]
hidden = [paths[i] for i in range(11, files, files // 5)][:5]
recovered = [b"deleted chat export\n", b"carved photograph\n"]
note = paths[3]

def art(id_, kind, p, content=None):
    c = content if content is not None else contents[p]
    return {"id": id_, "kind": kind, "paths": [p[len("evidence/"):]] if p else [], "size": len(c),
            "hashes": {"md5": sha(c, "md5"), "sha1": sha(c, "sha1"), "sha256": sha(c)}, "ranges": [],
            "times": {"modified": "2026-02-14T20:37:12Z"}, "finding": "planted " + kind}

artifacts = [art("renamed-%d" % i, "renamed", p) for i, p in enumerate(renamed)]
artifacts += [art("hidden-%d" % i, "hidden", p) for i, p in enumerate(hidden)]
artifacts.append(art("note", "file", note))
artifacts.append(art("chat", "deleted-file", "evidence/Documents/chat.html", recovered[0]))
artifacts.append(art("photo", "unallocated-data", None, recovered[1]))
by_id = {a["id"]: a for a in artifacts}
def items(ids):
    out_ = []
    for i in ids:
        a = by_id[i]
        it = {"artifact": i}
        if a["paths"]:
            it["path"] = a["paths"][0]
        it["sha256"] = a["hashes"]["sha256"]
        out_.append(it)
    return out_

questions = [
    {"id": "q1-mismatch", "text": "List the files whose name does not fit their content.", "points": 4,
     "kind": "file-set", "expected": {"scoring": "f1", "items": items(["renamed-%d" % i for i in range(len(renamed))])}},
    {"id": "q2-hidden", "text": "List the hidden files.", "points": 3, "kind": "file-set",
     "expected": {"scoring": "per-item", "items": items(["hidden-%d" % i for i in range(len(hidden))])}},
    {"id": "q3-count", "text": "How many JPEG pictures are there?", "points": 2, "kind": "count",
     "expected": {"value": files // 4, "tolerance": 1}},
    {"id": "q4-note-hash", "text": "SHA-256 of the note?", "points": 2, "kind": "hash",
     "expected": {"algorithm": "sha256", "value": by_id["note"]["hashes"]["sha256"], "source": "artifact", "artifact": "note"}},
    {"id": "q5-time", "text": "When was the note modified?", "points": 2, "kind": "timestamp",
     "expected": {"value": "2026-02-14T20:37:12Z", "window": "PT2S", "assumeZone": "Europe/Vienna"}},
    {"id": "q6-company", "text": "Which company?", "points": 1, "kind": "text",
     "expected": {"accepted": ["Danube Logistics"], "regex": ["(?i)danube\\s+logistics( gmbh)?"], "caseSensitive": False}},
    {"id": "q7-recover", "text": "Recover the chat and the photo.", "points": 2, "kind": "recovered-files",
     "expected": {"items": items(["chat", "photo"])}},
]
key = {"format": "forensics-answer-key", "version": 1,
       "exercise": {"id": "triage-bench", "title": "Triage benchmark", "scenarioSeed": 1, "seed": 1, "timeZone": "Europe/Vienna"},
       "totalPoints": sum(q["points"] for q in questions), "passMark": 10, "questions": questions, "artifacts": artifacts}
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "answer-key.json"), "w") as f:
    json.dump(key, f, indent=2)

subs = os.path.join(out, "submissions")
for s in range(students):
    d = os.path.join(subs, "s%03d" % s)
    os.makedirs(os.path.join(d, "recovered"), exist_ok=True)
    flagged = set(x for x in renamed if r.random() < 0.85) | set(r.sample(paths, r.randint(0, 3)))
    mism = sorted(p[len("evidence/"):] for p in flagged)
    hid = [h[len("evidence/"):] for h in hidden if r.random() < 0.7]
    count = files // 4 + r.choice([0, 0, 1, -3])
    h = by_id["note"]["hashes"]["sha256"] if r.random() < 0.8 else sha(b"wrong")
    t = r.choice(["2026-02-14 21:37:12", "2026-02-14T21:37:13+01:00", "2026-02-14T20:37:12Z", "14.02.2026 20:37"])
    company = r.choice(["Danube Logistics", "danube  logistics GmbH", "Danube Shipping", ""])
    sheet = ["exercise: triage-bench", 'student-id: "s%03d"' % s, "answers:"]
    sheet.append("  q1-mismatch:" + ("".join("\n    - \"%s\"" % m for m in mism) if mism else " []"))
    sheet.append("  q2-hidden:" + ("".join("\n    - \"%s\"" % m for m in hid) if hid else " []"))
    sheet += ['  q3-count: "%d"' % count, '  q4-note-hash: "%s"' % h, '  q5-time: "%s"' % t,
              '  q6-company: "%s"' % company, '  q7-recover: ["chat.html", "photo.jpg"]']
    with open(os.path.join(d, "answer-sheet.yaml"), "w") as f:
        f.write("\n".join(sheet) + "\n")
    recs = []
    for p in paths:
        rel = p[len("evidence/"):]
        score = 40 if p in flagged else 0
        recs.append({"path": rel, "status": "triaged", "size": len(contents[p]), "modified": "2026-02-10T12:00:00Z",
                     "accessed": None, "created": None, "sha256": sha(contents[p]), "mediaType": "text/plain",
                     "category": "text", "decidedBy": "magic", "evidence": "", "extension": rel.rsplit(".", 1)[1],
                     "extensionMismatch": score > 0, "entropy": 4.2, "known": "unknown", "knownSets": [],
                     "findings": [{"kind": "extension-mismatch", "weight": 40, "reason": "planted"}] if score else [],
                     "score": score})
    with open(os.path.join(d, "triage.json"), "w") as f:
        json.dump({"categories": {"text": files}, "files": recs}, f, indent=2)
    with open(os.path.join(d, "evidence.sha256"), "w") as f:
        for p in paths:
            f.write("%s  %s\n" % (sha(contents[p]), p))
    with open(os.path.join(d, "recovered", "chat.html"), "wb") as f:
        f.write(recovered[0] if r.random() < 0.9 else b"damaged\n")
    with open(os.path.join(d, "recovered", "photo.jpg"), "wb") as f:
        f.write(recovered[1])
print("made %d submissions of %d evidence files in %s" % (students, files, subs))
