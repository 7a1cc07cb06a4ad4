#!/usr/bin/env python3
"""Drives the manager's admin dashboard in Debian's headless Chromium through Selenium, for
Tests/EndToEndTests (dashboardInARealBrowser). Reuses Scripts/webui_browser.py's driver,
checks, bounded waits and screenshots. One step per run:

    Scripts/dashboard_browser.py STEP ARGS_JSON

ARGS_JSON: {"dashboard" (http://127.0.0.1:PORT), "out" (screenshot folder), "user",
"password", and per step "servers" (expected), "hidden" (servers that must not show),
"refused" (a user and password the dashboard must refuse)}. Prints `RESULT {json}` last;
exit 0 when every check passed, 1 when one failed, 2 on a setup error."""
import json, os, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import webui_browser as wb  # noqa: E402
from webui_browser import check, log, shoot, wait_for  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402


def sign_in(driver, args, user, password):
    driver.get(args["dashboard"] + "/login")
    driver.find_element(By.ID, "username").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(password)
    follow(driver, driver.find_element(By.ID, "sign-in"))


def follow(driver, element):
    """Clicks a link or submit button and waits for the new document. The form posts and the
    answer is always a new page (an error page or a redirect); the old page's readyState is
    "complete" too, so waiting only for that raced the navigation and sometimes read the URL
    of the page just left."""
    old_page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    wait_for("the old page to go", lambda: is_stale(old_page), 10)
    wait_for("the next page", lambda: driver.execute_script("return document.readyState") == "complete", 10)


def is_stale(element):
    try:
        element.tag_name
        return False
    except StaleElementReferenceException:
        return True


def rows(driver, kind):
    """{id: status} of the table rows with data-KIND."""
    return {e.get_attribute(f"data-{kind}"): e.get_attribute("data-status") for e in driver.find_elements(By.CSS_SELECTOR, f"tr[data-{kind}]")}


def servers_live(driver, args, expected, timeout=45):
    """Reloads /servers (bounded) until every expected server is listed online."""
    def ready():
        driver.get(args["dashboard"] + "/servers")
        listed = rows(driver, "server")
        return listed if all(listed.get(s) == "online" for s in expected) else None
    return wait_for("servers online", ready, timeout, interval=1)


def cookie_is_opaque(driver):
    cookies = [c for c in driver.get_cookies() if c["name"] == "tether_dashboard"]
    ok = (len(cookies) == 1 and cookies[0].get("httpOnly") and cookies[0].get("secure") and cookies[0].get("sameSite") == "Strict"
          and cookies[0]["value"].count(".") == 0 and len(cookies[0]["value"]) >= 40)
    check("the session cookie is opaque, HttpOnly, Secure, SameSite=Strict, Path=/", ok and cookies[0].get("path") == "/", driver.get_cookies())


def page_has_no_token(driver):
    source = driver.page_source
    check("no token in the page (no JWT-looking text)", "eyJ" not in source, source[:200])


