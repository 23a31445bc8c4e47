"""Drives Firefox ESR through Marionette, its built-in remote protocol (geckodriver is not packaged
in Debian 12): sign in, upload the 界址点 file, pick a project type, screen, read the verdict and
its links, screenshot, fetch the PDF report in the session, sign out. A manual check that the
web page works in Firefox ESR (scripts/web-firefox-check.sh runs it), not a CI test.
Usage: web-firefox-check.py BASE_URL USER PASSWORD SITE_FILE SCREENSHOT.png  (Firefox started
with --marionette on port 2828)."""
import base64, json, socket, sys, time

base, user, password, jzd, shot = sys.argv[1:6]

class Marionette:
    def __init__(self, port=2828):
        for _ in range(100):
            try:
                self.s = socket.create_connection(("127.0.0.1", port)); break
            except OSError:
                time.sleep(0.2)
        self.buf = b""; self.id = 0
        self.read()  # handshake
    def read(self):
        while b":" not in self.buf:
            self.buf += self.s.recv(65536)
        n, rest = self.buf.split(b":", 1)
        n = int(n)
        while len(rest) < n:
            rest += self.s.recv(65536)
        self.buf = rest[n:]
        return json.loads(rest[:n])
    def cmd(self, name, params=None):
        self.id += 1
        msg = json.dumps([0, self.id, name, params or {}]).encode()
        self.s.sendall(str(len(msg)).encode() + b":" + msg)
        _, mid, err, result = self.read()
        if err:
            raise RuntimeError(f"{name}: {err}")
        return result
    def find(self, css):
        r = self.cmd("WebDriver:FindElement", {"using": "css selector", "value": css})
        v = r["value"]
        return list(v.values())[0] if isinstance(v, dict) else v
    def wait(self, css, timeout=30):
        end = time.time() + timeout
        while time.time() < end:
            try:
                e = self.find(css)
                if self.cmd("WebDriver:IsElementDisplayed", {"id": e})["value"]:
                    return e
            except RuntimeError:
                pass
            time.sleep(0.3)
        raise RuntimeError("not shown: " + css)
    def js(self, script):
        return self.cmd("WebDriver:ExecuteScript", {"script": script, "args": []})["value"]

m = Marionette()
m.cmd("WebDriver:NewSession", {"capabilities": {}})
m.cmd("WebDriver:SetWindowRect", {"width": 1366, "height": 768})
m.cmd("WebDriver:Navigate", {"url": base + "/"})
m.cmd("WebDriver:ElementSendKeys", {"id": m.wait("#login-user"), "text": user})
m.cmd("WebDriver:ElementSendKeys", {"id": m.find("#login-password"), "text": password})
m.cmd("WebDriver:ElementClick", {"id": m.find("#login-submit")})
m.wait("#screen-form")
print("signed in as", m.js("return document.getElementById('who-name').textContent"))
m.cmd("WebDriver:ElementSendKeys", {"id": m.find("#sites-file"), "text": jzd})
options = m.js("return [...document.querySelectorAll('#project-type option')].map(o => o.value + '=' + o.textContent)")
print("project types offered:", len(options), options[:4])
m.js("const s = document.getElementById('project-type'); s.value = s.options[1].value; s.dispatchEvent(new Event('change'));")
m.cmd("WebDriver:ElementClick", {"id": m.find("#screen-submit")})
m.wait("#result", 60)
time.sleep(1)
text = m.js("return document.getElementById('result-body').innerText")
print("result (first 600 chars):", text[:600].replace("\n", " | "))
links = m.js("return [...document.querySelectorAll('#result-links a')].map(a => a.textContent + ' ' + a.getAttribute('href'))")
print("links:", links)
png = m.cmd("WebDriver:TakeScreenshot", {"full": False})["value"]
open(shot, "wb").write(base64.b64decode(png))
status = m.js("""return fetch(document.querySelector('#result-links a[href$=".pdf"]').href)
  .then(r => r.status + ' ' + r.headers.get('content-type'))""")
print("PDF fetch in the Firefox session:", status)
m.cmd("WebDriver:ElementClick", {"id": m.find("#logout")})
m.wait("#login-user")
print("signed out")
m.cmd("WebDriver:DeleteSession")
