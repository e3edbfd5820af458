#!/usr/bin/env python3
"""Regenerate griot-model's ontology tables (crates/griot-model/data/*.tsv).

Usage: scripts/gen-ontology.py [REFERENCE_DIR]

REFERENCE_DIR defaults to ../shared/reference relative to the repository root. It must hold:

  plover/PLOVER_MANUAL.tex        PLOVER 2.0 draft manual, Open Event Data Alliance, CC BY-SA 4.0
  plover/CAMEO2PLOVER-2021.txt    CAMEO -> PLOVER table (OEDA, CC BY-SA 4.0)
  plover/CAMEO-PLOV.txt           older CAMEO -> PLOVER table (only cross-checked, see below)
  cameo/cameo-codes.csv           CAMEO codes and Goldstein scores, from the icews R package (MIT)
  gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv   (QuadClass labels)

Python 3 standard library only. Output is deterministic, so a re-run on unchanged references
leaves `git diff` empty.

Which CAMEO -> PLOVER file is authoritative: CAMEO2PLOVER-2021.txt.
  * It is the newer table (17 September 2021, matching the 2021 manual revision) and uses the 16
    category names of the manual (ACCUSE, REQUEST, COOPERATE, ...). CAMEO-PLOV.txt still uses
    pre-2021 names that are not PLOVER types (COOPERATION, INVESTIGATE, DEMAND, DISAPPROVE).
  * Its contexts are (nearly all) the manual's context tags (rights_freedoms, pro_autocracy,
    human_security, political_institutions, ...); CAMEO-PLOV.txt uses an older context set
    (government, rights, political, ...) that the manual no longer has.
  * Where they disagree on substance, the 2021 table follows the manual: 185 "Attempt to
    assassinate" is ASSAULT (the manual's ASSAULT `targeted` mode covers "successful and
    attempted assassinations"); CAMEO-PLOV.txt has THREATEN.
  Both cover the same CAMEO codes; the script prints the type disagreements it finds, for the
  record.

Normalisation of the 2021 table (the raw values are kept in the source_mode / source_contexts
columns so nothing is lost): a few modes and contexts in it are not in the manual's lists, because
the table predates the final manual. They are mapped to the manual's value the manual's own
wording points at, or dropped where the manual has no equivalent; see MODE_FIXES / CONTEXT_FIXES.
"""

import csv
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "crates", "griot-model", "data")

PLOVER_ORIGIN = "Open Event Data Alliance, https://github.com/openeventdata/PLOVER"
PLOVER_LICENCE = (
    "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); "
    "this table is an adaptation shared under the same licence"
)

TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]

QUAD_NAMES = {
    "VERBAL COOPERATION": 1,
    "MATERIAL COOPERATION": 2,
    "VERBAL CONFLICT": 3,
    "MATERIAL CONFLICT": 4,
}

# (type, mode in CAMEO2PLOVER-2021) -> mode in the manual ("" = no mode). Each is the manual's
# own wording: THREATEN/COERCE `restrict` covers "the banning of political activities";
# ASSAULT `targeted` covers "(successful and attempted) assassinations ... deliberate mass
# killings"; 1712 "Destroy property" is ASSAULT `destroy`. `return` and `cleansing` are commented
# out of the manual's mode tables and `ease` "is no longer a mode" (the 2021 table's own note),
# so they get no mode.
MODE_FIXES = {
    ("THREATEN", "ban"): "restrict",
    ("THREATEN", "political"): "restrict",
    ("COERCE", "ban"): "restrict",
    ("ASSAULT", "seize"): "destroy",
    ("ASSAULT", "assassinate"): "targeted",
    ("ASSAULT", "massacre"): "targeted",
    ("ASSAULT", "cleansing"): "",
    ("RETREAT", "return"): "",
    ("RETREAT", "ease"): "",
}
# A context written in the mode column (175 "Use tactics of violent repression").
MODE_IS_CONTEXT = {("ASSAULT", "pro_autocracy")}
# Contexts of the 2021 table that the manual renamed or does not have. `humanitarian` (aid,
# access for aid) is closest to the manual's human_security ("access to water, food, housing").
CONTEXT_FIXES = {
    "democracy": "pro_democracy",
    "humanitarian": "human_security",
}

