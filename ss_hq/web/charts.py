"""Dashboard charts drawn by pygal (server-side SVG), inlined without any JavaScript."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

import pygal
from pygal.style import Style

_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
CHART_STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#333",
    foreground_strong="#222",
    foreground_subtle="#999",
    colors=("#2b7a78", "#3aafa9", "#def2f1", "#17252a", "#f4a261", "#e76f51"),
    font_family="'WenQuanYi Micro Hei', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
    label_font_size=15,
    major_label_font_size=15,
    value_font_size=15,
    title_font_size=14,
)


def _config(title: str, height: int) -> pygal.Config:
    config = pygal.Config()
    config.title = None  # the page shows the title above the chart
    config.style = CHART_STYLE
    config.js = []  # no scripts from elsewhere (and our CSP would block them anyway)
    config.show_legend = False
    config.height = height
    config.width = 440
    config.truncate_label = -1  # never cut a Chinese label
    config.print_values = True
    config.disable_xml_declaration = True
    config.explicit_size = False
    return config


AXIS_LABELS = 5  # numbers along the value axis: few enough never to overlap


def _width_units(text: str) -> float:
    """Width of *text* in font sizes: a CJK character is one, others about 0.6."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6 for ch in text)


def label_margin(labels: list[str], font_size: int) -> int:
    """Extra left margin for labels wider than pygal reckons (0.6 font size per character,
    too little for Chinese): without it the start of a long label is cut off."""
    if not labels:
        return 0
    needed = max(_width_units(t) for t in labels) * font_size
    reckoned = max(len(t) for t in labels) * 0.6 * font_size
    return int(max(0.0, needed - reckoned)) + 4


def axis_ticks(largest: int, most: int = AXIS_LABELS) -> list[int]:
    """Round numbers from 0 to just past *largest*, 1, 2 or 5 times a power of ten apart, at
    most *most* steps: few enough never to run into each other."""
    largest = max(largest, 1)
    step = 1
    while -(-largest // step) > most:
        step = _next_step(step)
    return list(range(0, -(-largest // step) * step + 1, step))


def _next_step(step: int) -> int:
    digits = str(step)
    lead, zeros = int(digits[0]), len(digits) - 1
    factor: int = {1: 2, 2: 5, 5: 10}[lead]
    return int(factor * 10**zeros)


def bar_chart(
    title: str, counts: Mapping[str, int], label: Callable[[str], str], *, limit: int = 15
) -> str:
    """A horizontal bar chart as an inline ``<svg>`` string."""
    items = list(counts.items())[:limit]
    height = max(140, 50 + 34 * len(items))
    labels = [label(k) for k, _ in reversed(items)]
    config = _config(title, height)
    config.margin_left = label_margin(labels, CHART_STYLE.label_font_size)
    # Only a few round numbers along the value axis, so they never run into each other
    # (each bar prints its own count).
    config.y_labels = axis_ticks(max((v for _, v in items), default=0))
    chart = pygal.HorizontalBar(config)
    chart.x_labels = labels
    chart.add(title, [v for _, v in reversed(items)])
    svg = chart.render(is_unicode=True)
    svg = svg if isinstance(svg, str) else svg.decode("utf-8")
    # pygal embeds its tooltip configuration as an inline script: not needed, not allowed.
    return _SCRIPT.sub("", svg)
