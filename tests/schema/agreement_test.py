#!/usr/bin/python3
"""Checks that the JSON Schema printed by `ehcp schema` and the loader behind `ehcp validate`
agree on the records in tests/schema/ and examples/, and that `ehcp init`'s template works.

    /usr/bin/python3 tests/schema/agreement_test.py EHCP_BINARY REPO_ROOT

Fixtures (all data invented):
  good/*.yaml  schema-valid, and `ehcp validate` exits 0
  bad/*.yaml   schema-invalid at exactly one place (one defect each), and `ehcp validate` exits 2
  warn/*.yaml  schema-invalid (an unknown key: additionalProperties is false; or a
               documents[].kind the pack does not declare), but `ehcp validate` exits 0
               with a warning (the loader only warns)
  loader-only/*.yaml
               schema-VALID, but `ehcp validate` exits 2: the checks the schema cannot
               express (its "$comment" lists them); if the schema learns one, move the file
Each bad/warn/loader-only file says what is wrong in its first line and the field's path
in a `# expect: PATH` line (`-` for the document itself); the schema error must be at
(or above) that path and the `ehcp validate` output must name it.

YAML is read as YAML 1.2 core, like the loader: dates stay strings, only
true/false/True/TRUE/False/FALSE are booleans (yes/no/on/off are strings), numbers
are decimal (010 is ten; 0x14, .inf and 1_000 are strings, as the loader rejects them).

Needs python3-yaml and python3-jsonschema (Debian's /usr/bin/python3 has both).
Prints one line per case and ends with "N passed, M failed"; exits 1 on any failure.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import yaml
    from jsonschema import Draft202012Validator, FormatChecker
except ImportError:
    # CTest may run us with another python3 on PATH; Debian's has the modules.
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    raise

AS_OF = "2026-11-22"
TIMEOUT = 60
COVENTRY_INDICATORS = (
    [f"cl{i}" for i in range(1, 6)] + [f"semh{i}" for i in range(1, 5)] + [f"ci{i}" for i in range(1, 4)]
    + [f"sp{i}" for i in range(1, 4)] + [f"other{i}" for i in range(1, 8)]
)


# --- YAML 1.2 core-like loading -----------------------------------------------------------

class Yaml12CoreLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core scalars: no timestamps, no yes/no/on/off, no sexagesimals."""


_DROPPED_TAGS = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                 "tag:yaml.org,2002:timestamp"}
Yaml12CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
# Decimal numbers only: the loader reads 0x14, 0o17, .inf and .nan as errors, so here they
# stay strings, which the schema rejects too.
Yaml12CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
Yaml12CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."))
Yaml12CoreLoader.add_constructor(
    "tag:yaml.org,2002:int", lambda loader, node: int(loader.construct_scalar(node), 10))  # 010 is ten


def load_documents(text):
    return list(yaml.load_all(text, Loader=Yaml12CoreLoader))


# --- paths --------------------------------------------------------------------------------

def parse_path(text):
    """'a[0].b' -> ['a', 0, 'b']; '' -> []."""
    parts = []
    for piece in filter(None, text.split(".")):
        m = re.fullmatch(r"([^\[\]]*)((?:\[[0-9]+\])*)", piece)
        if not m:
            raise ValueError(f"bad path {text!r}")
        if m.group(1):
            parts.append(m.group(1))
        parts.extend(int(i) for i in re.findall(r"\[([0-9]+)\]", m.group(2)))
    return parts


def format_path(parts):
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else p)
    return out


def diagnostic_lines(output, severity):
    """The `FILE:LINE:COLUMN: SEVERITY: ...` lines of `ehcp validate` output."""
    return [line for line in output.splitlines() if re.search(rf":[0-9]+:[0-9]+: {severity}:", line)]


def names(output, severity, path):
    """A diagnostic of this severity names the path (any, for the document itself: "")."""
    return any(path in line for line in diagnostic_lines(output, severity))


def expected_path(text):
    m = re.search(r"^# expect: (\S+)\s*$", text, re.M)
    if not m:
        return None
    return "" if m.group(1) == "-" else m.group(1)


# --- the test harness -----------------------------------------------------------------------

class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def case(self, name, problems):
        problems = [p for p in problems if p]
        if problems:
            self.failed += 1
            print(f"FAIL {name}")
            for p in problems:
                print("     " + p.replace("\n", "\n     "))
        else:
            self.passed += 1
            print(f"ok   {name}")
        sys.stdout.flush()


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT, **kwargs)


