from django.urls import path

from coffeechat.edges.records import views

app_name = "records"
urlpatterns = [
    path("", views.exports, name="exports"),
    path("export.json", views.export_json, name="export_json"),
    path("<slug:name>.csv", views.export_csv, name="export_csv"),
    path("contacts.vcf", views.export_vcard, name="export_vcard"),
]
