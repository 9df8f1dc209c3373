"""The cmi5 package against a real learning record store: ralph (PyPI ralph-malph 5.1.0).

The test plays the LMS's part of cmi5 (Quartz, section 8): it serves the package, writes the
`launched` statement, the LMS.LaunchData state document and the launch URL, hands out the
auth token at the fetch URL, and serves the State and Agent Profile documents (ralph has no
State API; LMS-FACTS.md), passing statements through to ralph on the same origin. A learner
takes the course through the real pages; the statements stored in ralph are checked
against the specification's rules: order, verbs, result, context, registration.
"""

from __future__ import annotations

import base64
import http.server
import json
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zipfile
from pathlib import Path

import pytest

from conftest import LRS_PYTHON, ROOT, copy_project, coursegen, answer_lms_quiz

pytestmark = pytest.mark.browser
USER, PASSWORD = "lms", "a-test-password"
AUTH = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
ACTOR = {"objectType": "Agent", "name": "Ana Ruiz", "account": {"homePage": "https://lms.example.org", "name": "ana"}}
VERB = "http://adlnet.gov/expapi/verbs/"
CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    """ralph on 127.0.0.1 with one user; its base URL."""
    assert LRS_PYTHON.exists(), f"{LRS_PYTHON} is missing: run `make test-tools` first"
    home = tmp_path_factory.mktemp("ralph")
    env = {**os.environ, "RALPH_APP_DIR": str(home / "app"), "RALPH_RUNSERVER_BACKEND": "fs",
           "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(home / "data")}
    (home / "data").mkdir()
    subprocess.run([str(LRS_PYTHON.parent / "ralph"), "auth", "-u", USER, "-p", PASSWORD, "-s", "all",
                    "-M", "mailto:lms@example.org", "-w"], env=env, check=True, capture_output=True, timeout=120)
    port = _free_port()
    server = subprocess.Popen([str(LRS_PYTHON), str(ROOT / "tests/fixtures/lms/run_ralph.py"), str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/__heartbeat__", timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
            time.sleep(0.1)
    yield url
    server.terminate()
    server.wait(timeout=10)


def lrs(ralph: str, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(ralph + path, data=body, method=method, headers={
        "Authorization": AUTH, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class TestLMS:
    """The LMS's small part of cmi5, over HTTP, on one origin with the package's files."""

    def __init__(self, folder: Path, ralph: str, structure: dict):
        self.folder, self.ralph, self.structure = folder, ralph, structure
        self.documents: dict[tuple, bytes] = {}  # (kind, id, registration) -> document
        self.tokens: set[str] = set()
        lms = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(folder), **kwargs)

            def log_message(self, *args):
                pass

            def do_GET(self):
                if self.path.startswith("/xapi/"):
                    return lms.xapi(self, "GET")
                return super().do_GET()

            def do_POST(self):
                if self.path.startswith("/fetch"):
                    return lms.fetch(self)
                return lms.xapi(self, "POST")

            def do_PUT(self):
                return lms.xapi(self, "PUT")

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def launch_url(self, registration: str, mode: str = "Normal") -> str:
        """What the LMS does on launch: `launched`, LMS.LaunchData, a fetch URL; the AU's URL."""
        au = self.structure["au"]
        session = str(uuid.uuid4())
        template = {"contextActivities": {"grouping": [{"id": self.structure["course"]}]}, "extensions": {SESSION: session}}
        launch_data = {"contextTemplate": template, "launchMode": mode, "launchMethod": "AnyWindow",
                       "moveOn": self.structure["moveOn"], "masteryScore": self.structure["masteryScore"]}
        self.documents[("state", "LMS.LaunchData", registration)] = json.dumps(launch_data).encode()
        launched = {"actor": ACTOR, "verb": {"id": VERB + "launched", "display": {"en-US": "launched"}},
                    "object": {"id": au, "objectType": "Activity"},
                    "context": {**template, "registration": registration,
                                "extensions": {**template["extensions"], "https://w3id.org/xapi/cmi5/context/extensions/launchmode": mode,
                                               "https://w3id.org/xapi/cmi5/context/extensions/moveon": self.structure["moveOn"]},
                                "contextActivities": {**template["contextActivities"], "category": [{"id": CMI5_CATEGORY}]}}}
        status, body = lrs(self.ralph, "POST", "/xAPI/statements", json.dumps(launched).encode())
        assert status == 200, body
        token = str(uuid.uuid4())
        self.tokens.add(token)
        query = urllib.parse.urlencode({"endpoint": f"{self.url}/xapi/", "fetch": f"{self.url}/fetch?t={token}",
                                        "actor": json.dumps(ACTOR), "registration": registration, "activityId": au})
        return f"{self.url}/course/launch.html?{query}"

    def fetch(self, handler) -> None:
        token = urllib.parse.parse_qs(urllib.parse.urlsplit(handler.path).query).get("t", [""])[0]
        if token in self.tokens:
            self.tokens.discard(token)  # cmi5 8.2.3: a fetch URL is used once
            self._reply(handler, 200, json.dumps({"auth-token": AUTH.removeprefix("Basic ")}).encode())
        else:
            self._reply(handler, 200, json.dumps({"error-code": "1", "error-text": "already used"}).encode())

    def xapi(self, handler, method: str) -> None:
        parts = urllib.parse.urlsplit(handler.path)
        query = {k: v[0] for k, v in urllib.parse.parse_qs(parts.query).items()}
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else None
        resource = parts.path.removeprefix("/xapi/")
        if handler.headers.get("Authorization") != AUTH:
            return self._reply(handler, 401, b"{}")
        if resource == "statements":  # passed through to the LRS
            status, data = lrs(self.ralph, method, "/xAPI/statements" + (f"?{parts.query}" if parts.query else ""), body)
            return self._reply(handler, status, data)
        if resource in ("activities/state", "agents/profile"):
            key = ("state", query.get("stateId"), query.get("registration")) if resource == "activities/state" \
                else ("profile", query.get("profileId"), None)
            if method == "GET":
                found = self.documents.get(key)
                return self._reply(handler, 200 if found is not None else 404, found or b"")
            self.documents[key] = body or b""
            return self._reply(handler, 204, b"")
        return self._reply(handler, 404, b"")

    @staticmethod
    def _reply(handler, status: int, body: bytes) -> None:
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(body)))
            handler.send_header("X-Experience-API-Version", "1.0.3")
            handler.end_headers()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the page left before the answer (pagehide)
            pass


def _structure(package: Path) -> dict:
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(package).read("cmi5.xml"))
    ns = {"c": root.nsmap[None]}
    au = root.find("c:au", ns)
    return {"course": root.find("c:course", ns).get("id"), "au": au.get("id"), "moveOn": au.get("moveOn"),
            "masteryScore": float(au.get("masteryScore")), "url": au.findtext("c:url", namespaces=ns)}


@pytest.fixture(scope="module")
def lms(tmp_path_factory, ralph):
    from test_lms_scorm_browser import write_course  # the same small course as the SCORM tests

    base = tmp_path_factory.mktemp("cmi5")
    project = copy_project(base / "project", with_content=False)
    write_course(project)
    package = base / "cmi5.zip"
    result = coursegen("export", "--format", "cmi5", str(package), cwd=project)
    assert result.returncode == 0, result.stderr
    zipfile.ZipFile(package).extractall(base / "lms/course")
    server = TestLMS(base / "lms", ralph, _structure(package))
    yield server
    server.server.shutdown()


def statements(ralph: str, registration: str) -> list[dict]:
    status, body = lrs(ralph, "GET", "/xAPI/statements?" + urllib.parse.urlencode({"registration": registration, "limit": 100}))
    assert status == 200, body
    found = json.loads(body)["statements"]
    return sorted(found, key=lambda s: (s["timestamp"], s.get("stored", "")))


def verbs(found: list[dict]) -> list[str]:
    return [s["verb"]["id"].removeprefix(VERB) for s in found]


def _go(site, title: str) -> None:
    site.locator("a.md-header__button.md-logo").click()
    site.locator("article a", has_text=title).first.click()
    site.locator("h1", has_text=title).first.wait_for()


def _wait_for(ralph: str, registration: str, verb: str, count: int = 1) -> list[dict]:
    for _ in range(100):
        found = statements(ralph, registration)
        if verbs(found).count(verb) >= count:
            return found
        time.sleep(0.1)
    raise AssertionError(f"no {verb} statement in {verbs(found)}")


VIEWPORT = {"width": 1500, "height": 1000}


def test_a_learner_s_session_lands_in_the_lrs_as_cmi5_defines_it(browser, lms, ralph):
    registration = str(uuid.uuid4())
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    posts: list[str] = []  # how each statement left the page: the library's XHR, or fetch with keepalive
    page.on("request", lambda r: posts.append(r.resource_type) if r.method == "POST" and r.url.endswith("/xapi/statements") else None)
    page.goto(lms.launch_url(registration))
    site = page.frame_locator("#cq-lms-frame")
    _wait_for(ralph, registration, "initialized")
    _go(site, "Introduction")
    site.locator(".cq-mark-read").click()
    _go(site, "Alpha lesson")
    answer_lms_quiz(site, [True])
    _go(site, "Final test")
    answer_lms_quiz(site, [True, False])  # 50%: below the mastery score of 0.6
    _wait_for(ralph, registration, "failed")
    site.locator(".cq-retry").click()
    answer_lms_quiz(site, [True, True])
    _wait_for(ralph, registration, "completed")
    page.goto("about:blank")  # the learner leaves: pagehide
    found = _wait_for(ralph, registration, "terminated")
    context.close()
    assert [url for url in requested if not url.startswith(lms.url + "/") and url != "about:blank"] == []
    # initialized by the library's XHR; failed, passed, completed (and terminated, sent as the page
    # goes, which the page's request log may miss) by fetch with keepalive: they outlive the page
    assert posts[0] == "xhr" and posts[1:4] == ["fetch"] * 3 and set(posts[4:]) <= {"fetch"}

    assert verbs(found) == ["launched", "initialized", "failed", "passed", "completed", "terminated"]
    assert all(s["context"]["registration"] == registration for s in found)
    assert len({s["context"]["extensions"][SESSION] for s in found}) == 1  # one session, from the LMS's template
    au = lms.structure["au"]
    assert all(s["object"]["id"] == au for s in found)
    assert all(s["actor"]["account"] == ACTOR["account"] for s in found)
    by_verb = {verbs([s])[0]: s for s in found}
    for verb in ("initialized", "failed", "passed", "completed", "terminated"):
        assert {"id": CMI5_CATEGORY} in by_verb[verb]["context"]["contextActivities"]["category"], verb
        assert by_verb[verb]["context"]["contextActivities"]["grouping"] == [{"id": lms.structure["course"]}]
    for verb in ("failed", "passed", "completed"):
        assert {"id": MOVEON} in by_verb[verb]["context"]["contextActivities"]["category"], verb
    assert by_verb["failed"]["result"]["success"] is False and by_verb["failed"]["result"]["score"]["scaled"] == 0.5
    assert by_verb["passed"]["result"]["success"] is True
    assert by_verb["passed"]["result"]["score"] == {"scaled": 1.0, "raw": 100, "min": 0, "max": 100}
    assert by_verb["passed"]["context"]["extensions"][MASTERY] == 0.6
    assert by_verb["completed"]["result"]["completion"] is True
    assert "duration" in by_verb["terminated"]["result"]


def test_another_device_resumes_from_the_state_api(browser, lms, ralph):
    registration = str(uuid.uuid4())
    first = browser.new_context(viewport=VIEWPORT)
    page = first.new_page()
    page.goto(lms.launch_url(registration))
    site = page.frame_locator("#cq-lms-frame")
    _go(site, "Alpha lesson")
    answer_lms_quiz(site, [True])
    for _ in range(100):  # the progress document, written as it changes
        if b"alpha-quiz" in lms.documents.get(("state", "coursegen-progress", registration), b""):
            break
        time.sleep(0.1)
    page.goto("about:blank")
    _wait_for(ralph, registration, "terminated")
    first.close()

    second = browser.new_context(viewport=VIEWPORT)  # another device: nothing in its browser
    page = second.new_page()
    page.goto(lms.launch_url(registration))
    site = page.frame_locator("#cq-lms-frame")
    site.locator(".cq-best").filter(has_text="100%").wait_for()  # the bookmark: the alpha lesson, its best result
    assert page.locator("#cq-lms-frame").get_attribute("src") == "lessons/alpha.html"
    assert page.locator("#cq-lms-status").is_hidden()
    page.goto("about:blank")
    found = _wait_for(ralph, registration, "terminated", 2)
    assert verbs(found) == ["launched", "initialized", "terminated", "launched", "initialized", "terminated"]
    second.close()


def test_without_launch_parameters_the_course_works_and_says_it_is_not_reported(page, lms):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{lms.url}/course/launch.html")
    page.locator("#cq-lms-status").filter(has_text="not reported").wait_for()
    assert errors == []


def test_a_review_launch_is_read_only_and_sends_only_initialized_and_terminated(browser, lms, ralph):
    registration = str(uuid.uuid4())
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(lms.launch_url(registration, mode="Review"))
    page.locator("#cq-lms-status").filter(has_text="Review mode").wait_for()
    site = page.frame_locator("#cq-lms-frame")
    _go(site, "Final test")
    answer_lms_quiz(site, [True, True])
    page.goto("about:blank")
    found = _wait_for(ralph, registration, "terminated")
    context.close()
    assert verbs(found) == ["launched", "initialized", "terminated"]
    assert ("state", "coursegen-progress", registration) not in lms.documents
