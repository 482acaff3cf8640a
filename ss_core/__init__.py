"""Rules shared by the laptop (ss_desktop) and head office (ss_hq).

Imports neither Qt nor a database: see ARCHITECTURE.md.
"""

__version__ = "0.1.0"