# Pre-2021 category names in CAMEO-PLOV.txt, for the cross-check only.
OLD_TYPE_NAMES = {
    "COOPERATION": "COOPERATE",
    "INVESTIGATE": "ACCUSE",
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
}


def fail(msg):
    sys.exit(f"gen-ontology: {msg}")


def warn(msg):
    print(f"gen-ontology: note: {msg}", file=sys.stderr)


# ---------------------------------------------------------------- LaTeX to plain text


def strip_comments(tex):
    return "\n".join(re.sub(r"(?<!\\)%.*$", "", line) for line in tex.split("\n"))


def braced(text, start):
    """Return (content, end) for the {...} group opening at text[start]."""
    if start >= len(text) or text[start] != "{":
        return None, start
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return text[start + 1:i], i + 1
    fail("unbalanced braces in the manual")


KEEP_ARG = {"plcat", "plcon", "plmod", "ti", "txt", "textit", "textbf", "texttt", "emph",
            "textsf", "sout", "url"}
DROP_ARG = {"fn", "footnote", "label", "cite", "citet", "citep", "andy"}
# \label{...} -> title of the (sub)section it labels, so cross-references read as names.
LABELS = {}


def plain(tex):
    """LaTeX fragment -> one line of plain text (no tabs, no newlines)."""
    out = []
    i = 0
    while i < len(tex):
        c = tex[i]
        if c == "\\":
            m = re.match(r"\\([A-Za-z]+)\*?", tex[i:])
            if not m:
                nxt = tex[i + 1:i + 2]
                if nxt == "\\":
                    out.append(" ")
                elif nxt in "_%&$#{}":
                    out.append(nxt)
                i += 2
                continue
            name = m.group(1)
            i += m.end()
            if name == "hyperref":
                if tex[i:i + 1] == "[":
                    i = tex.index("]", i) + 1
                arg, i = braced(tex, i)
                out.append(plain(arg or ""))
            elif name in KEEP_ARG:
                arg, i = braced(tex, i)
                out.append(plain(arg or ""))
            elif name in ("ref", "autoref"):
                arg, i = braced(tex, i)
                title = LABELS.get(arg or "", "")
                out.append(("section " if name == "autoref" else "") + f'"{title}"')
            elif name in DROP_ARG:
                _, i = braced(tex, i)
            elif name == "item":
                out.append("\x01")
            elif name == "ldots":
                out.append("...")
            elif name == "AA":
                out.append("Å")
            elif name in ("begin", "end"):
                env, i = braced(tex, i)
                if name == "begin" and env in ("itemize", "enumerate", "description"):
                    out.append("\x00")
            # Any other command (\noindent, \newpage, \raggedright, ...) is layout: dropped.
            continue
        if c in "{}$":
            i += 1
            continue
        out.append(c)
        i += 1
    s = "".join(out)
    s = s.replace("---", "—").replace("--", "–").replace("``", '"').replace("''", '"')
    s = s.replace("`", "'").replace("~", " ")
    # Lists read inline: "intro: item; item; item".
    s = re.sub(r"\s*:?\s*\x00\s*\x01\s*", ": ", s)
    s = re.sub(r"\.?\s*\x01\s*", "; ", s).replace("\x00", " ")
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^[:;]\s*", "", s)
    s = re.sub(r"\s+([,.;:])", r"\1", s)
    if "\t" in s or "\n" in s:
        fail(f"unexpected whitespace in {s!r}")
    return s


def table_rows(body):
    """Rows of a tabular body as lists of cells (\\hline dropped; callers skip header rows)."""
    body = body.replace("\\hline", "")
    rows = []
    for raw in re.split(r"\\\\", body):
        cells = [c.strip() for c in raw.split("&")]
        if all(not c for c in cells):
            continue
        rows.append(cells)
    return rows


def table_for_caption(tex, cap):
    """Body of the table captioned at `cap`: the longtable around it, else the next tabular."""
    if cap < 0:
        fail("table caption not found")
    lt = tex.rfind("\\begin{longtable}", 0, cap)
    if lt >= 0 and tex.find("\\end{longtable}", lt) > cap:
        env, start = "longtable", lt + len("\\begin{longtable}")
    else:
        m = re.compile(r"\\begin\{tabular\}").search(tex, cap)
        if not m:
            fail("table not found")
        env, start = "tabular", m.end()
    # Skip the column spec.
    _, i = braced(tex, start)
    body = tex[i:tex.index(f"\\end{{{env}}}", i)]
    if env == "longtable":
        # Rows start after the repeated-header/footer preamble.
        for marker in ("\\endlastfoot", "\\endhead"):
            if marker in body:
                body = body.split(marker, 1)[1]
                break
        else:
            body = body[body.index("\\hline") :]
    return body


