import Testing

extension BrowserTests {
    /// A job started from the jobs page shows its progress as it runs, without reloading the page.
    @Suite struct LiveJobsTests {
        @Test func demoJobProgressUpdatesLive() async throws {
            try await Browser.run { browser in
                // Arrange: start demo.sleep through the page's own form (no worker runs yet, so it stays queued).
                try await browser.logIn()
                try await browser.visit("/jobs")
                try await browser.driver.find("#kind option[value='demo.sleep']").click()
                let row = "table[data-live-jobs] tr[data-job-id]"
                let rowsBefore = try await browser.driver.findAll(row).count
                try await browser.driver.find("form[action='/jobs'] button[type=submit]").click()
                // The form posts from /jobs back to /jobs, so the path alone cannot tell the new page has come:
                // one more row can.
                try await browser.waitUntil("the new job's row") { try await browser.driver.findAll(row).count > rowsBefore }
                try await browser.waitForPage("/jobs")
                #expect(try await browser.text("\(row) [data-field=state]") == "queued")
                // Remember this document and every update app.js makes, to prove nothing reloads.
                try await browser.driver.execute("""
                    window.__sameDocument = true;
                    window.__progress = [];
                    document.addEventListener("powerhouse:job-update", (event) => {
                      if (typeof event.detail.progress === "number") window.__progress.push(event.detail.progress);
                    });
                    """)
                try await browser.waitUntil("the event stream to open") {
                    try await browser.driver.execute(
                        "return document.querySelector('table[data-live-jobs]').dataset.live").string == "open"
                }

                // Act: let the job run.
                let worker = browser.server.startWorker()
                defer { worker.cancel() }
                try await browser.waitUntil("the job to succeed") {
                    try await browser.text("\(row) [data-field=state]") == "succeeded"
                }

                // Assert: the same document saw the progress rise step by step to the end.
                #expect(try await browser.driver.execute("return window.__sameDocument === true") == true)
                let seen = try await browser.driver.execute("return window.__progress").array?.compactMap(\.number) ?? []
                #expect(seen.contains { $0 > 0 && $0 < 1 }, "intermediate progress was shown: \(seen)")
                #expect(seen == seen.sorted(), "progress never went back: \(seen)")
                #expect(try await browser.driver.find("\(row) progress").property("value") == 1)
                #expect(try await browser.driver.find("\(row) [data-field=state]").attribute("class") == "state state-succeeded")
                #expect(try await browser.driver.findAll("\(row) form[action$='/cancel']").isEmpty,
                        "a finished job offers no cancel button")
                #expect(try await browser.text("\(row) [data-field=message]").hasPrefix("slept"))
                try await browser.screenshot("jobs")
            }
        }
    }
}
