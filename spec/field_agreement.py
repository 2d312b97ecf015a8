#!/usr/bin/env python3
"""Field-level agreement of the curated spec with Atlassian's official files.

    python3 spec/field_agreement.py ../shared/reference-specs [--list]

Every official operation is matched to the curated one by method and path (path
parameter names ignored; the newest file wins where two describe the same
operation). For each it compares *fields*: every parameter (by location and
name; path parameters by position), every property of the JSON request body
and of the success (2xx) answer, flattened to paths such as
`response.data[].attributes.name`. A field agrees when both sides have it with
the same type, format, enum values and requiredness. Rules:

- a difference counts once, at the highest field where it appears (nothing
  below a field that one side lacks or types differently is compared again);
- formats the generated client treats alike are equal (`int64` and none on an
  integer; the official prose formats `ISO 8601` -> `date-time`, `int` ->
  `int32`; free-text formats such as `1w 2d 3h 4m` are ignored);
- an `x-extensible-enum` agrees with an official enum whose values it all
  lists, or with an official plain string: it accepts every value they do;
- curated fields the official files lack are *additions*, reported but not
  counted; official fields that spec/CURATION.md names as official defects
  are excluded from the figure, which is also printed with them counted.

Every difference and addition must be named in spec/CURATION.md, section
"Field-level differences" (list items whose code spans are fnmatch patterns
over `OPERATION_ID field`). Exit status 1 when one is not, or when the figure
is below 99 %. `--list` prints every explained difference with its pattern.
"""

import fnmatch
import json
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CURATED = os.path.join(ROOT, "spec", "atlassian-admin.yaml")
CURATION = os.path.join(ROOT, "spec", "CURATION.md")
# Newest first: a later file only contributes operations the earlier ones lack.
FILES = [
    "organization.json",
    "organization-2026-07-22.json",
    "control.json",
    "api-access.json",
    "user-management.json",
    "user-provisioning.json",
]
METHODS = ("get", "put", "post", "delete", "patch")
MAX_DEPTH = 7


def norm_path(path):
    return re.sub(r"\{[^}]*\}", "{}", path.rstrip("'"))


def base_path(doc):
    servers = doc.get("servers") or [{"url": "/"}]
    url = servers[0]["url"]
    path = re.sub(r"^https?://[^/]+", "", url)
    return path.rstrip("/")


class Resolver:
    def __init__(self, doc):
        self.doc = doc

    def deref(self, node):
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < 20:
            ref = node["$ref"]
            cur = self.doc
            for part in ref.lstrip("#/").split("/"):
                cur = cur[part.replace("~1", "/").replace("~0", "~")]
            node = cur
            seen += 1
        return node


def schema_kind(res, schema):
    """(type, format, enum) of a schema, following refs and one-type compositions."""
    schema = res.deref(schema) or {}
    if "allOf" in schema:
        merged = {}
        for part in schema["allOf"]:
            merged.update(res.deref(part))
        merged.update({k: v for k, v in schema.items() if k != "allOf"})
        schema = merged
    for key in ("oneOf", "anyOf"):
        if key in schema and "type" not in schema:
            kinds = [schema_kind(res, s) for s in schema[key]]
            types = sorted({k[0] for k in kinds})
            if len(types) > 1:
                return ("|".join(types), None, None)
            formats = {k[1] for k in kinds}
            enums = [k[2] for k in kinds]
            enum = None
            if all(enums):
                enum = tuple(sorted({v for e in enums for v in e}))
            if types[0] == "boolean" and enum == ("False", "True"):
                enum = None
            return (types[0], formats.pop() if len(formats) == 1 else None, enum)
    typ = schema.get("type")
    if typ is None:
        if schema.get("enum") and all(isinstance(v, str) for v in schema["enum"]):
            typ = "string"
        elif "properties" in schema:
            typ = "object"
        elif "items" in schema:
            typ = "array"
        else:
            typ = "any"
    enum = schema.get("enum")
    if schema.get("x-extensible-enum"):
        enum = [OPEN] + list(schema["x-extensible-enum"])
    enum = tuple(sorted(str(v) for v in enum)) if enum else None
    if typ == "boolean" and enum == ("False", "True"):
        enum = None  # variants allowing only true and only false: any boolean
    return (typ, norm_format(typ, schema.get("format")), enum)


# Formats that mean the same to the generated client (typify maps an integer
# without a format to i64), and the official files' prose formats.
FORMAT_ALIASES = {"ISO 8601": "date-time", "int": "int32"}


def norm_format(typ, fmt):
    fmt = FORMAT_ALIASES.get(fmt, fmt)
    if typ == "integer" and fmt == "int64":
        return None
    if fmt and not re.fullmatch(r"[A-Za-z0-9-]+", fmt):
        return None  # free text such as "1w 2d 3h 4m": a hint, not a format
    return fmt