def tail(text, lines=12):
    return "\n".join(text.strip().splitlines()[-lines:])


class Agreement:
    def __init__(self, ehcp, root):
        self.ehcp = str(Path(ehcp).resolve())
        self.root = Path(root).resolve()
        self.here = self.root / "tests" / "schema"
        self.results = Results()
        self.validator = None

    # schema side
    def schema_errors(self, docs):
        """(document index, error) for every top-level schema error."""
        errors = []
        for i, doc in enumerate(docs):
            for e in sorted(self.validator.iter_errors(doc), key=lambda e: list(e.absolute_path).__repr__()):
                errors.append((i, e))
        return errors

    @staticmethod
    def describe(errors):
        return "; ".join(f"doc {i} at '{format_path(e.absolute_path)}': {e.message[:200]}" for i, e in errors)

    # loader side
    def validate(self, path):
        proc = run([self.ehcp, "validate", str(path), "--as-of", AS_OF])
        return proc.returncode, proc.stdout + proc.stderr

    def read_docs(self, path):
        try:
            return load_documents(Path(path).read_text(encoding="utf-8")), None
        except yaml.YAMLError as e:
            return None, f"not YAML: {e}"

    def check_schema(self):
        proc = run([self.ehcp, "schema"])
        problems = []
        schema = None
        if proc.returncode != 0:
            problems.append(f"`ehcp schema` exited {proc.returncode}: {tail(proc.stderr)}")
        else:
            try:
                schema = json.loads(proc.stdout)
                Draft202012Validator.check_schema(schema)
            except Exception as e:  # noqa: BLE001 - any failure here is the finding
                problems.append(f"not a valid draft 2020-12 schema: {e}")
                schema = None
        if schema is not None:
            if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
                problems.append(f"$schema is {schema.get('$schema')!r}")
            self.validator = Draft202012Validator(schema, format_checker=FormatChecker())
        self.results.case("schema: `ehcp schema` prints a valid draft 2020-12 schema", problems)
        if schema is None:
            return False
        ids = (schema.get("properties", {}).get("indicators", {}).get("items", {})
               .get("properties", {}).get("id", {}).get("enum"))
        missing = [i for i in COVENTRY_INDICATORS if i not in (ids or [])]
        self.results.case("schema: indicators[].id is limited to the Coventry pack's ids",
                          [f"enum is {ids!r}, missing {missing}" if missing else None])
        return True

    def check_good(self, path):
        docs, problem = self.read_docs(path)
        problems = [problem]
        if docs is not None:
            errors = self.schema_errors(docs)
            if errors:
                problems.append("schema rejects it: " + self.describe(errors))
        code, out = self.validate(path)
        if code != 0:
            problems.append(f"`ehcp validate` exited {code}, expected 0:\n{tail(out)}")
        self.results.case(f"good/{path.name}: schema-valid, validate exits 0", problems)

    def check_rejected(self, path, folder, want_exit):
        text = path.read_text(encoding="utf-8")
        expect = expected_path(text)
        docs, problem = self.read_docs(path)
        problems = [problem]
        if expect is None:
            problems.append("no '# expect: PATH' line")
        if docs is not None:
            errors = self.schema_errors(docs)
            places = {(i, tuple(e.absolute_path)) for i, e in errors}
            if not errors:
                problems.append("schema accepts it")
            elif len(places) != 1:
                # One defect may break more than one keyword (a date's pattern and its
                # format), but all at one place.
                problems.append(f"schema errors at {len(places)} places, expected one defect: " + self.describe(errors))
            elif expect is not None:
                want = parse_path(expect)
                at = list(errors[0][1].absolute_path)
                if folder == "warn":
                    # An unknown key, or a documents[].kind the pack does not know (the
                    # schema's enum is the pack's kinds; the loader warns, naming them).
                    unknown_kind = errors[0][1].validator == "enum" and at == want and want[-1:] == ["kind"] and "documents" in want
                    if not unknown_kind and (errors[0][1].validator != "additionalProperties" or not want or at + [want[-1]] != want):
                        problems.append(f"expected an unknown-key error for {expect}: " + self.describe(errors))
                elif at != want[:len(at)]:
                    problems.append(f"schema error is not at (or above) {expect}: " + self.describe(errors))
        code, out = self.validate(path)
        severity = "error" if folder == "bad" else "warning"
        if code != want_exit:
            problems.append(f"`ehcp validate` exited {code}, expected {want_exit}:\n{tail(out)}")
        elif not names(out, severity, expect or ""):
            problems.append(f"`ehcp validate` printed no {severity} naming {expect or 'the document'}:\n{tail(out)}")
        what = ("schema-invalid, validate exits 2" if folder == "bad"
                else "schema-invalid (unknown key), validate exits 0 with a warning")
        self.results.case(f"{folder}/{path.name}: {what}", problems)

    def check_loader_only(self, path):
        text = path.read_text(encoding="utf-8")
        expect = expected_path(text)
        docs, problem = self.read_docs(path)
        problems = [problem, None if expect is not None else "no '# expect: PATH' line"]
        if docs is not None:
            errors = self.schema_errors(docs)
            if errors:
                problems.append("the schema now rejects it; move it to bad/: " + self.describe(errors))
        code, out = self.validate(path)
        if code != 2:
            problems.append(f"`ehcp validate` exited {code}, expected 2:\n{tail(out)}")
        elif not names(out, "error", expect or ""):
            problems.append(f"`ehcp validate` printed no error naming {expect or 'the document'}:\n{tail(out)}")
        self.results.case(f"loader-only/{path.name}: schema-valid (a documented gap), validate exits 2", problems)

    def pack_validator(self, pack):
        """The schema printed for a pack (`ehcp --rules PACK schema`): its document kinds and indicators."""
        proc = run([self.ehcp, "--rules", pack, "schema"])
        return Draft202012Validator(json.loads(proc.stdout), format_checker=FormatChecker())

    def check_example(self, path):
        docs, problem = self.read_docs(path)
        problems = [problem]
        if docs is not None:
            # A record that names its authority is read with that pack, so it is valid
            # against the schema printed for that pack (Norfolk's document kinds).
            authority = next((d.get("request", {}).get("authority") for d in docs
                              if isinstance(d, dict) and isinstance(d.get("request"), dict)), None)
            saved = self.validator
            if authority:
                self.validator = self.pack_validator(authority)
            errors = self.schema_errors(docs)
            self.validator = saved
            if errors:
                problems.append("schema rejects it: " + self.describe(errors))
        self.results.case(f"examples/{path.name}: schema-valid", problems)

    def check_init(self, tmp):
        proc = run([self.ehcp, "init"])
        if proc.returncode != 0 or not proc.stdout.strip():
            self.results.case("init: `ehcp init` prints a template",
                              [f"exited {proc.returncode}, {len(proc.stdout)} bytes:\n{tail(proc.stderr)}"])
            return
        template = proc.stdout
        try:
            docs = load_documents(template)
            problem = None if len(docs) == 1 and isinstance(docs[0], dict) else f"{len(docs)} documents, not one map"
        except yaml.YAMLError as e:
            problem = f"not YAML: {e}"
        self.results.case("init: the template is one YAML map", [problem])
        if problem:
            return

        out_file = tmp / "init-o.yaml"
        proc = run([self.ehcp, "init", "-o", str(out_file)])
        self.results.case("init: `ehcp init -o FILE` writes the same template", [
            f"exited {proc.returncode}: {tail(proc.stderr)}" if proc.returncode != 0 else None,
            "file differs from standard output" if proc.returncode == 0 and
            (not out_file.exists() or out_file.read_text(encoding="utf-8") != template) else None])

        # The editor modeline: the first line names the schema file beside the record, as
        # docs/record-format.md ("Editor set-up") tells the reader to save it; resolved the
        # way the YAML language server does (relative to the record), it is `ehcp schema`.
        first = template.splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        problems = [None if match else f"first line is {first!r}, not a yaml-language-server $schema modeline"]
        if match:
            (tmp / "ehcp-record.schema.json").write_text(run([self.ehcp, "schema"]).stdout, encoding="utf-8")
            target = (tmp / match.group(1)).resolve()
            if target != (tmp / "ehcp-record.schema.json").resolve():
                problems.append(f"the modeline names {match.group(1)}, not ./ehcp-record.schema.json beside the record")
            doc = (self.root / "docs" / "record-format.md").read_text(encoding="utf-8")
            for needed in ("ehcp schema > ehcp-record.schema.json", first):
                if needed not in doc:
                    problems.append(f"docs/record-format.md does not show `{needed}`")
        self.results.case("init: the template's first line points an editor at `ehcp schema` saved beside it", problems)

        # Unfilled: the schema and the loader object only to the two required placeholders.
        unfilled = tmp / "template-unfilled.yaml"
        unfilled.write_text(template, encoding="utf-8")
        errors = self.schema_errors(docs)
        paths = sorted(format_path(e.absolute_path) for _, e in errors)
        code, out = self.validate(unfilled)
        problems = []
        if paths != ["pupil.date_of_birth", "pupil.id"]:
            problems.append("schema errors other than the required placeholders: " + self.describe(errors))
        if code != 2:
            problems.append(f"`ehcp validate` exited {code}, expected 2:\n{tail(out)}")
        for line in diagnostic_lines(out, "error"):
            if "pupil.id" not in line and "pupil.date_of_birth" not in line:
                problems.append(f"an error that is not about a required placeholder: {line.strip()}")
        for placeholder in ("pupil.id", "pupil.date_of_birth"):
            if not names(out, "error", placeholder):
                problems.append(f"`ehcp validate` printed no error naming {placeholder}:\n{tail(out)}")
        self.results.case("init: unfilled, only pupil.id and pupil.date_of_birth are errors; validate exits 2",
                          problems)

        # Filled in: valid for both.
        filled_text, problems = fill_template(template)
        filled = tmp / "template-filled.yaml"
        filled.write_text(filled_text, encoding="utf-8")
        self.check_filled(filled, "init: filled in, schema-valid and validate exits 0", problems)

        # Filled in with every commented-out example uncommented: still valid for both.
        everything = tmp / "template-everything.yaml"
        everything.write_text(uncomment_examples(filled_text), encoding="utf-8")
        self.check_filled(everything, "init: filled in with every example uncommented, schema-valid and validate exits 0",
                          [], min_keys=40)

    def check_filled(self, path, name, problems, min_keys=0):
        problems = list(problems)
        docs, problem = self.read_docs(path)
        problems.append(problem)
        if docs is not None:
            errors = self.schema_errors(docs)
            if errors:
                problems.append("schema rejects it: " + self.describe(errors))
            if min_keys and count_keys(docs) < min_keys:
                problems.append(f"only {count_keys(docs)} keys after uncommenting; examples were not found")
        code, out = self.validate(path)
        if code != 0:
            problems.append(f"`ehcp validate` exited {code}, expected 0:\n{tail(out)}")
        self.results.case(name, problems)

    def main(self):
        if not os.access(self.ehcp, os.X_OK):
            print(f"not an executable: {self.ehcp}")
            print("0 passed, 1 failed")
            return 1
        if self.check_schema():
            for folder in ("good", "bad", "warn", "loader-only"):
                files = sorted((self.here / folder).glob("*.yaml"))
                self.results.case(f"{folder}: fixtures present", [None if files else "none found"])
                for path in files:
                    if folder == "good":
                        self.check_good(path)
                    elif folder == "loader-only":
                        self.check_loader_only(path)
                    else:
                        self.check_rejected(path, folder, 2 if folder == "bad" else 0)
            for path in sorted((self.root / "examples").glob("*.yaml")):
                if not path.name.startswith("invalid"):
                    self.check_example(path)
        with tempfile.TemporaryDirectory(prefix="ehcp-agreement-") as tmp:
            self.check_init(Path(tmp))
        print(f"{self.results.passed} passed, {self.results.failed} failed")
        return 1 if self.results.failed else 0


