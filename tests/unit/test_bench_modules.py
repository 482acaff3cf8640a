"""Every benchmark in bench/ still imports: they reuse the tests' fixtures (the real head-office
server, the laptop harness), and a fixture moved without its benchmark was found only when
someone ran ``make bench`` (docs/PERFORMANCE.md lists their commands)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.mark.parametrize("name", sorted(p.stem for p in BENCH.glob("*.py") if p.stem != "__init__"))
def test_the_benchmark_module_imports(name: str) -> None:
    importlib.import_module(f"bench.{name}")