# ---------------------------------------------------------------- PLOVER manual


def parse_manual(path):
    with open(path, encoding="utf-8") as f:
        tex = strip_comments(f.read())
    for m in re.finditer(r"\\(?:sub)*section\*?\{([^}]*)\}\s*\\label\{([^}]*)\}", tex):
        LABELS[m.group(2)] = plain(m.group(1))

    # Event categories: \section{TYPE} ... up to the next \section.
    types = {}
    sections = list(re.finditer(r"\\section\{([A-Z]+)\}", tex))
    for k, m in enumerate(sections):
        name = m.group(1)
        if name not in TYPES:
            continue
        end = sections[k + 1].start() if k + 1 < len(sections) else len(tex)
        chapter_end = tex.find("\\chapter", m.end())
        if 0 <= chapter_end < end:
            end = chapter_end
        sec = tex[m.end():end]
        first_sub = sec.find("\\subsection")
        desc = plain(sec[:first_sub])
        quad = re.search(r"\\subsection\{Quad category: ([A-Z ]+)\}", sec)
        recip = re.search(r"\\subsection\{Requires recipient: (Yes|No)\}", sec)
        if not quad or not recip:
            fail(f"{name}: no quad category or recipient rule in the manual")
        modes = []
        cap = re.search(r"\\caption\{[^\n]*modes", sec)
        if cap:
            body = table_for_caption(sec, cap.start())
            for cells in table_rows(body):
                if cells[0] == "Name":
                    continue
                if len(cells) != 2:
                    fail(f"{name}: odd mode row {cells}")
                mode, text = cells[0], plain(cells[1])
                if not mode:
                    # A wrapped description continues on a row with an empty name.
                    modes[-1] = (modes[-1][0], f"{modes[-1][1]} {text}")
                    continue
                modes.append((plain(mode), text))
        types[name] = {
            "description": desc,
            "quad": QUAD_NAMES[quad.group(1).strip()],
            "recipient": recip.group(1).lower(),
            "modes": modes,
        }
    missing = [t for t in TYPES if t not in types]
    if missing:
        fail(f"types missing from the manual: {missing}")

    # Scores: the "PLOVER conflict--cooperation scores" table (the live one, not the commented).
    cap = tex.find("\\caption{PLOVER conflict--cooperation scores}")
    body = table_for_caption(tex, cap)
    type_scores, mode_scores = {}, {}
    for cells in table_rows(body):
        cells = [re.sub(r"\\cellcolor\{[^}]*\}", "", c).strip() for c in cells]
        for label, score in zip(cells[0::2], cells[1::2]):
            if not label or label.startswith("\\textbf"):
                continue
            if ":" in label:
                t, mode = [x.strip() for x in label.split(":", 1)]
                mode_scores[(t, mode.lower())] = score
            else:
                type_scores[label] = score
    for (t, mode) in mode_scores:
        if mode not in [m for m, _ in types[t]["modes"]]:
            fail(f"score table has {t}: {mode}, which is not in the {t} mode table")
    # ACCUSE is +3 in the manual while its modes are -2 to -3.5: most likely a lost minus sign,
    # but the table is transcribed as printed.
    if type_scores.get("ACCUSE") == "3":
        warn("manual gives ACCUSE a score of +3 (its modes are negative); kept as printed")

    # Cross-check the quad classes against the summary table "Quad categories in PLOVER".
    cap = tex.find("\\caption{Quad categories in PLOVER}")
    body = table_for_caption(tex, cap)
    for cells in table_rows(body):
        if len(cells) == 3 and cells[2].isdigit():
            for t in (x.strip() for x in cells[1].split(",")):
                if types[t]["quad"] != int(cells[2]):
                    warn(f"manual's summary table puts {t} in quad {cells[2]}; its own section "
                         f"(and the event summary table) say {types[t]['quad']}: keeping "
                         f"{types[t]['quad']}")

    # General contexts table.
    cap = tex.find("\\caption{General contexts")
    body = table_for_caption(tex, cap)
    contexts = []
    for cells in table_rows(body):
        if cells[0] == "Name" or len(cells) != 2:
            continue
        contexts.append((plain(cells[0]), "general", plain(cells[1])))
    # Auxiliary modes, which the manual says the coder puts into the context.
    aux = tex[tex.index("\\section{Auxiliary modes}"):]
    aux = aux[:aux.index("\\section{", 10)]
    for m in re.finditer(r"\\item \\plcon\{(\w+)\}: (.*)", aux):
        contexts.append((m.group(1), "auxiliary", "e.g. " + plain(m.group(2))))

    # Sectors: the "Sector Codes" longtable; frequent codes come before the second header. The
    # "(see Note n)" pointers are replaced by the note itself, so each row stands alone.
    notes_at = tex.index("\\subsection{Sector code notes}")
    notes_env = tex[notes_at:tex.index("\\end{enumerate}", notes_at)]
    notes = [plain(n) for n in notes_env.split("\\item")[1:]]
    body = table_for_caption(tex, tex.find("\\caption{Sector Codes}"))
    sectors = []
    tier = "frequent"
    for cells in table_rows(body):
        if len(cells) != 2:
            continue
        code, text = cells[0].strip("~ "), cells[1]
        if "Less frequently used" in text:
            tier = "less-frequent"
            continue
        if not re.fullmatch(r"[A-Z]{3}", code):
            continue
        refs = [int(n) for n in re.findall(r"Note (\d)", text)]
        text = plain(re.sub(r"\s*\(see [^()]*Note \d\)", "", text))
        for n in refs:
            text += ("" if text.endswith(".") else ".") + f" Note: {notes[n - 1]}"
        sectors.append((code, "sector", tier, text))
    # International non-state actors, coded in the country field in place of a country.
    cap = tex.find("\\caption{International Non-state actor names}")
    body = table_for_caption(tex, cap)
    for cells in table_rows(body):
        if len(cells) == 2 and re.fullmatch(r"[A-Z]{3}", cells[0]):
            sectors.append((cells[0], "international", "", plain(cells[1])))

    return types, type_scores, mode_scores, contexts, sectors


