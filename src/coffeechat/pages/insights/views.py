from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.pages.insights import sections
from coffeechat.pages.insights.forms import GoalForm
from coffeechat.pages.insights.queries import insight_facts


def _page(request: AuthedRequest, form: GoalForm) -> TemplateResponse:
    facts = insight_facts(request.user)
    goal = request.user.profile.weekly_conversation_goal
    context = {
        "funnel": sections.funnel_section(facts),
        "rates": sections.rates_section(facts),
        "weekly": sections.weekly_section(facts, goal),
        "referrals": sections.referrals_section(facts),
        "goal_form": form,
    }
    return TemplateResponse(request, "insights/insights.html", context)


@login_required
def insights_page(request: AuthedRequest) -> HttpResponse:
    return _page(request, GoalForm(instance=request.user.profile))


@login_required
@require_POST
def set_goal(request: AuthedRequest) -> HttpResponse:
    """Save the goal; HTMX gets the redrawn weekly section, a plain form the whole page."""
    profile = request.user.profile
    form = GoalForm(request.POST, instance=profile)
    valid = form.is_valid()
    if valid:
        form.save()
    else:
        profile.refresh_from_db()  # draw the chart with the goal still saved, not the bad value
    if request.htmx:
        facts = insight_facts(request.user)
        context = {
            "weekly": sections.weekly_section(facts, profile.weekly_conversation_goal),
            "goal_form": form,
            "saved": valid,
        }
        return TemplateResponse(request, "insights/_weekly.html", context)
    if not valid:
        return _page(request, form)
    messages.success(request, f"Weekly goal set to {profile.weekly_conversation_goal}.")
    return HttpResponseRedirect(reverse("insights:insights") + "#weekly")