def superadmin(driver, args):
    expected = args["servers"]
    sign_in(driver, args, args["user"], "wrong-" + args["password"])
    error = driver.find_elements(By.ID, "login-error")
    check("a wrong password shows an error", error and "Wrong user name or password" in error[0].text, driver.page_source[-400:])
    check("no session after a wrong password", not [c for c in driver.get_cookies() if c["name"] == "tether_dashboard"], driver.get_cookies())
    shoot(driver, args, "login-error")

    sign_in(driver, args, args["user"], args["password"])
    check("signing in lands on the servers page", driver.current_url.endswith("/servers"), driver.current_url)
    cookie_is_opaque(driver)
    listed = servers_live(driver, args, expected)
    check("the lab's servers are listed online", listed, rows(driver, "server"))
    for server in expected:
        row = driver.find_element(By.CSS_SELECTOR, f"tr[data-server='{server}']").text
        check(f"{server} shows its gateway and agent", args["gateway"] in row and args["agent"] in row, row)
    page_has_no_token(driver)
    shoot(driver, args, "servers")

    Select(driver.find_element(By.ID, "filter-tenant")).select_by_value(args["filterTenant"])
    check("the tenant filter applies on change (script)", wait_for("filtered", lambda: f"tenant={args['filterTenant']}" in driver.current_url, 10),
          driver.current_url)
    filtered = set(rows(driver, "server"))
    check("the tenant filter narrows the list", filtered == set(args["filterTenantServers"]), filtered)
    driver.get(args["dashboard"] + "/servers?status=offline")
    check("the status filter narrows the list", rows(driver, "server") == {}, rows(driver, "server"))

    driver.get(args["dashboard"] + "/gateways")
    gateways = wait_for("gateway online", lambda: (lambda g: g if g.get(args["gateway"]) == "online" else None)(rows(driver, "gateway")) or driver.refresh(), 20)
    check("the gateway is listed online", gateways, rows(driver, "gateway"))
    agents = rows(driver, "agent")
    check("the agent is listed online", agents.get(args["agent"]) == "online", agents)
    agent_row = driver.find_element(By.CSS_SELECTOR, f"tr[data-agent='{args['agent']}']").text if agents else ""
    check("the agent row shows its gateway and servers", args["gateway"] in agent_row and all(s in agent_row for s in expected), agent_row)
    version = driver.find_elements(By.CSS_SELECTOR, f"tr[data-agent='{args['agent']}'] td:nth-child(3)")
    shown_version = version[0].text if version else None
    check("the agent row shows the agent's tether version", shown_version == args["agentVersion"], agent_row)
    shoot(driver, args, "gateways")

    driver.get(args["dashboard"] + "/servers")
    link = driver.find_element(By.CSS_SELECTOR, f"tr[data-server='{expected[0]}'] a[data-console='serial']")
    link.click()
    check("the console link opens the gateway's viewer", wait_for("viewer", lambda: "/view/" in driver.current_url and "code=" not in driver.current_url, 20),
          driver.current_url)
    check("the serial console goes live", wait_for("live", lambda: wb.state(driver) == "live", 30), wb.state(driver))
    textarea = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")

    def prompt():
        mark = len(wb.received(driver))
        textarea.send_keys(Keys.ENTER)
        return wait_for("a new prompt", lambda: f"{expected[0]}# " in wb.received(driver)[mark:], 3)
    check("the VM's shell prompt shows in the console opened from the dashboard", wait_for("the prompt", prompt, 60, interval=0),
          wb.received(driver)[-300:])
    time.sleep(0.5)
    shoot(driver, args, "console-from-dashboard")

    driver.get(args["dashboard"] + "/audit")
    audit = driver.find_element(By.TAG_NAME, "main").text
    ids = [int(e.get_attribute("data-audit")) for e in driver.find_elements(By.CSS_SELECTOR, "tr[data-audit]")]
    check("the audit log lists records newest first, one page", len(ids) == args["auditPageSize"] and ids == sorted(ids, reverse=True), ids[:10])
    older = driver.find_elements(By.ID, "older")
    check("there is an older page", older, audit[-300:])
    follow(driver, older[0])
    newer = [int(e.get_attribute("data-audit")) for e in driver.find_elements(By.CSS_SELECTOR, "tr[data-audit]")]
    check("the older page continues below the first", newer and max(newer) < min(ids), newer[:5])
    whole = driver.find_element(By.TAG_NAME, "main").text
    check("the audit log shows the logins and the console token", "login" in audit + whole and "token.session" in audit + whole,
          (audit + whole)[:800])
    driver.get(args["dashboard"] + "/audit")
    shoot(driver, args, "audit")

    driver.get(args["dashboard"] + "/servers")
    driver.find_element(By.ID, "logout").click()
    check("signing out goes to the sign-in page", wait_for("login page", lambda: driver.current_url.endswith("/login"), 10), driver.current_url)
    check("signing out clears the cookie", not [c for c in driver.get_cookies() if c["name"] == "tether_dashboard"], driver.get_cookies())
    driver.get(args["dashboard"] + "/servers")
    check("after signing out the pages ask to sign in", driver.current_url.endswith("/login"), driver.current_url)


def tenant_admin(driver, args):
    refused_user, refused_password = args["refused"]
    sign_in(driver, args, refused_user, refused_password)
    error = driver.find_elements(By.ID, "login-error")
    check("a tenant viewer is refused", error and "superadmins and tenant administrators" in error[0].text, driver.page_source[-400:])

    sign_in(driver, args, args["user"], args["password"])
    check("the tenant admin lands on the servers page", driver.current_url.endswith("/servers"), driver.current_url)
    cookie_is_opaque(driver)
    listed = servers_live(driver, args, args["servers"])
    check("the tenant admin sees the tenant's servers online", listed, rows(driver, "server"))
    check("and only those", set(rows(driver, "server")) == set(args["servers"]), rows(driver, "server"))
    for hidden in args["hidden"]:
        check(f"{hidden} is not in the page", hidden not in driver.page_source, "")
    check("the top bar says tenant admin", "admin of" in driver.find_element(By.ID, "user").text, driver.find_element(By.ID, "user").text)
    shoot(driver, args, "tenant-admin-servers")
    driver.get(args["dashboard"] + f"/servers?tenant={args['hidden'][0]}")
    check("a filter cannot widen the view", rows(driver, "server") == {}, rows(driver, "server"))
    driver.get(args["dashboard"] + f"/servers/{args['hidden'][0]}/console?type=serial")
    body = driver.find_element(By.TAG_NAME, "body").text
    check("another tenant's console link is refused by the manager", "not found" in body.lower(), body[-300:])

    driver.get(args["dashboard"] + "/gateways")
    check("gateways are not shown to a tenant admin", driver.find_elements(By.ID, "gateways-unavailable"), driver.page_source[-500:])
    agents = rows(driver, "agent")
    agent_row = driver.find_element(By.CSS_SELECTOR, "tr[data-agent]").text if agents else ""
    check("the agent serving the tenant's servers is shown, with only those", agents and all(h not in agent_row for h in args["hidden"]), agent_row)
    shoot(driver, args, "tenant-admin-gateways")


STEPS = {"superadmin": superadmin, "tenant-admin": tenant_admin}


def main():
    step, args = sys.argv[1], json.loads(sys.argv[2])
    try:
        driver = wb.browser()
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
                wb.RESULT["console"].append(entry.get("message", "")[:300])
        except WebDriverException:
            pass
        driver.quit()
    print("RESULT " + json.dumps(wb.RESULT))
    return 0 if wb.RESULT["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