# --- the template ---------------------------------------------------------------------------

def fill_template(template):
    """Puts invented values in the template's required placeholders."""
    problems = []
    text = template
    for pattern, replacement in ((r'^(  id: )""', r'\1"T-000001"'),
                                 (r"^(  date_of_birth:)[ \t]*(#.*)?$", r"\1 2016-05-14  \2")):
        text, n = re.subn(pattern, replacement, text, flags=re.M)
        if n != 1:
            problems.append(f"placeholder /{pattern}/ found {n} times, expected once")
    return text, problems


EXAMPLE_LINE = re.compile(r"^( +)# (\s*(?:- )?[a-z0-9_]+:(?: |$).*|\s*#.*)$")


def uncomment_examples(text):
    """Uncomments every indented '# key: value' or '# - key: value' example line."""
    return "".join(EXAMPLE_LINE.sub(r"\1\2", line) for line in text.splitlines(keepends=True))


def count_keys(node):
    if isinstance(node, dict):
        return len(node) + sum(count_keys(v) for v in node.values())
    if isinstance(node, list):
        return sum(count_keys(v) for v in node)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: " + __doc__.strip().splitlines()[3].strip(), file=sys.stderr)
        sys.exit(64)
    sys.exit(Agreement(sys.argv[1], sys.argv[2]).main())
