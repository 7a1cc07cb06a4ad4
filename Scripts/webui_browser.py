#!/usr/bin/env python3
"""Drives the web console pages in Debian's headless Chromium (chromium + chromium-driver)
through Selenium, for Tests/WebUITests (WebConsoleBrowserTests). One step per run:

    Scripts/webui_browser.py STEP ARGS_JSON

ARGS_JSON: {"viewerURL", "out" (screenshot folder), "gateway", "token", "server"}.
Prints progress lines and, last, `RESULT {json}`; exit 0 when the step's checks passed,
1 when one failed (the result says which), 2 on a setup error. Every wait is bounded."""
import json, sys, time, urllib.request

from selenium import webdriver
from selenium.common.exceptions import JavascriptException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

RESULT = {"ok": True, "checks": [], "screenshots": [], "console": []}


def log(*parts):
    print(*parts, flush=True)


def check(name, ok, detail=""):
    RESULT["checks"].append({"name": name, "ok": bool(ok), "detail": str(detail)[-600:]})
    if not ok:
        RESULT["ok"] = False
    log(("PASS " if ok else "FAIL ") + name, str(detail)[-300:] if not ok else "")
    return ok


def wait_for(description, predicate, timeout, interval=0.25):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = predicate()
            if last:
                return last
        except (JavascriptException, WebDriverException) as error:
            last = error
        time.sleep(interval)
    log(f"timed out after {timeout} s waiting for {description}; last: {str(last)[-300:]}")
    return None


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1100,760"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def shoot(driver, args, name):
    path = f"{args['out']}/{name}.png"
    driver.save_screenshot(path)
    RESULT["screenshots"].append(path)
    log("screenshot", path)


def state(driver):
    return driver.execute_script("return window.tether ? window.tether.state : null")


def received(driver):
    return driver.execute_script("return window.tether ? window.tether.received : ''") or ""


def open_viewer(driver, args):
    driver.get(args["viewerURL"])
    check("the viewer link redirects to the page without the code", "code=" not in driver.current_url, driver.current_url)
    cookies = driver.get_cookies()
    session = [c for c in cookies if c["name"] == "tether_session"]
    check("the session cookie is HttpOnly, Secure, SameSite=Strict",
          len(session) == 1 and session[0].get("httpOnly") and session[0].get("secure") and session[0].get("sameSite") == "Strict", cookies)


def serial(driver, args):
    open_viewer(driver, args)
    check("the serial page goes live", wait_for("live", lambda: state(driver) == "live", 30), state(driver))
    textarea = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")

    def prompt():
        mark = len(received(driver))
        textarea.send_keys(Keys.ENTER)
        return wait_for("a new prompt", lambda: "lab-01# " in received(driver)[mark:], 3)
    check("the VM's shell prompt shows", wait_for("the prompt", prompt, 90, interval=0), received(driver)[-300:])
    mark = len(received(driver))
    textarea.send_keys("echo from-the-browser-$((6*7))" + Keys.ENTER)
    check("a typed command's output comes back",
          wait_for("the output", lambda: "\r\nfrom-the-browser-42\r\n" in received(driver)[mark:], 20), received(driver)[-300:])
    time.sleep(0.3)  # let xterm.js paint the last line before the screenshot
    shoot(driver, args, "serial-console")


def power_state(driver):
    return driver.find_element(By.ID, "power").get_attribute("data-power")


def press(driver, action):
    driver.find_element(By.CSS_SELECTOR, f"button[data-action='{action}']").click()
    confirm = driver.find_element(By.ID, "confirm")
    check(f"{action} asks for confirmation", confirm.is_displayed(), confirm.text)
    return confirm


def power(driver, args):
    open_viewer(driver, args)
    driver.get(args["viewerURL"].split("?")[0] + "/server")
    check("the server page shows the power on", wait_for("power on", lambda: power_state(driver) == "on", 30), power_state(driver))
    check("the server page shows the BMC", wait_for("bmc facts", lambda: "Manufacturer" in driver.find_element(By.ID, "bmc").text, 30),
          driver.find_element(By.ID, "bmc").text)
    check("the server page shows who is connected", wait_for("sessions", lambda: "serial console since" in driver.find_element(By.ID, "sessions").text, 10),
          driver.find_element(By.ID, "sessions").text)
    shoot(driver, args, "server-page")
    press(driver, "off")
    driver.find_element(By.ID, "confirm-no").click()
    time.sleep(2.5)
    check("cancel leaves the power on", power_state(driver) == "on", power_state(driver))
    confirm = press(driver, "off")
    shoot(driver, args, "server-page-confirm")
    driver.find_element(By.ID, "confirm-yes").click()
    check("the page shows the power off", wait_for("power off", lambda: power_state(driver) == "off", 60), power_state(driver))
    shoot(driver, args, "server-page-off")
    press(driver, "on")
    driver.find_element(By.ID, "confirm-yes").click()
    check("the page shows the power on again", wait_for("power on", lambda: power_state(driver) == "on", 60), power_state(driver))


