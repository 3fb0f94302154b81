"""One story in two versions, for the tests of updating and restoring an article."""

from __future__ import annotations

V1 = (
    "The council approved the new harbour plan on Monday after a long debate.\n\n"
    "Mayor Ana Lopes said the vote was a turning point for the town's fishermen.\n\n"
    "Opponents argued that the plan ignored the cost of dredging the old channel.\n\n"
    "Work is due to start in the spring and to last two years."
)
# An update: a new opening paragraph, the opponents' paragraph gone, the rest kept.
V2 = (
    "Update: the council published the final budget for the harbour on Tuesday.\n\n"
    "The council approved the new harbour plan on Monday after a long debate.\n\n"
    "Mayor Ana Lopes said the vote was a turning point for the town's fishermen.\n\n"
    "Work is due to start in the spring and to last two years."
)
KEPT = "the vote was a turning point"
GONE = "ignored the cost of dredging the old channel"
