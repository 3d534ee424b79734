"""The ``enlace`` command: thin wrappers over the library (parse options, call, report)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from enlace.codebook import CodebookError, interchange_schema

app = typer.Typer(
    help="enlace: China–Latin America engagement events from public documents.",
    no_args_is_help=True,
    add_completion=False,
)
codebook_app = typer.Typer(help="The codebook the events follow.", no_args_is_help=True)
app.add_typer(codebook_app, name="codebook")
console = Console(stderr=True)


@codebook_app.callback(invoke_without_command=True)
def codebook(
    json_schema: Annotated[bool, typer.Option("--json-schema", help="Print the event JSON Schema.")]
    = False,
) -> None:
    """Print the interchange JSON Schema of an event (codebook version 1.2)."""
    if json_schema:
        typer.echo(json.dumps(interchange_schema(), indent=2, ensure_ascii=False))
    else:
        typer.echo("Use --json-schema to print the event schema.")


def _progress(enabled: bool) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=console, disable=not enabled, transient=True,
    )


def run_extraction(paths: list[str], out, backend: str = "rules") -> tuple[int, int, int]:
    """Extract every readable document under ``paths`` into ``out`` (JSON Lines).

    Returns (documents, events, failed files); bad files are reported and skipped.
    """
    from enlace.documents import expand_paths, iter_documents
    from enlace.extract.pipeline import ExtractOptions, Pipeline

    pipeline = Pipeline(ExtractOptions(backend=backend))
    files = expand_paths(paths)
    documents = events = failed = 0
    with _progress(sys.stderr.isatty()) as progress:
        task = progress.add_task("extracting", total=len(files))
        for _path, result in iter_documents(files):
            progress.advance(task)
            if isinstance(result, Exception):
                failed += 1
                console.print(f"[red]error[/red] {result}", markup=True, highlight=False)
                continue
            for document in result:
                documents += 1
                for event in pipeline.extract(document):
                    events += 1
                    out.write(json.dumps(event.interchange(), ensure_ascii=False) + "\n")
    return documents, events, failed


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="JSON Lines file to write.")]
    = Path("events.jsonl"),
    backend: Annotated[str, typer.Option(help="Extraction backend.")] = "rules",
    dask: Annotated[str | None, typer.Option(
        help="Run on a Dask cluster: a scheduler address (tcp://host:8786) or 'local'.")] = None,
) -> None:
    """Extract codebook events from documents (HTML, PDF, DOCX, text, corpus JSON)."""
    if dask:
        documents, events, failed = _extract_on_dask(paths, output, backend, dask)
    else:
        with output.open("w", encoding="utf-8") as out:
            documents, events, failed = run_extraction(paths, out, backend)
    console.print(f"{documents} documents, {events} events -> {output}"
                  + (f"; {failed} files failed" if failed else ""))
    if failed:
        raise typer.Exit(code=1)


def _extract_on_dask(paths: list[str], output: Path, backend: str,
                     scheduler: str) -> tuple[int, int, int]:
    from enlace.documents import expand_paths
    from enlace.extract.distributed import extract_on_dask

    result = extract_on_dask(expand_paths(paths), scheduler, backend)
    for error in result.errors:
        console.print(f"[red]error[/red] {error}", markup=True, highlight=False)
    with output.open("w", encoding="utf-8") as out:
        for event in result.events:
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
    return result.documents, len(result.events), len(result.errors)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option(help="Gold JSON Lines (one document per line).")],
    pred: Annotated[Path | None, typer.Option(help="Predicted events (JSON Lines).")] = None,
    docs: Annotated[list[str] | None, typer.Option(help="Extract these documents first.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score predicted events against a gold file: detection P/R/F1 and field agreement."""
    from enlace.evaluate import evaluate as score
    from enlace.evaluate import load_gold, load_predictions

    try:
        gold_events = load_gold(gold)
        if docs:
            import tempfile

            with tempfile.NamedTemporaryFile("w+", suffix=".jsonl", encoding="utf-8",
                                             delete=False) as handle:
                run_extraction(docs, handle)
            pred = Path(handle.name)
        if pred is None:
            raise typer.BadParameter("give --pred FILE or --docs PATH")
        predicted = load_predictions(pred)
    except (CodebookError, OSError) as error:
        console.print(f"[red]error[/red] {error}", highlight=False)
        raise typer.Exit(code=2) from None
    report = score(gold_events, predicted)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
    else:
        report.render(Console())


@app.command()
def demo() -> None:
    """Build a demo database from the starter dataset and demo documents, and write the report."""
    from enlace.demo import run_demo

    run_demo(Console())


def main() -> None:  # pragma: no cover - console script entry
    app()



from enlace.cli_store import register as _register_store; _register_store(app)  # noqa: E402, E702, I001
from enlace.cli_dataset import register as _register_dataset; _register_dataset(app)  # noqa: E402, E702, I001
from enlace.cli_analysis import register as _register_analysis; _register_analysis(app)  # noqa: E402, E702, I001