# ---------------------------------------------------------------- CAMEO


def quad_class_for_root(root):
    """GDELT 2.0 QuadClass from a CAMEO root code (the codebook's rule)."""
    r = int(root)
    if 1 <= r <= 5:
        return 1
    if 6 <= r <= 8:
        return 2
    if 9 <= r <= 13:
        return 3
    if 14 <= r <= 20:
        return 4
    fail(f"CAMEO root {root} out of range")


def parse_cameo(path):
    # The file's free-text columns carry mis-encoded bytes (not UTF-8); the columns we keep are
    # ASCII, which latin-1 reads losslessly, and we check that below.
    with open(path, encoding="latin-1", newline="") as f:
        rows = list(csv.DictReader(f))
    codes = []
    for r in rows:
        code, name, gold, root = r["code"], r["name"].strip(), r["goldstein"], r["root_code"]
        if not re.fullmatch(r"\d{2,4}", code) or code[:2] != root:
            fail(f"CAMEO code {code!r} / root {root!r} malformed")
        if not name.isascii() or "\t" in name:
            fail(f"CAMEO {code}: name {name!r} not plain ASCII")
        g = float(gold)
        if not -10 <= g <= 10:
            fail(f"CAMEO {code}: Goldstein {gold} out of range")
        codes.append((code, name, gold, root, quad_class_for_root(root)))
    if len({c[0] for c in codes}) != len(codes):
        fail("duplicate CAMEO codes")
    return codes


def check_gdelt(path):
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["tableId"] == "QuadClass":
                d = row["Description"]
                for n, label in ((1, "Verbal Cooperation"), (2, "Material Cooperation"),
                                 (3, "Verbal Conflict"), (4, "Material Conflict")):
                    if f"{n}={label}" not in d:
                        fail(f"GDELT QuadClass description lacks {n}={label}")
                return
    fail("GDELT column list has no QuadClass")


# ---------------------------------------------------------------- CAMEO -> PLOVER


