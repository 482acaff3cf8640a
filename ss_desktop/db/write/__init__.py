"""The one write path for synced records (docs/design/architecture.md, "The one write path").

Every change to a record that syncs goes through :meth:`ChangeWriter.save` (local edits, with
outbox and audit rows) or :meth:`ChangeWriter.apply_remote` (pulled changes, merged per field).

- ``changes``: what goes in and out (:class:`Change`, :class:`ChangeSet`) and the plan between;
- ``checks``: the domain rules and the references a change must satisfy;
- ``writer``: the general path; ``bulk``: the create-only fast path for large batches;
- ``ending``: what every local save ends with (outbox, audit, search index, seq and clock);
- ``remote``: pulled changes, merged per field.
"""

from ss_desktop.db.write.changes import Change, ChangeSet
from ss_desktop.db.write.checks import UNKNOWN_REFERENCE
from ss_desktop.db.write.gc_pause import paused_gc
from ss_desktop.db.write.writer import ChangeWriter, hlc_node, load_clock

__all__ = [
    "UNKNOWN_REFERENCE",
    "Change",
    "ChangeSet",
    "ChangeWriter",
    "hlc_node",
    "load_clock",
    "paused_gc",
]
