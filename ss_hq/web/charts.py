"""Dashboard charts drawn by pygal (server-side SVG), inlined without any JavaScript."""

from __future__ import annotations

import re
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


def bar_chart(
    title: str, counts: Mapping[str, int], label: Callable[[str], str], *, limit: int = 15
) -> str:
    """A horizontal bar chart as an inline ``<svg>`` string."""
    items = list(counts.items())[:limit]
    height = max(140, 50 + 34 * len(items))
    chart = pygal.HorizontalBar(_config(title, height))
    chart.x_labels = [label(k) for k, _ in reversed(items)]
    chart.add(title, [v for _, v in reversed(items)])
    svg = chart.render(is_unicode=True)
    svg = svg if isinstance(svg, str) else svg.decode("utf-8")
    # pygal embeds its tooltip configuration as an inline script: not needed, not allowed.
    return _SCRIPT.sub("", svg)
