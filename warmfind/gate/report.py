"""Rendering ``warmfind check`` findings: plain text, JSON, GitHub annotations, JUnit XML, a Markdown summary.

Pure: findings and the planned run in, a string out. The CLI decides where the string goes.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from warmfind.gate.planned import Planned
from warmfind.gate.verdicts import Finding, counts, failed, fmt

OUTPUT_FORMATS = ("text", "json", "github", "junit")
_TAGS = {"error": "FAIL", "warning": "WARN", "info": "ok"}
_MARKS = {"error": ":x:", "warning": ":warning:", "info": ":white_check_mark:"}


def verdict(findings: Sequence[Finding], strict: bool = False) -> str:
    """``fail`` (the gate fails), ``warn`` (warnings only, not strict) or ``pass``."""
    if failed(findings, strict):
        return "fail"
    return "warn" if any(f.level == "warning" for f in findings) else "pass"


def plan_words(planned: Planned) -> str:
    """The plan in one line: ``peak LR 3.0e-04, warmup 100 steps, 10000 steps, batch 64``."""
    parts = [f"peak LR {fmt(planned.peak_lr)}" if planned.peak_lr is not None else "peak LR ?"]
    if planned.warmup_steps is not None:
        parts.append(f"warmup {planned.warmup_steps} steps")
    elif planned.warmup_ratio is not None:
        parts.append(f"warmup {planned.warmup_ratio:.1%}")
    if planned.total_steps is not None:
        parts.append(f"{planned.total_steps} steps")
    if planned.batch_size is not None:
        parts.append(f"batch {planned.batch_size}")
    source = f" (from {planned.config}, {planned.config_format})" if planned.config else ""
    return ", ".join(parts) + source


def render_text(findings: Sequence[Finding], planned: Planned, strict: bool = False, verbose: bool = False) -> str:
    """One line per check (``FAIL``/``WARN``/``ok``), the evidence under each failure, and the verdict."""
    lines = [f"plan: {plan_words(planned)}"]
    lines += [f"  note: {note}" for note in planned.notes]
    for f in findings:
        lines.append(f"{_TAGS[f.level]:>4} {f.check}: {f.message}")
        if f.level != "info" or verbose:
            lines.append(f"       why: {f.reason}")
    lines.append(_summary_line(findings, strict))
    return "\n".join(lines) + "\n"


def render_json(findings: Sequence[Finding], planned: Planned, strict: bool = False,
                extra: Mapping[str, Any] | None = None) -> str:
    """Every finding with its config line, the plan and the verdict, as one JSON document."""
    document = {
        "verdict": verdict(findings, strict),
        "counts": counts(findings),
        "planned": {k: v for k, v in asdict(planned).items() if k != "lines"} | {"lines": dict(planned.lines)},
        "findings": [asdict(f) | {"line": planned.line_of(f.setting) if f.setting else None} for f in findings],
        **(dict(extra) if extra else {}),
    }
    return json.dumps(document, indent=2, default=str) + "\n"


def render_github(findings: Sequence[Finding], planned: Planned, strict: bool = False) -> str:
    """GitHub workflow commands: ``::error file=CONFIG,line=N,title=...::message`` per error and warning.

    Annotations point at the planned setting's line in the config file, or at no file when it came from flags.
    """
    lines = []
    for f in findings:
        if f.level == "info":
            continue
        level = "error" if f.level == "error" or strict else "warning"
        properties = []
        line = planned.line_of(f.setting) if f.setting else None
        if planned.config and line is not None:
            properties += [f"file={_escape_property(planned.config)}", f"line={line}"]
        elif planned.config:
            properties.append(f"file={_escape_property(planned.config)}")
        properties.append(f"title={_escape_property('warmfind ' + f.check)}")
        lines.append(f"::{level} {','.join(properties)}::{_escape_data(f.message + ' (' + f.reason + ')')}")
    lines.append(_summary_line(findings, strict))
    return "\n".join(lines) + "\n"


def render_junit(findings: Sequence[Finding], planned: Planned, strict: bool = False) -> str:
    """JUnit XML, one test case per check; errors (and warnings under ``strict``) are failures."""
    failures = sum(1 for f in findings if f.level == "error" or (strict and f.level == "warning"))
    suite = ET.Element("testsuite", name="warmfind check", tests=str(len(findings)), failures=str(failures),
                       errors="0", skipped="0")
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="plan", value=plan_words(planned))
    for f in findings:
        case = ET.SubElement(suite, "testcase", classname="warmfind.check", name=f.check)
        if planned.config:
            case.set("file", planned.config)
            line = planned.line_of(f.setting) if f.setting else None
            if line is not None:
                case.set("line", str(line))
        if f.level == "error" or (strict and f.level == "warning"):
            failure = ET.SubElement(case, "failure", message=f.message, type=f.code)
            failure.text = f.reason
        else:
            out = ET.SubElement(case, "system-out")
            out.text = f"{f.level}: {f.message} ({f.reason})"
    root = ET.Element("testsuites", name="warmfind", tests=str(len(findings)), failures=str(failures), errors="0")
    root.append(suite)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def render_markdown(findings: Sequence[Finding], planned: Planned, strict: bool = False) -> str:
    """A Markdown table for ``$GITHUB_STEP_SUMMARY``."""
    title = {"fail": "failed", "warn": "passed with warnings", "pass": "passed"}[verdict(findings, strict)]
    rows = [f"### warmfind check {title}", "", f"Plan: {_cell(plan_words(planned))}", "",
            "| | check | finding | evidence |", "|---|---|---|---|"]
    for f in findings:
        rows.append(f"| {_MARKS[f.level]} | `{f.check}` | {_cell(f.message)} | {_cell(f.reason)} |")
    return "\n".join(rows) + "\n\n"


def render(output_format: str, findings: Sequence[Finding], planned: Planned, strict: bool = False,
           extra: Mapping[str, Any] | None = None) -> str:
    """Dispatch on ``--output-format``."""
    if output_format == "json":
        return render_json(findings, planned, strict, extra)
    if output_format == "github":
        return render_github(findings, planned, strict)
    if output_format == "junit":
        return render_junit(findings, planned, strict)
    if output_format == "text":
        return render_text(findings, planned, strict)
    raise ValueError(f"unknown output format {output_format!r}")


def _summary_line(findings: Sequence[Finding], strict: bool) -> str:
    n = counts(findings)
    outcome = {"fail": "FAILED", "warn": "passed with warnings", "pass": "passed"}[verdict(findings, strict)]
    return f"warmfind check {outcome}: {n['error']} error(s), {n['warning']} warning(s)"


def _escape_data(text: str) -> str:
    """GitHub's escaping for a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """GitHub's escaping for a workflow command's property value."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
