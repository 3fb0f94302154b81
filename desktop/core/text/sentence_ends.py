"""Sentence ends of scripts whose full stop is not the period.

Punkt's rules cover ".", "!" and "?" followed by a space. Chinese and Japanese end sentences
with their own marks and no space after them; Hindi (the danda), Urdu, Arabic's question mark,
Armenian, Ethiopic, Burmese and Khmer have theirs. Without them a whole paragraph of such a
text is one sentence, and a summary of it has no sentence that ends like one.
"""

SCRIPT_STOPS = "。！？｡।॥۔؟։።፧။។"
