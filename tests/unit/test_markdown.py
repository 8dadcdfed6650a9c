from coffeechat.foundation.core.markdown import render_markdown


def test_markdown_formats_notes():
    html = render_markdown("**Bold** and a [link](https://example.org)")
    assert "<strong>Bold</strong>" in html
    assert 'href="https://example.org"' in html


def test_scripts_event_handlers_and_javascript_links_come_out_inert():
    html = render_markdown(
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))"
    )
    assert "<script" not in html
    assert "onerror" not in html.replace("&lt;img src=x onerror", "")
    assert "<img" not in html
    assert "javascript:" not in html.replace("[x](javascript:alert(1))", "")
    assert 'href="javascript' not in html


def test_empty_notes_render_as_nothing():
    assert render_markdown("") == ""
