from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.pages.insights.cached import cached_figures
from coffeechat.pages.insights.forms import GoalForm


def _page(request: AuthedRequest, form: GoalForm) -> TemplateResponse:
    figures = cached_figures(request.user)
    goal = request.user.profile.weekly_conversation_goal
    context = {
        "funnel": figures.funnel,
        "rates": figures.rates,
        "weekly": figures.weekly(goal),
        "referrals": figures.referrals,
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
        context = {
            "weekly": cached_figures(request.user).weekly(profile.weekly_conversation_goal),
            "goal_form": form,
            "saved": valid,
        }
        return TemplateResponse(request, "insights/_weekly.html", context)
    if not valid:
        return _page(request, form)
    messages.success(request, f"Weekly goal set to {profile.weekly_conversation_goal}.")
    return HttpResponseRedirect(reverse("insights:insights") + "#weekly")
