"""The j-word rule: jobs are never mentioned, but names and quoted titles are not mentions."""

from __future__ import annotations

import pytest

from coffeechat.method.checker import Severity, check_message


def job_words(body: str, subject: str | None = "Advice about climate finance", **kw) -> tuple:
    findings = [f for f in check_message(body, subject=subject, **kw) if f.rule == "mentions-jobs"]
    assert len(findings) <= 1
    return findings[0].words if findings else ()


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("I'm looking for a job in climate finance.", ("job",)),
        ("Are there any jobs on your team?", ("jobs",)),
        ("I'm job-hunting after graduation.", ("job-hunting",)),
        ("I saw the analyst position on your website.", ("position",)),
        ("I'd love to hear about open positions.", ("positions",)),
        ("Is your team hiring this spring?", ("hiring",)),
        ("I hope to be hired by a firm like yours.", ("hired",)),
        ("Do you hire graduates?", ("hire",)),
        ("I noticed a vacancy in your risk team.", ("vacancy",)),
        ("Are there any openings at your company?", ("openings",)),
        ("I saw an opening at your firm last week.", ("opening",)),
        ("I'm seeking employment in sustainable finance.", ("employment",)),
        ("Could you pass my name to a recruiter?", ("recruiter",)),
        ("Are you recruiting analysts this year?", ("recruiting",)),
        ("Is there an internship opening this summer?", ("internship", "opening")),
        ("I'm looking for an internship in climate risk.", ("internship",)),
        ("I'd love to hear about a role at your company.", ("role at your company",)),
        ("Do you have any open roles?", ("any open roles",)),
        ("I'm interested in career opportunities at Acme.", ("career opportunities",)),
        ("I would love to join your team one day.", ("join your team",)),
        ("My resume is attached for reference.", ("resume",)),
        ("Please find my CV below.", ("CV",)),
        ("I've enclosed my résumé.", ("résumé",)),
        ("Could you forward this to the hiring manager?", ("hiring manager",)),
        ("I AM LOOKING FOR A JOB.", ("JOB",)),
    ],
)
def test_a_mention_of_jobs_in_any_inflection_is_a_problem(sentence, words):
    body = f"Dear Sam,\n\nPriya Shah suggested I write. {sentence} Would you have 20 minutes?"

    assert job_words(body) == words


def test_the_message_names_the_words_and_says_what_to_do_instead():
    body = "Dear Sam, I saw the position and heard you are hiring. Would you have 20 minutes?"
    finding = next(f for f in check_message(body, subject="Advice") if f.rule == "mentions-jobs")

    assert finding.severity == Severity.PROBLEM
    assert finding.words == ("position", "hiring")
    assert finding.message == (
        "Mentions jobs: “position”, “hiring”. "
        "Ask for advice, not a job; the job talk comes later, if ever."
    )


def test_each_word_is_reported_once_whatever_its_case():
    body = "Job search tips? I want a job. Jobs are scarce. A JOB would help."

    assert job_words(body) == ("Job", "Jobs")


@pytest.mark.parametrize(
    "sentence",
    [
        "I read your article “Hiring for Climate Risk” and it changed my thinking.",
        'I read your article "Hiring for Climate Risk" with great interest.',
        "Your post 'Why Jobs Data Misleads' stayed with me.",
        "Your essay \u2018The Job Nobody Wants\u2019 was brilliant.",  # curly single quotes
        "I admired how Steve Jobs framed product decisions.",
        "Steve Jobs once said something similar.",
        "I volunteer with the Jobs Foundation in Leeds.",
        "Jobs Foundation alumni speak highly of you.",
        "I've followed Jobs for the Future since my first year.",
        "My dissertation used data from the Department of Employment.",
        "I loved your talk at the Green Hiring Summit.",
    ],
)
def test_names_and_quoted_titles_are_not_mentions(sentence):
    body = f"Dear Sam,\n\nPriya Shah suggested I write. {sentence} Would you have 20 minutes?"

    assert job_words(body) == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "I'd value your position on carbon pricing.",
        "You are in a unique position to advise me.",
        "I'm not yet in a position to choose a specialism.",
        "How should I position myself for the field?",
        "Your firm's market position fascinates me.",
        "How did you reach your position at Acme?",
        "I loved the opening keynote at the summit.",
        "Do you have an opening in your calendar next week?",
        "You played a role in shaping the EU taxonomy.",
        "I'd love to hear about your role at the firm.",
        "I did an internship at Aviva last summer.",
        "Could we resume our conversation from the conference?",
        "I recruited twenty participants for my dissertation study.",
        "My research looks at careers in green finance.",
        "I'd love to hear what your work involves.",
        "Would Tuesday work for you?",
        "Thank you for the opportunity to learn from you.",
        "Details are on https://jobs.example.org/alice and alice@jobsmail.example.",
        "I read the {{job_title}} page.",
    ],
)
def test_innocent_uses_of_the_same_words_are_not_mentions(sentence):
    body = f"Dear Sam,\n\nPriya Shah suggested I write. {sentence} Would you have 20 minutes?"

    assert job_words(body) == ()


def test_a_capitalised_job_word_at_a_sentence_start_still_counts():
    body = "Dear Sam, Hiring is slow this year. Jobs in climate finance are scarce."

    assert job_words(body) == ("Hiring", "Jobs")


