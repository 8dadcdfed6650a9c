from django.urls import path

from coffeechat.pages.conversations.views import (
    bank,
    clock,
    conduct,
    corrections,
    outcome,
    prepare,
    schedule,
)

app_name = "conversations"
urlpatterns = [
    path("", schedule.conversation_list, name="list"),
    path("new/<int:contact_pk>/", schedule.conversation_new, name="new"),
    path("<int:pk>/", prepare.conversation_detail, name="detail"),
    path("<int:pk>/edit/", schedule.conversation_edit, name="edit"),
    path("<int:pk>/cancel/", schedule.conversation_cancel, name="cancel"),
    path("<int:pk>/delete/", schedule.conversation_delete, name="delete"),
    path("<int:pk>/questions/pick/", prepare.pick_questions, name="pick_questions"),
    path("<int:pk>/questions/own/", prepare.own_question, name="own_question"),
    path("<int:pk>/start/", clock.start, name="start"),
    path("<int:pk>/clock/pause/", clock.pause, name="pause"),
    path("<int:pk>/clock/resume/", clock.resume, name="resume"),
    path("<int:pk>/clock/reset/", clock.reset, name="reset"),
    path("<int:pk>/time/", clock.correct_time, name="correct_time"),
    path("<int:pk>/conduct/", conduct.conduct, name="conduct"),
    path("<int:pk>/agenda/", conduct.agenda, name="agenda"),
    path("<int:pk>/notes/", conduct.notes, name="notes"),
    path("<int:pk>/referrals/", conduct.referral, name="referral"),
    path("<int:pk>/takeaways/<str:kind>/", conduct.takeaway, name="takeaway"),
    path("<int:pk>/end/", conduct.end, name="end"),
    path("advice/<int:pk>/acted/", outcome.acted_on, name="acted_on"),
    path("asked/<int:pk>/notes/", conduct.answer_notes, name="answer_notes"),
    path("asked/<int:pk>/remove/", prepare.remove_question, name="remove_question"),
    path("questions/", bank.questions, name="questions"),
    path("questions/<int:pk>/", bank.question_edit, name="question_edit"),
    path("questions/<int:pk>/delete/", bank.question_delete, name="question_delete"),
    path("referrals/<int:pk>/edit/", corrections.referral_edit, name="referral_edit"),
    path("referrals/<int:pk>/delete/", corrections.referral_delete, name="referral_delete"),
    path("takeaways/<int:pk>/edit/", corrections.takeaway_edit, name="takeaway_edit"),
    path("takeaways/<int:pk>/delete/", corrections.takeaway_delete, name="takeaway_delete"),
]
