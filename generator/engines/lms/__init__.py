"""Learning-platform packages of a course: SCORM 1.2, SCORM 2004 (4th edition) and cmi5.

`package.export_package` builds the site with MkDocs (`.html` page addresses: LMS file
servers do not resolve folder addresses), adds a launcher page that owns the LMS session
and shows the site in a frame (one SCO or AU: a multi-page site would call Initialize on
every page), writes the manifest (`manifest.py`) and zips it all. `validate.py` checks a
package against the XSDs it ships and the rules the XSDs cannot express.
"""