def test_a_job_word_standing_alone_in_capitals_mid_sentence_still_counts():
    body = "Dear Sam, I saw the Analyst Position at your firm and a Job elsewhere."

    assert job_words(body) == ("Analyst Position", "Job")


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("I'm keen on the Graduate Analyst Role in your Leeds office.", ("Graduate Analyst Role",)),
        ("The Senior Associate Position you advertised caught my eye.",
         ("Senior Associate Position",)),
        ("Is the Climate Risk Analyst Vacancy still open?", ("Climate Risk Analyst Vacancy",)),
        ("I'd like to ask about the Analyst Positions.", ("Analyst Positions",)),
    ],
)  # fmt: skip
def test_a_capitalised_job_title_is_a_post_not_a_name(sentence, words):
    body = f"Dear Sam,\n\nPriya Shah suggested I write. {sentence} Would you have 20 minutes?"

    assert job_words(body) == words


@pytest.mark.parametrize(
    "sentence",
    [
        "I read your report for the Strong Position Fund with interest.",
        "Your article “The Analyst Position” was sharp.",
        "Your team's work on the Net Zero Position Paper shaped my dissertation.",
        "I admired your Leading Role Award speech.",
    ],
)
def test_a_capitalised_job_noun_inside_a_name_or_quoted_title_is_not_a_mention(sentence):
    body = f"Dear Sam,\n\nPriya Shah suggested I write. {sentence} Would you have 20 minutes?"

    assert job_words(body) == ()


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("I would love to work at your company one day.", ("work at your company",)),
        ("I'd really like to work for Green Bank after graduating.", ("work for Green Bank",)),
        ("I'm hoping to work at a firm like yours.", ("work at a firm like yours",)),
        ("I've always wanted to work in your risk team.", ("work in your risk team",)),
        ("I am interested in working at Acme Climate.", ("working at Acme Climate",)),
        ("I'd love to join Acme Climate after my degree.", ("join Acme Climate",)),
        ("I'm hoping to join your risk team one day.", ("join your risk team",)),
        ("I'm applying for your graduate scheme this autumn.",
         ("applying for your graduate scheme",)),
        ("I applied to your firm last year.", ("applied to your firm",)),
        ("I'm applying for the analyst role you posted.", ("applying for the analyst role",)),
        ("My application went in on Monday.", ("My application",)),
        ("Could you put in a word for my application?", ("my application",)),
        ("Are you taking on any new hires this year?", ("hires",)),
        ("Could you pass my name to the hiring committee?", ("hiring committee",)),
        ("I hope to join a graduate scheme in climate finance.", ("graduate scheme",)),
        ("If you have any openings on your team next year, I'd be keen.", ("openings",)),
    ],
)  # fmt: skip
def test_wanting_to_work_there_or_applying_is_a_mention_of_jobs(sentence, words):
    body = f"Dear Sam,\n\nPriya Shah suggested I write. {sentence} Would you have 20 minutes?"

    assert job_words(body) == words


@pytest.mark.parametrize(
    "sentence",
    [
        "If you have an opening next week, I'd love 20 minutes of your time.",
        "Are there any openings next week for a call?",
        "Do you have an opening on Thursday afternoon?",
        "Would you have an opening for a 20-minute call in the next few weeks?",
        "Is there an opening later this week for a quick coffee?",
        "I'm studying employment law at Leeds.",
        "Your work on employment tribunals is what drew me to the field.",
        "I read your note on the jobs report this morning.",
        "Your talk on the jobs-to-be-done framework changed how I see products.",
        "I use the Jobs To Be Done approach in my product course.",
        "I enjoyed your post welcoming your recent hires.",
        "Your advice for a new hire in their first 90 days was excellent.",
        "I read your research on hiring committees and bias.",
        "Your analysis of job creation in coal towns is superb.",
        "What made you want to work at Acme after the ministry?",
        "I'd love to hear what it's like to work at Acme.",
        "I'd love to work in climate finance one day.",
        "I'd love to join the webinar you are running in March.",
        "I'm keen to join you for a coffee whenever suits you.",
        "I'm applying to master's programmes in economics this year.",
        "My application to the MSc at LSE is in.",
        "My application of your model to UK data found the same result.",
        "Your Board Role at Shelter must keep you busy.",
        "We met at the Opening Night of the Leeds festival.",
        "I'm applying for the Fulbright scholarship.",
    ],
)
def test_availability_topics_and_other_peoples_hires_are_not_mentions(sentence):
    body = f"Dear Sam,\n\nPriya Shah suggested I write. {sentence} Would you have 20 minutes?"

    assert job_words(body) == ()


def test_dear_hiring_committee_is_a_mention_of_jobs():
    body = "Dear Hiring Committee,\n\nWould you have 20 minutes?"

    assert job_words(body) == ("Hiring Committee",)


def test_the_subject_is_checked_too_and_title_case_does_not_hide_words():
    body = "Dear Sam, would you have 20 minutes?"

    assert job_words(body, subject="Question About Open Positions") == ("Positions",)
    assert job_words(body, subject="Job inquiry") == ("Job",)
    assert job_words(body, subject="Advice on Steve Jobs biography") == ()


def test_the_subject_is_ignored_on_linkedin():
    assert job_words("Hi Sam, would you have 20 minutes?", subject="Jobs", channel="linkedin") == ()


@pytest.mark.parametrize("purpose", ["request", "follow_up", "thank_you", "update"])
def test_jobs_are_off_limits_whatever_the_purpose(purpose):
    body = "Dear Sam, thank you again; I've now applied for the analyst position."

    assert job_words(body, purpose=purpose) == ("position",)


def test_dear_hiring_manager_is_a_mention_of_jobs():
    assert job_words("Dear Hiring Manager,\n\nWould you have 20 minutes?") == ("Hiring Manager",)
