"""treaty.site.minify: a page's blank lines and indentation taken out, what shows kept."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from treaty.site.minify import collapse, collapse_blank_lines

# The rule, as a regular expression: each run of spaces, tabs, carriage returns and line breaks
# that holds a line break becomes one line break.
RUN = re.compile(r"[ \t\r]*\n[ \t\r\n]*")
PIECES = st.lists(st.sampled_from(["a", "é", " ", "  ", "\t", "\r", "\n", "\u00a0", "<p>", "</p>"]), max_size=40)


@settings(max_examples=1000, deadline=None)
@given(PIECES)
def test_a_run_that_holds_a_line_break_becomes_one_line_break(pieces):
    text = "".join(pieces)
    assert collapse(text) == RUN.sub("\n", text)


def test_indentation_and_blank_lines_go_and_a_no_break_space_stays():
    page = '<ul>\n    <li>\n\n      <a href="./">Article\u00a07</a>   \n    </li>\n</ul>\n'
    assert collapse_blank_lines(page) == '<ul>\n<li>\n<a href="./">Article\u00a07</a>\n</li>\n</ul>\n'


def test_what_shows_white_space_as_written_is_kept():
    page = "<div>\n   <pre><code>a\n\n    b\n</code></pre>\n   <textarea>\n  x\n</textarea>\n</div>"
    assert collapse_blank_lines(page) == ("<div>\n<pre><code>a\n\n    b\n</code></pre>\n"
                                          "<textarea>\n  x\n</textarea>\n</div>")
