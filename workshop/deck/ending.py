"""The slides after the agenda's sections: the knowledge check, the references and the closing
slide with the presenters' contact details (sharing the presenter's own goodbye when it is short)."""

from __future__ import annotations

from dataclasses import replace

from workshop import model as m
from workshop.deck import fit
from workshop.deck.blocks import Planner, hero, presenter_columns, titled
from workshop.deck.fit import Para
from workshop.deck.planned import BODY, GUTTER, HERO, LEAD, SMALL, Mark, PlannedSlide
from workshop.quiz import letter


def quiz_slides(plan: Planner, quiz: m.Quiz) -> None:
    """Each question on its own slide, then a slide with its answer and why."""
    plan.section_id = plan.end_section
    for n, q in enumerate(quiz.questions, 1):
        question_slide(plan, q, n, len(quiz.questions))
        answer_slide(plan, q, n)


def question_slide(plan: Planner, q: m.Question, n: int, total: int) -> None:
    checks = (" " + plan.t("It checks objective {n}: {objective}.", n=q.objective,
                           objective=plan.w.objectives[q.objective - 1]) if q.objective else "")
    groups = [[Para(q.ask, LEAD, bold=True)]]
    if q.choices:
        groups += [[Para(f"{letter(k)}.\t{c}", BODY, tab=40.0, space_before=14)]
                   for k, c in enumerate(q.choices)]
    else:
        groups.append([Para(plan.t("True or false?"), BODY, role="muted", space_before=18)])
    titled(plan, "quiz", plan.t("Knowledge check: question {n} of {total}", n=n, total=total), groups, plan.notes(
        plan.t("Read the question aloud and give the room time to answer: hands, cards or a poll.") + checks,
        plan.t("The next slide shows the answer."), plan.end_cue(plan.t("for the knowledge check"))), columns=False)


def answer_slide(plan: Planner, q: m.Question, n: int) -> None:
    answer = f"{letter(q.key)}. {q.answer}" if q.choices else plan.t(q.answer)
    groups = [[Para(q.ask, SMALL, role="muted")],
              [Para(plan.t("Answer: {answer}", answer=answer), LEAD, bold=True, role="accent", space_before=18)]]
    if q.explain:
        groups.append([Para(q.explain, BODY, space_before=16)])
    titled(plan, "answer", plan.t("Answer to question {n}", n=n), groups, plan.notes(
        plan.t("Answer: {answer}", answer=answer) + ".", q.explain,
        plan.t("Ask who chose something else, and why, before moving on."),
        plan.end_cue(plan.t("for the knowledge check"))),
        columns=False)


def references_slide(plan: Planner) -> None:
    """The outline's references, small, each with a hanging indent."""
    plan.section_id = plan.end_section
    if not plan.w.references:
        return
    groups = [[Para(r, SMALL, space_before=10, hanging=28.0)] for r in plan.w.references]
    titled(plan, "references", plan.t("References"), groups, plan.notes(
        plan.t("The full list is in the participant handouts."), plan.end_cue()),
        columns=False)


def closing_slide(plan: Planner, farewell: list[PlannedSlide] = ()) -> bool:
    """The closing slide with the presenters' contact details. Given the ``farewell`` the
    outline ends on ("Thank you" and a line or two), that slide's title, lines and notes go on
    the closing slide itself, when they fit; says whether they did."""
    plan.section_id = plan.end_section
    if not plan.w.deck.closing:
        return False
    width = plan.hero_w
    said = plan.farewell_slide
    lines = said.body.items if said is not None and isinstance(said.body, m.Bullets) else None
    merge = (len(farewell) == 1 and lines is not None and len(lines) <= 3 and said.image is None
             and not any(i.children for i in lines))

    def presenter(person: m.Presenter, apart: bool) -> list[Para]:
        # the name in bold, the credentials under it in the muted colour, as "Your presenters" sets them
        paras = [Para(person.name, BODY, bold=True, role="inverse", space_before=0 if apart else 18)]
        if person.credentials:
            paras.append(Para(person.credentials, SMALL, role="inverse-muted", space_before=2))
        paras += [Para(x, SMALL, role="inverse", space_before=2) for x in (person.email, person.phone,
                                                                           person.website) if x]
        return paras

    heading = said.title if merge else plan.t("Stay in touch")
    title = [Para(heading, HERO, bold=True, role="inverse")]
    stack = [("Title text", [title], 0.0)]
    if merge and lines:
        stack.append(("Body", [[Para(i.text, BODY, role="inverse", space_before=0 if k == 0 else 8)
                                for k, i in enumerate(lines)]], 16.0))
    room = plan.hero_bottom - 48 - sum(fit.height(c[0], width) + gap for _, c, gap in stack) - 40
    people = presenter_columns(plan, presenter, room, width)
    column_w = (width - GUTTER * (len(people) - 1)) / len(people)
    if merge and max(fit.height(c, column_w) for c in people) > room:
        return closing_slide(plan)  # a goodbye and contacts too long for one slide: a slide each
    stack.append(("Contact", people, 40.0 if merge else 24.0))
    notes = farewell[0].notes if merge else plan.notes(
        plan.t("Thank the group, point to the evaluation form, and leave your contact details on screen."),
        plan.end_cue(plan.t("as the workshop ends")))
    hero(plan, "closing", heading, stack, notes)
    if merge:  # the rule between the goodbye and the contacts
        slide = plan.slides[-1]
        contact = next(b for b in slide.boxes if b.name == "Contact")
        rule = Mark("rect", contact.x, contact.y - 22, 96.0, 3.0, "accent")
        plan.slides[-1] = replace(slide, marks=(rule,), section_id=farewell[0].section_id)
    return merge