def parse_2021(path, types, context_names):
    mapping = {}
    root_type = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            m = re.match(r"^(\d{2}): ([A-Z]+)\s*$", line)
            if m:
                # Root header; 08 appears twice (CONCEDE then RETREAT): the first one is what
                # 080 "Yield" maps to, so the root follows it.
                root_type.setdefault(m.group(1), m.group(2))
                continue
            m = re.match(r"^(\d{3,4}): (.*)$", line)
            if not m:
                continue
            code, rest = m.group(1), m.group(2)
            fields = rest.split("#", 1)[0].split(",")
            if len(fields) != 3:
                fail(f"CAMEO2PLOVER line {n}: expected 'TYPE, mode, context': {line!r}")
            ptype, smode, sctx = (x.strip() for x in fields)
            if ptype not in types:
                fail(f"CAMEO2PLOVER line {n}: unknown type {ptype}")
            sctxs = [c.strip() for c in sctx.split(";") if c.strip()]
            mode = MODE_FIXES.get((ptype, smode), smode)
            ctxs = [CONTEXT_FIXES.get(c, c) for c in sctxs]
            if (ptype, smode) in MODE_IS_CONTEXT:
                mode = ""
                ctxs = [smode] + ctxs
            valid_modes = [mm for mm, _ in types[ptype]["modes"]]
            if mode and mode not in valid_modes:
                fail(f"CAMEO2PLOVER line {n}: mode {mode!r} not a {ptype} mode; add a MODE_FIX")
            for c in ctxs:
                if c not in context_names:
                    fail(f"CAMEO2PLOVER line {n}: context {c!r} not in the manual; add a fix")
            row = (code, ptype, mode, ";".join(ctxs), smode, ";".join(sctxs))
            if code in mapping and mapping[code] != row:
                fail(f"CAMEO2PLOVER line {n}: {code} mapped twice, differently")
            mapping[code] = row
    for root, ptype in root_type.items():
        if ptype not in types:
            fail(f"CAMEO2PLOVER: root {root} header names unknown type {ptype}")
        mapping[root] = (root, ptype, "", "", "", "")
    # Plain string order is CAMEO's hierarchical order: 03, 030, 031, 0311, ..., 032, ...
    return [mapping[c] for c in sorted(mapping)]


def cross_check_old(path, mapping):
    new = {row[0]: row[1] for row in mapping}
    diffs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^(\d{3,4})\s+([A-Z]+)\s", line)
            if not m:
                continue
            code, old = m.group(1), OLD_TYPE_NAMES.get(m.group(2), m.group(2))
            if new.get(code) != old:
                diffs.append(f"{code}: CAMEO-PLOV {old} / 2021 {new.get(code)}")
    for d in sorted(set(diffs)):
        warn(f"older table disagrees (2021 kept): {d}")


# ---------------------------------------------------------------- output


