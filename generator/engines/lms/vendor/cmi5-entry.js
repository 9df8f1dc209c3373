/* esbuild's entry for vendor/cmi5.min.js (made by generator/engines/lms/vendor_bundle.py):
   npm's @xapi/cmi5 as window.Cmi5, for the cmi5 launcher (assets/cmi5.js). */
import Cmi5 from "@xapi/cmi5";
window.Cmi5 = Cmi5;
