"""Translations for translators: a course's text out to PO or XLIFF, and back into
translations/<lang>/ (load/translation.py reads that folder).

`units.py`: every translatable text of a course as a unit (source text, translation,
whether the source changed since); `files.py`: a translation file written from units;
`po.py` (polib) and `xliff.py` (XLIFF 1.2 with lxml): the two exchange formats.
"""
