"""Geometry for the small SVG charts drawn on the server, so templates only place numbers.

Coordinates are in the SVG's own units (its viewBox); the browser scales the drawing to the
width of the page, so one set of numbers serves phones and desktops.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Narrow enough that its text stays legible when a phone shrinks the drawing to fit.
WIDTH = 480
LABEL_WIDTH = 140  # room for the row labels left of horizontal bars
VALUE_ROOM = 100  # room right of the longest bar for its figure
ROW = 34
BAR = 22
LABEL_CHARS = 17  # longer labels are cut in the drawing; the table under it has them whole


def _length(value: float, maximum: float, room: float) -> float:
    if maximum <= 0 or value <= 0:
        return 0.0
    # A tiny value still shows a sliver, so "1" never looks like "0".
    return round(max(room * min(value, maximum) / maximum, 2.0), 1)


def short(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class HBar:
    label: str
    figure: str  # the text printed after the bar
    y: float
    width: float
    text_y: float
    figure_x: float


@dataclass(frozen=True)
class HBarChart:
    bars: list[HBar]
    width: int
    height: int
    bar_x: int = LABEL_WIDTH
    bar_height: int = BAR
    label_x: int = LABEL_WIDTH - 8
    track: int = WIDTH - LABEL_WIDTH - VALUE_ROOM  # the full length a bar can take


def hbar_chart(rows: Sequence[tuple[str, float, str]], maximum: float | None = None) -> HBarChart:
    """Horizontal bars, one per (label, value, figure), scaled to `maximum` (or the largest)."""
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    top = max((value for _, value, _ in rows), default=0) if maximum is None else maximum
    bars = []
    for index, (label, value, figure) in enumerate(rows):
        y = index * ROW + (ROW - BAR) / 2
        width = _length(value, top, room)
        bars.append(
            HBar(
                label=short(label),
                figure=figure,
                y=y,
                width=width,
                text_y=y + BAR / 2 + 5,
                figure_x=round(LABEL_WIDTH + width + 6, 1),
            )
        )
    return HBarChart(bars=bars, width=WIDTH, height=max(len(rows), 1) * ROW)


# Columns: the weekly chart, with a goal line across it.
COLUMN_HEIGHT = 260
PLOT_LEFT = 36
PLOT_TOP = 40  # the goal's legend sits above the plot, clear of the tallest column's figure
PLOT_BOTTOM = 220
LEGEND_Y = 16


@dataclass(frozen=True)
class Column:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    center: float
    value_y: float
    show_label: bool  # every other label, counted back from the last, so they never collide


@dataclass(frozen=True)
class ColumnChart:
    columns: list[Column]
    scale: int  # the value at the top of the plot
    goal: int
    goal_y: float
    width: int = WIDTH
    height: int = COLUMN_HEIGHT
    left: int = PLOT_LEFT
    top: int = PLOT_TOP
    bottom: int = PLOT_BOTTOM
    label_y: int = PLOT_BOTTOM + 18
    legend_y: int = LEGEND_Y
    legend_x: int = WIDTH - 180  # the sample of the goal line, then its label


def column_chart(values: Sequence[tuple[str, int]], goal: int) -> ColumnChart:
    """Columns for (label, value) pairs on a scale that always fits both the data and the goal."""
    scale = max([goal, 1, *(value for _, value in values)])
    plot = PLOT_BOTTOM - PLOT_TOP
    slot = (WIDTH - PLOT_LEFT - 4) / max(len(values), 1)
    columns = []
    for index, (label, value) in enumerate(values):
        height = round(plot * value / scale, 1)
        x = PLOT_LEFT + index * slot + slot * 0.2
        columns.append(
            Column(
                label=label,
                value=value,
                x=round(x, 1),
                y=round(PLOT_BOTTOM - height, 1),
                width=round(slot * 0.6, 1),
                height=height,
                center=round(x + slot * 0.3, 1),
                value_y=round(PLOT_BOTTOM - height - 5, 1),
                show_label=(len(values) - 1 - index) % 2 == 0,
            )
        )
    return ColumnChart(
        columns=columns,
        scale=scale,
        goal=goal,
        goal_y=round(PLOT_BOTTOM - plot * goal / scale, 1),
    )
