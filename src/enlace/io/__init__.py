"""Getting events out of enlace (exports) and into it (researchers' spreadsheets, gold files).

Each module does one job: :mod:`export` dispatches on the format, :mod:`tabular`
flattens events for spreadsheets, :mod:`network` and :mod:`geo` build the graph
and map views, :mod:`atomic` makes every write all-or-nothing, :mod:`normalise`
turns hand-typed cells into codebook values and :mod:`importing` reads tables.
"""

from enlace.io.export import FORMATS, export_events
from enlace.io.importing import ImportResult, import_gold, import_table

__all__ = ["FORMATS", "ImportResult", "export_events", "import_gold", "import_table"]
