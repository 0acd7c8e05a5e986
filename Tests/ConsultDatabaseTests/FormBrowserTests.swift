import ConsultStore
import Foundation
import Testing

/// The online form in a real headless browser (Debian's Chromium through chromedriver): filled in and
/// submitted by keyboard and mouse as a respondent would, the receipt read, the response found with
/// `consult segments`; the page checked for accessibility and screenshotted at phone and desktop width.
/// A time limit, so that a request that is never answered fails the test instead of stalling the suite.
@Suite(.timeLimit(.minutes(5))) struct FormBrowserTests {
    /// Where the screenshots go (outside the repository): `consult-form-screenshots` in the temporary folder.
    static let screenshots = FileManager.default.temporaryDirectory.appendingPathComponent("consult-form-screenshots")

    /// Checks made in the page itself, returned as a list of problems (empty when it passes) and the
    /// lowest text contrast found: every control labelled; radio and checkbox groups in a fieldset with
    /// a legend; language, title, one h1, main/header/footer landmarks, a skip link; no positive
    /// tabindex; text contrast (WCAG 2 relative luminance) at least 7:1 (AAA) for every text node.
    static let accessibilityScript = """
        const problems = [];
        if (!document.documentElement.lang) problems.push('html has no lang');
        if (!document.title) problems.push('no title');
        if (document.querySelectorAll('h1').length !== 1) problems.push('not exactly one h1');
        for (const landmark of ['main', 'header', 'footer']) if (!document.querySelector(landmark)) problems.push('no ' + landmark);
        if (!document.querySelector('a[href="#main"]')) problems.push('no skip link');
        for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
          if (!el.labels || el.labels.length === 0 || !el.labels[0].textContent.trim()) problems.push('unlabelled ' + el.name);
          if ((el.type === 'radio' || el.type === 'checkbox')) {
            const fs = el.closest('fieldset');
            if (!fs || !fs.querySelector('legend') || !fs.querySelector('legend').textContent.trim()) problems.push('no fieldset/legend for ' + el.name);
          }
        }
        for (const el of document.querySelectorAll('[tabindex]')) if (el.tabIndex > 0) problems.push('positive tabindex');
        for (const el of document.querySelectorAll('[required]')) {
          const label = el.closest('fieldset') ? el.closest('fieldset').querySelector('legend') : el.labels[0];
          if (!/required/.test(label.textContent)) problems.push('required not said in words: ' + el.name);
        }
        function rgb(s) { const m = s.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
        function lum(c) { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
          return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); }
        function background(el) { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.a > 0) return c; }
          return {r: 255, g: 255, b: 255, a: 1}; }
        let lowest = 21;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode, el = node.parentElement;
          if (!node.textContent.trim() || el.closest('.skip') || el.offsetParent === null) continue;
          const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < lowest) lowest = ratio;
          if (ratio < 7) problems.push('contrast ' + ratio.toFixed(2) + ' for "' + node.textContent.trim().slice(0, 30) + '"');
        }
        return {problems: problems, lowest: lowest};
        """

    @Test func aRespondentAnswersTheFormInABrowser() async throws {
        try #require(WebDriver.available, "needs Chromium and chromedriver from Debian: apt-get install chromium chromium-driver (.ci/run installs them)")
        let server = try await TestServer()
        _ = try server.token(.ingest, survey: "community", isPublic: true)
        let browser = try await WebDriver()
        defer { Task { await browser.quit() } }
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)

        try await browser.open(server.url("/s/community"))
        let check = try #require(try await browser.run(Self.accessibilityScript) as? [String: Any])
        #expect(check["problems"] as? [String] == [], "\(check)")
        #expect((check["lowest"] as? Double ?? 0) >= 7)
        try await browser.screenshot(width: 390, to: Self.screenshots.appendingPathComponent("form-phone.png").path)
        try await browser.screenshot(width: 1280, to: Self.screenshots.appendingPathComponent("form-desktop.png").path)
        let overflow = try await browser.run("document.body.style.width=''; return document.documentElement.scrollWidth > window.innerWidth") as? Bool
        #expect(overflow == false)

        // By keyboard: the skip link is the first stop, and it leads to the questions.
        try await browser.keys("\u{E004}")
        #expect(try await browser.run("return document.activeElement.className") as? String == "skip")

        try await browser.click("#q-aware-0")
        try await browser.type("#q-what_is", "A list the police keep of young people. You can reach me at sam@example.org")
        try await browser.click("#q-sources-1")
        try await browser.click("#q-sources-2")
        try await browser.type("#q-borough", "Lambeth")
        try await browser.click("#q-consent_quote-0")
        try await browser.click("button[type=submit]")

        let reference = try await browser.text(of: ".ref")
        #expect(reference.hasPrefix("web-"))
        let receiptCheck = try #require(try await browser.run(Self.accessibilityScript) as? [String: Any])
        #expect(receiptCheck["problems"] as? [String] == [], "\(receiptCheck)")
        try await browser.screenshot(width: 390, to: Self.screenshots.appendingPathComponent("receipt-phone.png").path)

        // The response is in `consult segments`, redacted, as if it had been imported from a file.
        let url = try TestDatabase.cluster().cluster.url(database: server.database)
        let run = try CLITests().consult(["segments", "--survey", "community", "--format", "json"], databaseURL: url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("A list the police keep of young people. You can reach me at [EMAIL]"))
        let pseudonym = server.pseudonymiser.pseudonym(scope: "community", sourceID: reference)
        #expect(run.stdout.contains(pseudonym))
        let answers = try server.store.db.query("""
            SELECT string_agg(a.question_id || '=' || a.value, ',' ORDER BY a.question_id, a.value) AS answers
            FROM consult.answer a JOIN consult.respondent r ON r.id = a.respondent_id WHERE r.pseudonym = $1
            """, pseudonym).rows[0].string("answers")
        #expect(answers == "aware=yes,borough=E09000022,consent_quote=yes,sources=news,sources=social_media")
        await server.stop()
    }
}
