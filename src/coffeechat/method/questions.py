"""The built-in bank of open-ended questions and the agenda of a conversation.

Every question is open-ended and none is answered by a quick search or the person's profile:
that is the rule the method sets for preparation.
"""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    PATH = "their path"
    TYPICAL_DAY = "a typical day"
    TRENDS = "the field's trends"
    ADVICE = "advice"
    RESOURCES = "resources"
    PEOPLE = "people to meet"


BUILT_IN_QUESTIONS: tuple[tuple[Category, str], ...] = (
    (Category.PATH, "How did you find your way into this work, and what made you choose it?"),
    (Category.PATH, "Looking back, which step in your path mattered most, and why?"),
    (Category.PATH, "What surprised you most when you started in this field?"),
    (Category.PATH, "If you were starting again today, what would you do differently?"),
    (Category.PATH, "How has your role changed since you started here?"),
    (Category.TYPICAL_DAY, "What does a typical week look like for you?"),
    (Category.TYPICAL_DAY, "Which parts of the work do you enjoy most, and which least?"),
    (Category.TYPICAL_DAY, "What problems are you and your team trying to solve right now?"),
    (
        Category.TYPICAL_DAY,
        "How would you describe the culture here, beyond what the website says?",
    ),
    (Category.TYPICAL_DAY, "What separates someone who does well in this role from the rest?"),
    (Category.TRENDS, "What changes do you see coming to this field in the next few years?"),
    (Category.TRENDS, "Which skills are becoming more valuable in your work, and which less?"),
    (Category.TRENDS, "How do you keep your own knowledge current?"),
    (Category.TRENDS, "Which related fields or roles would you tell someone like me to look at?"),
    (Category.TRENDS, "How do people usually come to be hired for this kind of work?"),
    (Category.ADVICE, "Given my background, what would you focus on to get into this field?"),
    (Category.ADVICE, "What makes a resume or portfolio stand out to you in this field?"),
    (Category.ADVICE, "What experience could I get now that would make the biggest difference?"),
    (Category.ADVICE, "What do employers here look for that candidates often overlook?"),
    (Category.ADVICE, "What mistakes do newcomers to this field tend to make?"),
    (Category.RESOURCES, "Which publications, podcasts or newsletters do you find most useful?"),
    (Category.RESOURCES, "Which professional associations or events are worth joining?"),
    (Category.RESOURCES, "Are there courses or certifications people in your field respect?"),
    (Category.RESOURCES, "Which online communities do people in this work actually use?"),
    (Category.PEOPLE, "Who else would you suggest I talk to, and may I mention your name?"),
    (Category.PEOPLE, "Which organizations do you think are doing the most interesting work?"),
    (Category.PEOPLE, "Is there someone earlier in their career here who could tell me more?"),
    (Category.PEOPLE, "Whose path into this field is most unlike yours, and worth hearing?"),
)

# The conversation's agenda, in order, as career centres teach it.
AGENDA: tuple[tuple[str, str], ...] = (
    ("thank", "Thank them for their time"),
    ("background", "Your background, briefly (your pitch)"),
    ("purpose", "Purpose: information and advice, not a job"),
    ("questions", "Your questions; listen, follow up, take notes"),
    ("referrals", "Ask for referrals, and whether you may use their name"),
    ("permission", "Ask permission to follow up, and when"),
    ("thanks", "Thank them again; watch the agreed time"),
)
AGENDA_KEYS = frozenset(key for key, _ in AGENDA)