def object_parts(res, schema):
    """(properties, required) of an object schema, merging allOf and the variants of oneOf/anyOf."""
    schema = res.deref(schema) or {}
    props, required = {}, set(schema.get("required", []))
    for part in schema.get("allOf", []):
        p, r = object_parts(res, part)
        props.update(p)
        required |= r
    props.update(schema.get("properties", {}))  # a schema's own properties win over its allOf parts
    for key in ("oneOf", "anyOf"):
        variants = [object_parts(res, part) for part in schema.get(key, [])]
        alternatives = {}
        for p, _ in variants:
            for name, sub in p.items():
                alternatives.setdefault(name, []).append(sub)
        for name, subs in alternatives.items():
            props.setdefault(name, subs[0] if len(subs) == 1 else {"anyOf": subs})
        if variants:
            # required only when every variant requires it
            common = set.intersection(*[r for _, r in variants])
            required |= common
    return props, required


def flatten(res, schema, prefix, out, depth=0, stack=()):
    """Adds `path -> (type, format, enum, required)` for every property below `schema`."""
    if depth > MAX_DEPTH or schema is None:
        return
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    if ref and ref in stack:
        return
    stack = stack + ((ref,) if ref else ())
    node = res.deref(schema)
    typ = schema_kind(res, node)[0]
    if typ == "array" or "items" in node:
        flatten(res, node.get("items", {}), prefix + "[]", out, depth + 1, stack)
        return
    for key in ("oneOf", "anyOf"):
        if key in node and all(schema_kind(res, s)[0] == "array" for s in node[key]):
            items = [res.deref(s).get("items", {}) for s in node[key]]
            flatten(res, {"anyOf": items}, prefix + "[]", out, depth + 1, stack)
            return
    props, required = object_parts(res, node)
    for name, sub in props.items():
        path = f"{prefix}.{name}" if prefix else name
        typ, fmt, enum = schema_kind(res, sub)
        out[path] = (typ, fmt, enum, name in required)
        flatten(res, sub, path, out, depth + 1, stack)


def json_schema(res, body):
    body = res.deref(body) or {}
    content = body.get("content", {})
    for media in ("application/json", "application/scim+json"):
        if media in content:
            return content[media].get("schema")
    for media, value in content.items():
        if "json" in media:
            return value.get("schema")
    return None


def operation_fields(res, path_item, op):
    fields = {}
    params = [res.deref(p) for p in path_item.get("parameters", []) + op.get("parameters", [])]
    by_key = {}
    for p in params:
        by_key[(p["in"], p["name"])] = p
    path_names = []
    for (loc, name), p in by_key.items():
        if loc == "path":
            path_names.append(name)
            continue
        if loc == "header":
            continue
        typ, fmt, enum = schema_kind(res, p.get("schema", {}))
        if typ == "array":
            item = res.deref(p["schema"]).get("items", {})
            typ, fmt, enum = ("array", *schema_kind(res, item)[1:])
        fields[f"{loc}.{name}"] = (typ, fmt, enum, bool(p.get("required")))
    return fields, by_key


def path_param_fields(res, path, by_key):
    fields = {}
    names = re.findall(r"\{([^}]*)\}", path.rstrip("'"))
    for i, name in enumerate(names):
        p = by_key.get(("path", name))
        if p is None:
            # declared under another name (an official defect): take the i-th path parameter
            declared = [v for (loc, _), v in by_key.items() if loc == "path"]
            p = declared[i] if i < len(declared) else {"schema": {"type": "string"}}
        typ, fmt, enum = schema_kind(res, p.get("schema", {}))
        fields[f"path.{i}"] = (typ, fmt, enum, True)
    return fields


def all_fields(res, path, path_item, op):
    fields, by_key = operation_fields(res, path_item, op)
    fields.update(path_param_fields(res, path, by_key))
    body = op.get("requestBody")
    if body:
        schema = json_schema(res, body)
        if schema is not None:
            out = {}
            flatten(res, schema, "", out)
            kind = schema_kind(res, schema)
            # The body itself is no field: the official files leave `required` unset on most
            # bodies the server needs; only its type is compared.
            fields["body"] = (kind[0], kind[1], kind[2], True)
            fields.update({f"body.{k}": v for k, v in out.items()})
    for status, response in sorted(op.get("responses", {}).items()):
        if not str(status).startswith("2"):
            continue
        schema = json_schema(res, response)
        if schema is None:
            continue
        out = {}
        flatten(res, schema, "", out)
        kind = schema_kind(res, schema)
        fields.setdefault("response", (kind[0], kind[1], kind[2], True))
        for k, v in out.items():
            fields.setdefault(f"response.{k}", v)
    return fields


def operations(doc, prefix):
    res = Resolver(doc)
    for path, item in doc.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                yield method.upper(), prefix + path, res, item, item[method]


def explained_patterns():
    """(pattern, is an official defect) of every item of CURATION.md's section
    "Field-level differences"; an item may name several patterns."""
    text = open(CURATION, encoding="utf-8").read()
    section = text.split("## Field-level differences", 1)
    if len(section) < 2:
        return []
    body = section[1].split("\n## ", 1)[0]
    out = []
    for item in re.findall(r"^- (.+?):", body, re.M):
        defect = "(official defect)" in item
        out.extend((p, defect) for p in re.findall(r"`([^`]+)`", item))
    return out


