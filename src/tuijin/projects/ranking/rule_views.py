"""The programme's ranking rules: their versions, and a form that saves a new version (with a preview
of its effect beside the current one before saving)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tuijin.core import access
from tuijin.core.selectors import record_history
from tuijin.core.services import StaleRecord

from . import selectors, services
from .forms import Query, RuleForm, SequenceFormSet, rule_config, rule_initial, sequence_initial
from .rules import RuleConfigInvalid, describe
from .sheets import rule_title
from .views import ranking_query


@login_required
def ranking_rules(request: HttpRequest) -> HttpResponse:
    form, query = ranking_query(request)
    context: dict[str, Any] = {"form": form, "query": query}
    if query is not None:
        versions = list(selectors.rule_versions(user=request.user, programme=query.programme, year=query.period.year))
        context |= {
            "versions": [
                {
                    "rule": rule,
                    "title": rule_title(rule),
                    "sentences": describe(selectors.config_of(rule)),
                    "history": record_history(instance=rule).order_by("at")[:1],
                }
                for rule in versions
            ],
            "standard_sentences": describe(selectors.config_of(None)),
            "may_edit": selectors.may_edit_rules(user=request.user, programme=query.programme),
        }
    return render(request, "projects/ranking/rules.html", context)


@login_required
def ranking_rule_edit(request: HttpRequest) -> HttpResponse:
    _form, query = ranking_query(request)
    if query is None:
        return redirect("projects:ranking_rules")
    access.deny_unless(
        request, selectors.may_edit_rules(user=request.user, programme=query.programme), "edit ranking rule"
    )
    current = selectors.rule_current(programme=query.programme, year=query.period.year)
    config = selectors.config_of(current)
    context: dict[str, Any] = {"query": query, "current": current, "current_title": rule_title(current)}
    if request.method == "POST":
        form, sequences = RuleForm(request.POST), SequenceFormSet(request.POST, prefix="sequences")
        if form.is_valid() and sequences.is_valid():
            proposed = rule_config(form, sequences)
            if "preview" in request.POST:
                context["comparisons"] = _preview(request, query, config, proposed)
                context["proposed_sentences"] = describe(proposed)
            else:
                saved = _save(request, query, form, proposed)
                if saved is not None:
                    return redirect(f"{reverse('projects:ranking_rules')}?{query.params()}")
    else:
        name = current.name if current else _("Ranking rule %(year)s") % {"year": query.period.year}
        form = RuleForm(
            initial=rule_initial(
                config,
                name=name,
                description=current.description if current else "",
                based_on=current.number if current else 0,
            )
        )
        sequences = SequenceFormSet(initial=sequence_initial(config), prefix="sequences")
    return render(request, "projects/ranking/rule_edit.html", context | {"form": form, "sequences": sequences})


def _preview(request: HttpRequest, query: Query, current: Any, proposed: Any) -> list[selectors.Comparison]:
    where = {"user": request.user, "programme": query.programme, "period": query.period, "parent": query.parent}
    return selectors.compare(
        before=selectors.ranking(**where, config=current), after=selectors.ranking(**where, config=proposed)
    )


def _save(request: HttpRequest, query: Query, form: RuleForm, proposed: Any) -> Any:
    try:
        rule = services.ranking_rule_save(
            user=request.user,
            programme=query.programme,
            year=query.period.year,
            config=proposed,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
            based_on=form.cleaned_data["based_on"],
        )
    except StaleRecord as stale:
        form.add_error(None, str(stale))
        return None
    except RuleConfigInvalid as invalid:
        form.add_error(None, str(invalid))
        return None
    messages.success(
        request, _("Saved %(rule)s. Published notices keep the rule they were made with.") % {"rule": rule_title(rule)}
    )
    return rule
