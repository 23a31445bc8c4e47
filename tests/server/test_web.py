"""The web page for approval staff in a real browser (Debian's chromium + chromium-driver through
python3-selenium, headless, 1366×768) against a live `redline serve`: sign in, upload the
dataset's 界址点 file with the project attributes, read the verdict (compared with what
`redline screen` says for the same file and attributes), see the site on the map, open the
HTML report, fetch and download the PDF report (read back with pdftotext), sign out; a second
approver cannot open the first one's screening; a form posted without the CSRF token is refused. Screenshots go to $REDLINE_SCREENSHOT_DIR."""

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest

from harness import PASSWORD, YONGJIA, ZONES, Service, run_cli
from test_pdf_report import PDF_BUILD, pdf_text

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service as ChromeService
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # python3-selenium is in scripts/install-deps.sh: missing is a failure
    webdriver = None

SHOTS = os.environ.get("REDLINE_SCREENSHOT_DIR", "/tmp/redline-web-screenshots")
JZD = os.path.realpath(os.path.join(YONGJIA, "sites_jzd.txt"))  # chromedriver wants it canonical


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                              "download.prompt_for_download": False})
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1366,768",
                "--lang=zh-CN", "--disable-dev-shm-usage"]:
        options.add_argument(arg)
    service = ChromeService(executable_path=shutil.which("chromedriver")
                                      or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    # Headless Chromium saves downloads only where it is told to.
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": downloads})
    return driver


class WebPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if webdriver is None:
            raise AssertionError("python3-selenium is not installed (scripts/install-deps.sh)")
        os.makedirs(SHOTS, exist_ok=True)
        cls.svc = Service()
        cls.svc.add_user("alice", "approver")
        cls.svc.add_user("bob", "approver")
        cls.svc.add_user("rita", "reviewer")
        cls.svc.start()
        cls.downloads = tempfile.mkdtemp(prefix="redline-web-downloads-")
        cls.driver = browser(cls.downloads)
        cls.driver.set_script_timeout(180)
        cls.wait = WebDriverWait(cls.driver, 20)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.svc.close()
        shutil.rmtree(cls.downloads, ignore_errors=True)

    def shot(self, name):
        self.driver.save_screenshot(os.path.join(SHOTS, name + ".png"))

    def visible(self, element_id):
        return self.wait.until(EC.visibility_of_element_located((By.ID, element_id)))

    def sign_in(self, user):
        d = self.driver
        d.get(self.svc.base + "/")
        self.visible("login-user").send_keys(user)
        d.find_element(By.ID, "login-password").send_keys(PASSWORD)
        d.find_element(By.ID, "login-submit").click()
        self.wait.until(EC.text_to_be_present_in_element((By.ID, "who-name"), user))

    def sign_out(self):
        self.driver.find_element(By.ID, "logout").click()
        self.visible("login-user")

    def fetch(self, method, path, script_body="null"):
        """Status of a fetch from the page itself (the browser's cookie, no CSRF header)."""
        return self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            f"fetch({json.dumps(path)}, {{method: {json.dumps(method)}, body: {script_body},"
            " credentials: 'same-origin'}).then(r => done(r.status), e => done(String(e)));")

    def fetch_bytes(self, path):
        """A GET from the page itself (the browser's session cookie): status, type and bytes."""
        got = self.driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
              const bytes = new Uint8Array(await r.arrayBuffer());
              let s = '';
              for (let i = 0; i < bytes.length; i += 8192)
                s += String.fromCharCode(...bytes.subarray(i, i + 8192));
              done({status: r.status, type: r.headers.get('content-type'), body: btoa(s)});
            }, e => done({status: String(e), type: '', body: ''}));""", path)
        return got["status"], got["type"], base64.b64decode(got["body"])

    def assert_pdf_report(self, pdf, site):
        self.assertTrue(pdf.startswith(b"%PDF-"))
        text = pdf_text(pdf)
        self.assertIn(site["site_id"], text)
        self.assertIn("".join(site["name"].split()), text)
        self.assertIn(site["verdict_zh"], text)
        for hit in site["hits"]:
            self.assertIn("".join(hit["zone_name"].split()), text)

    def test_sign_in_screen_read_the_verdict_open_the_report_sign_out(self):
        d = self.driver
        d.get(self.svc.base + "/")
        self.visible("login-user")
        self.assertEqual(d.find_element(By.TAG_NAME, "h1").text, "生态环境分区管控初筛")
        self.shot("web-login")
        self.sign_in("alice")

        # The screening, as an approver does it at the window.
        d.find_element(By.ID, "sites-file").send_keys(JZD)
        Select(d.find_element(By.ID, "project-type")).select_by_visible_text("工业")
        Select(d.find_element(By.ID, "construction")).select_by_visible_text("新建")
        d.find_element(By.ID, "industry-code").send_keys("C2929")
        # A yes/no question of the rules, answered with the Chinese vocabulary.
        flag = Select(d.find_element(By.ID, "flag-discharges_pollutants"))
        self.assertEqual([o.text for o in flag.options], ["未知（未填写）", "是", "否"])
        flag.select_by_visible_text("否")
        folded = d.find_element(By.ID, "opt-in-flags-box")
        self.assertIsNone(folded.get_attribute("open"))
        folded.find_element(By.TAG_NAME, "summary").click()  # unfold
        self.assertIsNotNone(folded.get_attribute("open"))
        outfall = Select(d.find_element(By.ID, "flag-sewage_outfall"))  # opt-in: unsaid is 否
        self.assertEqual(outfall.first_selected_option.text, "否（未填写）")
        self.shot("web-form")
        d.find_element(By.ID, "screen-submit").click()
        table = self.visible("verdict-table")
        rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
        self.assertEqual(len(rows), 1)
        cells = [c.text for c in rows[0].find_elements(By.TAG_NAME, "td")]

        cli = json.loads(run_cli("screen", "--zones", ZONES, "--sites", JZD,
                                 "--site-attr", "project_type=工业", "--site-attr",
                                 "construction=新建", "--site-attr",
                                 "industry_code=C2929", "--site-attr",
                                 "discharges_pollutants=否").stdout)["sites"][0]
        self.assertEqual(cells[0], cli["site_id"])
        self.assertEqual(cells[2], cli["verdict_zh"])
        # Each hit with its zone, rules and citations.
        body = d.find_element(By.ID, "result-body").text
        for hit in cli["hits"]:
            self.assertIn(hit["zone_name"], body)
            for rule in hit["rules"]:
                if rule["citation"]:
                    self.assertIn(rule["citation"], body)

        # The map: the zoning around the site and the site itself (Leaflet's SVG paths).
        self.wait.until(lambda _: d.execute_script(
            "return document.querySelectorAll('#map path.leaflet-interactive').length") > 3)
        self.assertTrue(d.find_element(By.CSS_SELECTOR, ".leaflet-control-scale").is_displayed())
        self.shot("web-verdict")

        # The PDF report: fetched in the page's session, and downloaded from its link.
        if PDF_BUILD:
            link = d.find_element(By.ID, "report-pdf")
            html_href = d.find_element(By.ID, "report-html").get_attribute("href")
            self.assertEqual(link.get_attribute("href"),
                             html_href.replace("/report.html", "/report.pdf"))
            status, kind, pdf = self.fetch_bytes(link.get_attribute("href"))
            self.assertEqual((status, kind), (200, "application/pdf"))
            self.assert_pdf_report(pdf, cli)
            link.click()
            name = os.path.join(self.downloads, link.get_attribute("download"))
            try:
                self.wait.until(lambda _: os.path.exists(name))
            except Exception:
                raise AssertionError(f"no {name}: {os.listdir(self.downloads)}")
            self.assert_pdf_report(open(name, "rb").read(), cli)
            # Its first page as an image, to look at (poppler's pdftoppm).
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1",
                            "-singlefile", name, os.path.join(SHOTS, "web-report-pdf")],
                           check=True, capture_output=True)

        # The earlier screening is listed; the HTML report opens.
        history = d.find_element(By.ID, "history-table").text
        self.assertIn("sites_jzd.txt", history)
        href = d.find_element(By.ID, "report-html").get_attribute("href")
        d.get(href)
        self.assertIn(cli["site_id"], d.page_source)
        self.shot("web-report")
        d.back()
        self.visible("who-name")

        job = href.split("/jobs/")[1].split("/")[0]
        self.sign_out()
        self.assertEqual(self.fetch("GET", "/auth/session"), 401)

        # Another approver does not see it, and cannot open it.
        self.sign_in("bob")
        self.assertNotIn("sites_jzd.txt", d.find_element(By.ID, "history-table").text)
        self.assertEqual(self.fetch("GET", f"/jobs/{job}/results"), 404)
        self.assertEqual(self.fetch("GET", f"/jobs/{job}/results/report.html"), 404)
        self.assertEqual(self.fetch("GET", f"/jobs/{job}/results/report.pdf"), 404)
        self.sign_out()

        # A reviewer's list holds everyone's screenings, and reopens them.
        self.sign_in("rita")
        self.assertEqual(d.find_element(By.ID, "history-title").text, "全部筛查记录")
        self.assertTrue(d.find_element(By.ID, "screen-form").get_attribute("hidden"))
        self.wait.until(lambda _: "sites_jzd.txt" in d.find_element(By.ID, "history-table").text)
        rows = [r.text for r in d.find_elements(By.CSS_SELECTOR, "#history-table tbody tr")]
        self.assertTrue(any("sites_jzd.txt" in r and "alice" in r for r in rows), rows)
        self.assertTrue(any("bob" in r for r in rows), rows)  # test_a_drawn_site_is_screened
        d.find_element(By.CSS_SELECTOR, f'button[data-job="{job}"]').click()
        self.wait.until(EC.text_to_be_present_in_element((By.ID, "result-links"), job))
        self.assertEqual(self.fetch("GET", f"/jobs/{job}/results/report.html"), 200)
        if PDF_BUILD:
            status, kind, pdf = self.fetch_bytes(f"/jobs/{job}/results/report.pdf")
            self.assertEqual((status, kind), (200, "application/pdf"))
        self.sign_out()
        self.sign_in("bob")

        # State-changing requests without the session's CSRF token are refused.
        form = ("(() => { const f = new FormData();"
                " f.append('site_wkt', 'POINT (120.65 28.15)'); f.append('site_crs', 'EPSG:4490');"
                " return f; })()")
        self.assertEqual(self.fetch("POST", "/processes/screen/execution", form), 403)
        self.assertEqual(self.fetch("POST", "/auth/logout"), 403)
        self.sign_out()

    def test_a_drawn_site_is_screened(self):
        d = self.driver
        self.sign_in("bob")
        self.wait.until(lambda _: d.execute_script(
            "return document.querySelectorAll('#map path.leaflet-interactive').length") > 3)
        d.find_element(By.ID, "draw").click()
        # Three clicks on the map draw a triangle; the page sends it as WKT in EPSG:4490.
        d.execute_script("""
            const m = state.map, c = m.getCenter();
            for (const [dx, dy] of [[0, 0], [0.002, 0], [0.002, 0.002]])
                m.fire('click', {latlng: L.latLng(c.lat + dy, c.lng + dx)});""")
        d.find_element(By.ID, "draw-done").click()
        d.find_element(By.ID, "screen-submit").click()
        rows = self.visible("verdict-table").find_elements(By.CSS_SELECTOR, "tbody tr")
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0].find_elements(By.TAG_NAME, "td")[0].text, "wkt")
        self.shot("web-drawn")
        self.sign_out()


class WebSessionExpiry(unittest.TestCase):
    """A session unused for the configured idle time ends: the page's next request gets 401 and
    the page asks to sign in again."""

    IDLE = 2

    @classmethod
    def setUpClass(cls):
        if webdriver is None:
            raise AssertionError("python3-selenium is not installed (scripts/install-deps.sh)")
        cls.svc = Service(config=f"auth:\n  session_idle_s: {cls.IDLE}\n")
        cls.svc.add_user("alice", "approver")
        cls.svc.start()
        cls.downloads = tempfile.mkdtemp(prefix="redline-web-downloads-")
        cls.driver = browser(cls.downloads)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.svc.close()
        shutil.rmtree(cls.downloads, ignore_errors=True)

    def test_an_idle_session_ends_and_the_page_asks_to_sign_in(self):
        d = self.driver
        wait = WebDriverWait(d, 60)
        d.get(self.svc.base + "/")
        wait.until(EC.visibility_of_element_located((By.ID, "login-user"))).send_keys("alice")
        d.find_element(By.ID, "login-password").send_keys(PASSWORD)
        d.find_element(By.ID, "login-submit").click()
        wait.until(EC.visibility_of_element_located((By.ID, "screen-form")))
        time.sleep(self.IDLE + 1)  # the configured idle time passes, unused
        d.find_element(By.ID, "sites-file").send_keys(JZD)
        d.find_element(By.ID, "screen-submit").click()
        wait.until(EC.visibility_of_element_located((By.ID, "login-user")))
        self.assertIn("登录已过期", d.find_element(By.ID, "login-error").text)
        self.assertFalse(d.find_element(By.ID, "app-view").is_displayed())


if __name__ == "__main__":
    unittest.main()