def compare(official_dir):
    curated_doc = yaml.safe_load(open(CURATED, encoding="utf-8"))
    curated = {}
    for method, path, res, item, op in operations(curated_doc, ""):
        curated[(method, norm_path(path))] = (path, res, item, op)
    matched = {}
    for name in FILES:
        file = os.path.join(official_dir, name)
        if not os.path.exists(file):
            continue
        doc = json.load(open(file, encoding="utf-8"))
        for method, path, res, item, op in operations(doc, base_path(doc)):
            key = (method, norm_path(path))
            if key not in matched:
                matched[key] = (name, path, res, item, op)
    rows = []
    for key, (source, path, res, item, op) in sorted(matched.items()):
        if key not in curated:
            rows.append((f"{key[0]} {key[1]}", "operation", "missing from the curated spec"))
            continue
        cpath, cres, citem, cop = curated[key]
        opid = cop.get("operationId", "?")
        theirs = all_fields(res, path, item, op)
        ours = all_fields(cres, cpath, citem, cop)
        for field in sorted(set(theirs) | set(ours)):
            a, b = theirs.get(field), ours.get(field)
            if below_retyped(field, theirs, ours):
                continue
            if a == b or (a and b and open_enum_superset(a, b, cres, cop)):
                rows.append((opid, field, None))
            elif a is None:
                rows.append((opid, field, ADDITION))
            elif b is None:
                rows.append((opid, field, "missing: official " + describe(a)))
            else:
                rows.append((opid, field, f"official {describe(a)}, curated {describe(b)}"))
    return rows


ADDITION = "only in the curated spec (an addition)"
# Marks the values of an `x-extensible-enum` (sorts first: "(" < letters).
OPEN = "(open)"


def open_enum_superset(theirs, ours, res, op):
    """An open enum (`x-extensible-enum`: every string decodes, unknown ones
    as `Unknown`) carries the official fact when it lists every official enum
    value, or when the official field is a plain string: the same values are
    accepted, and extra known values are additions. Type, format and
    requiredness must still agree."""
    (ta, fa, ea, ra), (tb, fb, eb, rb) = theirs, ours
    if (ta, fa, ra) != (tb, fb, rb) or not eb or OPEN not in eb:
        return False
    return set(v for v in (ea or ()) if v != OPEN) <= set(eb)


def below_retyped(field, theirs, ours):
    """A difference counts once, at the highest field where it appears: a field
    under a parent that only one side has, or that both sides have with
    different types, is not compared again."""
    parts = re.split(r"(?=[.\[])", field)
    for i in range(1, len(parts)):
        parent = "".join(parts[:i])
        a, b = theirs.get(parent), ours.get(parent)
        if (a is None) != (b is None) or (a and b and a[0] != b[0]):
            return True
    return False


def describe(kind):
    typ, fmt, enum, required = kind
    text = typ + (f"/{fmt}" if fmt else "")
    if enum:
        open_ = OPEN in enum
        text += (" open-enum[" if open_ else " enum[") + ",".join(v for v in enum if v != OPEN) + "]"
    return text + (" required" if required else " optional")


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    rows = compare(argv[1])
    patterns = explained_patterns()
    additions = [r for r in rows if r[2] == ADDITION]
    rows = [r for r in rows if r[2] != ADDITION]
    unexplained, defects, deviations = [], [], []
    for opid, field, problem in rows + additions:
        if problem is None:
            continue
        key = f"{opid} {field}"
        match = next(((p, d) for p, d in patterns if fnmatch.fnmatchcase(key, p)), None)
        if match is None:
            unexplained.append((key, problem))
            continue
        if problem != ADDITION:
            (defects if match[1] else deviations).append(key)
        if "--list" in argv:
            kind = "official defect" if match[1] else "addition" if problem == ADDITION else "deviation"
            print(f"{kind:<16} {key}: {problem}   [{match[0]}]")
    for key, problem in unexplained:
        print(f"UNEXPLAINED  {key}: {problem}")
    ops = len({r[0] for r in rows})
    counted = len(rows) - len(defects)
    agree = len(rows) - len(defects) - len(deviations) - sum(1 for _, p in unexplained if p != ADDITION)
    figure = 100.0 * agree / counted if counted else 0.0
    strict = 100.0 * agree / len(rows) if rows else 0.0
    print(f"{ops} operations, {len(rows)} official fields: {len(defects)} known official defects (excluded), "
          f"{agree} of {counted} agree = {figure:.2f} % ({strict:.2f} % counting the defects); "
          f"{len(deviations)} deliberate deviations, {len(additions)} curated additions, "
          f"{len(unexplained)} differences not explained in CURATION.md")
    return 0 if figure >= 99.0 and not unexplained else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