def write_tsv(name, header_lines, columns, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header_lines:
            f.write(f"# {h}\n" if h else "#\n")
        f.write("# " + "\t".join(columns) + "\n")
        for r in rows:
            cells = [str(c) for c in r]
            for c in cells:
                if "\t" in c or "\n" in c:
                    fail(f"{name}: cell {c!r} has a tab or newline")
            if len(cells) != len(columns):
                fail(f"{name}: row {cells} has {len(cells)} cells, want {len(columns)}")
            f.write("\t".join(cells) + "\n")
    print(f"wrote {os.path.relpath(path, REPO)}: {len(rows)} rows")


def generated(name):
    return f"{name}: generated by scripts/gen-ontology.py from ../shared/reference; do not edit."


def main():
    if len(sys.argv) > 2:
        fail("usage: gen-ontology.py [REFERENCE_DIR]")
    ref = sys.argv[1] if len(sys.argv) == 2 else os.path.join(REPO, "..", "shared", "reference")
    ref = os.path.normpath(ref)
    if not os.path.isdir(ref):
        fail(f"reference directory {ref} not found")
    os.makedirs(OUT, exist_ok=True)

    types, type_scores, mode_scores, contexts, sectors = parse_manual(
        os.path.join(ref, "plover", "PLOVER_MANUAL.tex"))
    check_gdelt(os.path.join(ref, "gdelt", "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"))
    cameo = parse_cameo(os.path.join(ref, "cameo", "cameo-codes.csv"))
    context_names = {c[0] for c in contexts if c[1] == "general"}
    mapping = parse_2021(os.path.join(ref, "plover", "CAMEO2PLOVER-2021.txt"), types,
                         context_names)
    cross_check_old(os.path.join(ref, "plover", "CAMEO-PLOV.txt"), mapping)

    manual_src = [
        "Source: plover/PLOVER_MANUAL.tex (PLOVER event, actor and data interchange "
        "specification, draft 2.0),",
        f"  {PLOVER_ORIGIN}.",
        f"Licence: {PLOVER_LICENCE}.",
    ]

    rows = []
    for t in TYPES:
        info = types[t]
        rows.append(("type", t, "", info["quad"], info["recipient"], type_scores.get(t, ""),
                     info["description"]))
        for mode, text in info["modes"]:
            rows.append(("mode", t, mode, "", "", mode_scores.get((t, mode), ""), text))
    write_tsv("plover-types.tsv", [
        generated("plover-types.tsv"),
        "The 16 PLOVER event types (kind=type) each followed by its modes (kind=mode).",
        "quad_class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
        "4 material conflict,",
        "  from each type's \"Quad category\" heading (the manual's short quad table puts "
        "SANCTION in 3; its sections and",
        "  event summary table say 4, which is kept). score: the manual's conflict-cooperation "
        "(\"PLOVER score\") table,",
        "  -10..10, empty where it gives none; ACCUSE's +3 is as printed (likely a lost minus).",
        "AGREE, SUPPORT, CONCEDE, COOPERATE and AID have no modes in PLOVER 2.0.",
        *manual_src,
    ], ["kind", "type", "mode", "quad_class", "requires_recipient", "score", "description"], rows)

    write_tsv("plover-contexts.tsv", [
        generated("plover-contexts.tsv"),
        "PLOVER contexts: the manual's general contexts (kind=general) and its four auxiliary "
        "modes (kind=auxiliary),",
        "  which the manual has the coder record in the context field.",
        *manual_src,
    ], ["name", "kind", "description"], contexts)

    write_tsv("plover-sectors.tsv", [
        generated("plover-sectors.tsv"),
        "PLOVER sector codes (kind=sector; tier: frequent / less-frequent as the manual groups "
        "them) and the",
        "  international non-state entities the manual codes in place of a country "
        "(kind=international).",
        *manual_src,
    ], ["code", "kind", "tier", "description"], sectors)

    write_tsv("cameo-codes.tsv", [
        generated("cameo-codes.tsv"),
        "CAMEO event codes with Goldstein scores, root (cue) code and GDELT quad class.",
        "Source: cameo/cameo-codes.csv from the icews R package (Andreas Beger), "
        "https://github.com/andybega/icews;",
        "  CAMEO codebook by Gerner, Schrodt and Yilmaz. Licence: MIT.",
        "quad_class: GDELT 2.0 QuadClass (1 verbal cooperation, 2 material cooperation, "
        "3 verbal conflict, 4 material",
        "  conflict; labels as in gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv), "
        "by the GDELT codebook's",
        "  rule on the root code: 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4.",
    ], ["code", "name", "goldstein", "root", "quad_class"], cameo)

    write_tsv("cameo-plover.tsv", [
        generated("cameo-plover.tsv"),
        "CAMEO -> PLOVER: type, mode (empty = none) and contexts (';'-separated).",
        "Source: plover/CAMEO2PLOVER-2021.txt (17 September 2021, ed. Philip Schrodt), "
        f"{PLOVER_ORIGIN}.",
        f"Licence: {PLOVER_LICENCE}.",
        "source_mode / source_contexts are the table's own values; mode / contexts are "
        "normalised to the manual's",
        "  lists (see MODE_FIXES / CONTEXT_FIXES in the script). Two-digit rows come from the "
        "table's root headers",
        "  (08 follows its first header, CONCEDE, as 080 does). CAMEO 01 and 02 are dropped by "
        "PLOVER and have no",
        "  row. 1214 is in the table but not in cameo-codes.tsv.",
    ], ["cameo", "plover_type", "mode", "contexts", "source_mode", "source_contexts"], mapping)


if __name__ == "__main__":
    main()
