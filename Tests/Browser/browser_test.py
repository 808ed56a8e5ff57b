#!/usr/bin/env python3
"""The web face in a real browser: Debian's headless Chromium driven by Selenium.

Runs `nhachan run` on a simulated clock with the web face, receives the first reminder on a
loopback SMTP server, opens its ack link in Chromium, presses the button, and finds the unit
reported in `nhachan status`; then logs in to /status, filters, and marks another unit by
hand. Screenshots of the ack page and the status page at phone (360 px) and desktop widths
go to --screenshots. Exits 0 when every check passes, 1 with the failing check otherwise.
"""
import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import Select, WebDriverWait

HERE = os.path.dirname(os.path.abspath(__file__))
PASSWORD = "mật-khẩu-điều-phối"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(driver, condition, what, seconds=10):
    """Checks a condition of a page that a form's POST is still loading: a click returns
    before the answer arrives (the login's password hash takes a tenth of a second)."""
    try:
        WebDriverWait(driver, seconds).until(condition)
    except TimeoutException:
        raise AssertionError(what)
    print(f"ok: {what}")


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print(f"ok: {what}")


def eventually(seconds, condition, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out: {what}")


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--binary", required=True)
    args.add_argument("--screenshots", required=True)
    options = args.parse_args()
    os.makedirs(options.screenshots, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="nhachan-browser-")
    mail_log = os.path.join(folder, "mail.jsonl")
    smtp = subprocess.Popen(
        [sys.executable, os.path.join(HERE, "..", "Support", "smtp_server.py"), "--out", mail_log, "--no-starttls"],
        stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True)
    daemon = None
    driver = None
    try:
        smtp_port = int(smtp.stdout.readline().split()[1])
        http_port = free_port()
        with open(os.path.join(folder, "http.key"), "wb") as f:
            f.write(os.urandom(32))
        digest = subprocess.run([options.binary, "hash-password", "--cost", "10"], input=PASSWORD + "\n",
                                capture_output=True, text=True, check=True).stdout.strip()
        config = os.path.join(folder, "nhachan.yaml")
        with open(config, "w", encoding="utf-8") as f:
            f.write(f"""
smtp: {{url: "smtp://127.0.0.1:{smtp_port}", from: "Nhắc hạn <nhachan@huyen.example.gov.vn>", starttls: "off"}}
http:
  listen: 127.0.0.1:{http_port}
  public_url: http://127.0.0.1:{http_port}
  secret_file: http.key
  coordinators:
    - {{username: vanphong, password_hash: "{digest}"}}
policies:
  p: {{send_at: "08:00", before: [3wd], on_due_day: true}}
default_policy: p
units:
  - {{id: xa-a, name: UBND xã An Bình, email: {{to: [ubnd@xa-a.example.gov.vn]}}}}
  - {{id: xa-b, name: UBND xã Bình Châu, email: {{to: [ubnd@xa-b.example.gov.vn]}}}}
groups:
  - {{id: cac-xa, name: UBND các xã, members: [xa-a, xa-b]}}
directives:
  - id: cv-550
    number: 550/UBND-VX
    issuer: UBND huyện Bình Sơn
    issued: 2024-03-10
    subject: "V/v tổ chức các hoạt động kỷ niệm Ngày Công tác xã hội Việt Nam"
    tasks:
      - {{id: bao-cao, units: [cac-xa], action: "Báo cáo tình hình và kết quả triển khai thực hiện", report_to: UBND huyện,
         due: {{before: 2024-03-29}}, phrase: "trước ngày 29/3/2024"}}
""")
        # Ten simulated minutes a second: the 08:00 reminders of 25/3 go out within a few seconds.
        daemon = subprocess.Popen([options.binary, "run", "-c", config, "--now", "2024-03-25T07:59", "--speed", "600"],
                                  stdout=subprocess.DEVNULL, stderr=open(os.path.join(folder, "run.log"), "w"))

        def mails():
            if not os.path.exists(mail_log):
                return []
            with open(mail_log, encoding="utf-8") as f:
                return [json.loads(line) for line in f if line.strip()]

        def mail_to(address):
            return [m for m in mails() if address in (m.get("rcpt_tos") or [])]

        message = eventually(30, lambda: mail_to("ubnd@xa-b.example.gov.vn"), "the reminder to xa-b arrives")[0]
        links = re.findall(rf"http://127\.0\.0\.1:{http_port}/a/[A-Za-z0-9_\-.]+", message["text"])
        check(len(links) == 1, "the email carries one ack link per item")
        check("Nếu đã báo cáo, bấm Xác nhận" in message["text"], "the email says to press Xác nhận")
        check(f"http://127.0.0.1:{http_port}/calendar/xa-b.ics?token=" in message["text"], "the footer carries the calendar feed")

        chrome = webdriver.ChromeOptions()
        for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=vi"]:
            chrome.add_argument(flag)
        chrome.binary_location = "/usr/bin/chromium"
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=chrome)
        driver.set_page_load_timeout(30)

        driver.set_window_size(360, 800)
        driver.get(links[0])
        check("Xác nhận đã báo cáo" in driver.page_source, "the ack page shows the button")
        check("UBND xã Bình Châu" in driver.page_source, "the ack page names the unit")
        driver.save_screenshot(os.path.join(options.screenshots, "ack-phone.png"))
        driver.set_window_size(1280, 900)
        driver.save_screenshot(os.path.join(options.screenshots, "ack-desktop.png"))
        status = json.loads(subprocess.run([options.binary, "status", "-c", config, "--format", "json", "--now", "2024-03-25T09:00"],
                                           capture_output=True, text=True, check=True).stdout)
        check(all(r["state"] != "reported" for r in status), "opening the link recorded nothing")
        driver.set_window_size(360, 800)
        driver.find_element(By.ID, "note").send_keys("Đã gửi Báo cáo số 15/BC-UBND")
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait_for(driver, lambda d: "Đã ghi nhận" in d.page_source, "pressing the button says đã ghi nhận")
        driver.save_screenshot(os.path.join(options.screenshots, "ack-done-phone.png"))
        status = json.loads(subprocess.run([options.binary, "status", "-c", config, "--format", "json", "--now", "2024-03-25T12:00"],
                                           capture_output=True, text=True, check=True).stdout)
        check(any(r["unit"] == "xa-b" and r["state"] == "reported" for r in status), "nhachan status finds xa-b reported")

        driver.get(f"http://127.0.0.1:{http_port}/status")
        check("/login" in driver.current_url, "/status asks a browser to log in")
        driver.find_element(By.ID, "username").send_keys("vanphong")
        driver.find_element(By.ID, "password").send_keys("sai mật khẩu")
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait_for(driver, lambda d: "Sai tên đăng nhập hoặc mật khẩu" in d.page_source, "a wrong password is refused")
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
        WebDriverWait(driver, 10).until(lambda d: "Tình hình báo cáo" in d.title)
        check("550/UBND-VX" in driver.page_source, "the status page lists the directive")
        driver.save_screenshot(os.path.join(options.screenshots, "status-phone.png"))
        driver.set_window_size(1280, 900)
        driver.save_screenshot(os.path.join(options.screenshots, "status-desktop.png"))

        Select(driver.find_element(By.ID, "unit")).select_by_value("xa-a")
        driver.find_element(By.CSS_SELECTOR, "form.filters button").click()
        WebDriverWait(driver, 10).until(lambda d: "unit=xa-a" in d.current_url)
        check("UBND xã Bình Châu</a>" not in driver.page_source, "the unit filter leaves xa-b out")
        driver.find_element(By.XPATH, "//button[normalize-space()='Đánh dấu đã báo cáo']").click()
        WebDriverWait(driver, 10).until(lambda d: "Bỏ đánh dấu" in d.page_source)
        check("unit=xa-a" in driver.current_url, "marking returns to the filtered page")
        status = json.loads(subprocess.run([options.binary, "status", "-c", config, "--format", "json", "--now", "2024-03-25T12:00"],
                                           capture_output=True, text=True, check=True).stdout)
        check(any(r["unit"] == "xa-a" and r["state"] == "reported" for r in status), "nhachan status finds xa-a marked by hand")
        check("Đã gửi Báo cáo số 15/BC-UBND" not in driver.page_source, "the filtered history shows only xa-a")
        driver.save_screenshot(os.path.join(options.screenshots, "status-marked-desktop.png"))

        daemon.send_signal(signal.SIGTERM)
        check(daemon.wait(timeout=15) == 0, "run stops with exit 0 on SIGTERM")
        print("browser test: all checks passed")
        return 0
    except Exception as error:  # report the failing check and the daemon's log
        print(f"FAIL: {error}")
        log = os.path.join(folder, "run.log")
        if os.path.exists(log):
            print(open(log, encoding="utf-8").read()[-4000:])
        return 1
    finally:
        if driver is not None:
            driver.quit()
        if daemon is not None and daemon.poll() is None:
            daemon.kill()
        smtp.terminate()


if __name__ == "__main__":
    sys.exit(main())
