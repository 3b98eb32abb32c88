"""The built-in recogniser: rules, gazetteers and evidence gathered over the whole text.

DATE, TIME, MONEY and PERCENT come from the patterns in :mod:`reader.entities.patterns`.
Names are found as *runs* of capitalised words ("University of Virginia", "iPhone 15e",
"Abdulaziz bin Salman") and handled in two passes: **evidence** gathered over the whole
text (a title or role before a name, a census given name, an apposition, an organisation
suffix, a product cue...), then **labelling** of each name segment by an ordered list of
named rules. Words at a sentence start, in a title-case headline, in an all-caps line or
a table cell need the rest of the text, a gazetteer or a clause that follows ("Nissan
reported ...") to vouch for them.

Where things are (each module under 400 lines):

- :mod:`.pipeline`: :class:`BuiltinRecogniser`, the stages in order;
- :mod:`.tokens`: runs of capitalised words, lines, sentence starts;
- :mod:`.cues`: context patterns and word sets ("said", ", who", "the village of");
- :mod:`.lexicon`: the gazetteers and the questions asked of them;
- :mod:`.runs`, :mod:`.evidence`, :mod:`.proposers`, :mod:`.labelling`, :mod:`.joins`: stages;
- :mod:`.rules_name`, :mod:`.rules_word`: the labelling rules, one function each.

``dateline entities --explain`` prints, for each span, the rule that proposed it and the
rule that labelled it. Word lists are text files in ``reader/entities/data/lists/``.

Core module: no textual or rich imports.
"""

from __future__ import annotations

from reader.entities.builtin.pipeline import BuiltinRecogniser
from reader.entities.builtin.state import Span

__all__ = ["BuiltinRecogniser", "Span"]
