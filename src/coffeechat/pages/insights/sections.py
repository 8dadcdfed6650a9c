"""The four sections of the Insights page: figures and chart geometry, ready for the templates."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.dateformat import format as format_date

from coffeechat.method import insights
from coffeechat.method.charts import ColumnChart, HBarChart, column_chart, hbar_chart
from coffeechat.method.insights import FunnelStep, Person, RateRow, Week
from coffeechat.pages.insights.queries import Facts


@dataclass(frozen=True)
class Funnel:
    steps: list[FunnelStep]
    chart: HBarChart

    @property
    def empty(self) -> bool:
        return self.steps[0].count == 0


@dataclass(frozen=True)
class Rates:
    by_template: list[RateRow]
    by_channel: list[RateRow]
    template_chart: HBarChart
    channel_chart: HBarChart
    median_days: str  # "" when no one has replied yet
    replies_counted: int

    @property
    def empty(self) -> bool:
        return not self.by_channel


@dataclass(frozen=True)
class WeekRow:
    """A week of the table, its days written out once (as the date filter writes them)."""

    week: Week
    starts: str  # "2026-03-09"
    span: str  # "Mon 9 Mar to Sun 15 Mar 2026"
    described: str  # "9 Mar 2026"


def week_row(week: Week) -> WeekRow:
    return WeekRow(
        week=week,
        starts=format_date(week.starts, "Y-m-d"),
        span=f"{format_date(week.starts, 'D j M')} to {format_date(week.ends, 'D j M Y')}",
        described=format_date(week.starts, "j M Y"),
    )


@dataclass(frozen=True)
class Weekly:
    rows: list[WeekRow]
    goal: int
    chart: ColumnChart
    total: int
    weeks_at_goal: int

    @property
    def weeks(self) -> list[Week]:
        return [row.week for row in self.rows]


# Chains listed on the page: past this many, the page says how many more (it must not grow
# with the network).
CHAINS_SHOWN = 30


@dataclass(frozen=True)
class ChainStep:
    """A person in a chain, with the link to their page worked out once."""

    id: int
    name: str
    organization: str
    url: str


@dataclass(frozen=True)
class Referrals:
    referrals: int
    conversations: int
    per_conversation: float | None
    chains: list[list[ChainStep]]  # the first CHAINS_SHOWN
    more_chains: int = 0


def _steps(chain: list[Person], contact_url: str) -> list[ChainStep]:
    """`contact_url` is the page of contact 0: each person's is the same with their id."""
    stem = contact_url.removesuffix("0/")
    return [ChainStep(p.id, p.name, p.organization, f"{stem}{p.id}/") for p in chain]


def _share(row: RateRow) -> str:
    return f"{row.replied} of {row.sent} ({row.percent}%)"


def _rate_chart(rows: list[RateRow]) -> HBarChart:
    return hbar_chart([(row.label, row.percent or 0, _share(row)) for row in rows], maximum=100)


def funnel_section(facts: Facts) -> Funnel:
    steps = insights.funnel_from_counts(facts.furthest, facts.referred)
    chart = hbar_chart([(step.label, step.count, str(step.count)) for step in steps])
    return Funnel(steps=steps, chart=chart)


def rates_section(facts: Facts) -> Rates:
    templates, channels, waits = facts.by_template, facts.by_channel, facts.waits
    middle = insights.median(waits)
    return Rates(
        by_template=templates,
        by_channel=channels,
        template_chart=_rate_chart(templates),
        channel_chart=_rate_chart(channels),
        median_days="" if middle is None else insights.days_text(middle),
        replies_counted=len(waits),
    )


def weekly_section(facts: Facts, goal: int) -> Weekly:
    return weekly_from(_week_rows(facts), goal)


def _week_rows(facts: Facts) -> list[WeekRow]:
    return [week_row(week) for week in insights.weekly_counts(facts.held_on, facts.today)]


def weekly_from(rows: list[WeekRow], goal: int) -> Weekly:
    """The weekly chart against the goal (the goal is the profile's, read on every request)."""
    weeks = [row.week for row in rows]
    chart = column_chart([(f"{w.starts.day} {w.starts:%b}", w.count) for w in weeks], goal)
    return Weekly(
        rows=rows,
        goal=goal,
        chart=chart,
        total=sum(week.count for week in weeks),
        weeks_at_goal=sum(week.count >= goal for week in weeks),
    )


def referrals_section(facts: Facts) -> Referrals:
    conversations = facts.held
    chains = insights.referral_chains(facts.people)
    contact_url = reverse("people:contact", args=[0])  # one reverse() for every link
    return Referrals(
        referrals=facts.referrals_in_held,
        conversations=conversations,
        per_conversation=insights.per_conversation(facts.referrals_in_held, conversations),
        chains=[_steps(chain, contact_url) for chain in chains[:CHAINS_SHOWN]],
        more_chains=max(len(chains) - CHAINS_SHOWN, 0),
    )


@dataclass(frozen=True)
class Figures:
    """Every section but the goal's line, as the page draws them: small whatever the account's
    size (at most CHAINS_SHOWN chains, a row per template and channel, 12 weeks), so cheap to
    keep in the cache and read back."""

    funnel: Funnel
    rates: Rates
    weeks: list[WeekRow]
    referrals: Referrals

    def weekly(self, goal: int) -> Weekly:
        return weekly_from(self.weeks, goal)


def figures(facts: Facts) -> Figures:
    return Figures(
        funnel=funnel_section(facts),
        rates=rates_section(facts),
        weeks=_week_rows(facts),
        referrals=referrals_section(facts),
    )