CANVAS_STATS = """
const canvas = document.querySelector('#screen canvas');
if (!canvas || !canvas.width) return null;
const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
let lit = 0, hash = 0;
for (let i = 0; i < data.length; i += 4) {
  if (data[i] + data[i + 1] + data[i + 2] > 96) lit += 1;
  hash = (hash * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) >>> 0;
}
return {width: canvas.width, height: canvas.height, lit, hash};
"""


def vnc(driver, args):
    open_viewer(driver, args)
    check("the VNC page reaches connected", wait_for("connected", lambda: state(driver) == "live", 45), state(driver))
    before = wait_for("a painted canvas", lambda: (lambda s: s if s and s["lit"] > 500 else None)(driver.execute_script(CANVAS_STATS)), 30)
    check("the canvas is not blank", before, driver.execute_script(CANVAS_STATS))
    shoot(driver, args, "vnc-console-before")
    canvas = driver.find_element(By.CSS_SELECTOR, "#screen canvas")
    ActionChains(driver).click(canvas).send_keys("echo typed over vnc" + Keys.ENTER).perform()
    after = wait_for("the canvas to change", lambda: (lambda s: s if s and before and s["hash"] != before["hash"] and s["lit"] > before["lit"] + 100 else None)(
        driver.execute_script(CANVAS_STATS)), 30)
    check("the canvas changes after typing", after, {"before": before, "after": driver.execute_script(CANVAS_STATS)})
    time.sleep(1)
    shoot(driver, args, "vnc-console")
    RESULT["canvas"] = {"before": before, "after": after}


def expired(driver, args):
    open_viewer(driver, args)
    check("the serial page goes live", wait_for("live", lambda: state(driver) == "live", 30), state(driver))
    session = args["viewerURL"].split("/view/")[1].split("?")[0]
    request = urllib.request.Request(f"{args['gateway']}/v1/servers/{args['server']}/sessions/{session}", method="DELETE",
                                     headers={"Authorization": "Bearer " + args["token"]})
    with urllib.request.urlopen(request, timeout=10) as response:
        check("the session ends (DELETE 204)", response.status == 204, response.status)
    check("the page says the session expired", wait_for("expired", lambda: state(driver) == "expired", 20), state(driver))
    button = driver.find_element(By.ID, "reconnect")
    check("the page offers to reconnect", button.is_displayed(), button.get_attribute("hidden"))
    check("the page is not blank", "Session expired" in driver.find_element(By.TAG_NAME, "body").text, driver.find_element(By.TAG_NAME, "body").text[-300:])
    shoot(driver, args, "serial-expired")
    before = len(driver.execute_script("return window.tether.states"))
    button.click()
    check("reconnecting an ended session says so again",
          wait_for("expired again", lambda: len(driver.execute_script("return window.tether.states")) > before + 1 and state(driver) == "expired", 20),
          driver.execute_script("return window.tether.states"))
    notice = driver.find_element(By.ID, "notice").text
    check("it tells the user to open a new viewer link", "viewer link" in notice, notice)


STEPS = {"serial": serial, "power": power, "vnc": vnc, "expired": expired}


def main():
    step, args = sys.argv[1], json.loads(sys.argv[2])
    try:
        driver = browser()
    except WebDriverException as error:
        print("RESULT " + json.dumps({"ok": False, "setup": str(error)}))
        return 2
    try:
        STEPS[step](driver, args)
    except Exception as error:  # report, do not hide: the Swift test prints it
        check(f"{step} ran to the end", False, repr(error))
        try:
            shoot(driver, args, f"{step}-failure")
        except WebDriverException:
            pass
    finally:
        try:
            for entry in driver.get_log("browser"):
                RESULT["console"].append(entry.get("message", "")[:300])
        except WebDriverException:
            pass
        driver.quit()
    print("RESULT " + json.dumps(RESULT))
    return 0 if RESULT["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
