@testable import ConsultReport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The shipped templates rendered from a hand-built view model: both formats carry the same
/// numbers, optional blocks appear only when their data do, and values are escaped for each format.
@Suite struct ChapterRenderingTests {
    func render(_ view: ChapterView) throws -> (md: String, html: String) {
        let templates = try ChapterFixtures.templates()
        return (templates.render(view, format: .markdown), templates.render(view, format: .html))
    }

    @Test func markdownAndHTMLCarryTheSameNumbers() throws {
        let view = ChapterFixtures.view()
        let (md, html) = try render(view)
        for row in view.sections[0].themeTable!.rows {
            for cell in row.cells {
                #expect(md.contains(cell.text), "md lacks \(cell.text)")
                #expect(html.contains(cell.text.replacingOccurrences(of: "<", with: "&lt;")), "html lacks \(cell.text)")
            }
        }
        for text in ["+28 points (95% CI +22 to +34)", "χ²(1) = 80.1, p &lt; 0.001", "Nobody told us what it was for."] {
            #expect(html.contains(text))
            #expect(md.contains(text.replacingOccurrences(of: "&lt;", with: "<")))
        }
        #expect(md.contains("| Criteria unclear | 3% (52) | <10 |"))
        #expect(md.contains("<10: fewer than 10 respondents"))
        #expect(md.contains("![Bar chart](charts/themes-1.svg)"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }

    @Test func syntheticBannerWeightedBlockAndAgreementFollowTheData() throws {
        let plain = try render(ChapterFixtures.view(synthetic: false))
        #expect(!plain.md.contains("Synthetic data") && !plain.html.contains("Synthetic data"))
        #expect(!plain.md.contains("Weighted estimates") && !plain.html.contains("Weighted estimates"))
        #expect(plain.md.contains("No segment has been coded by two human coders yet") && plain.html.contains("No segment has been coded by two human coders yet"))

        let full = try render(ChapterFixtures.view(
            synthetic: true,
            agreement: [AgreementRowView(theme: "Aware of the Matrix", units: 200, agreement: "94%", kappa: "0.81")],
            weighted: [WeightedEstimateView(label: "Heard of the Matrix", unweighted: "50%", weighted: "41%", designEffect: "1.62", effectiveSampleSize: "912")]))
        for doc in [full.md, full.html] {
            #expect(doc.contains("Synthetic data"))
            #expect(doc.contains("Weighted estimates") && doc.contains("41%") && doc.contains("912"))
            #expect(doc.contains("0.81") && !doc.contains("No segment has been coded by two human coders yet"))
        }
    }

    @Test func noDifferencesIsSaidRatherThanLeftBlank() throws {
        let (md, html) = try render(ChapterFixtures.view(differences: []))
        #expect(md.contains("every 95% interval for the difference includes 0"))
        #expect(html.contains("every 95% interval for the difference includes 0"))
        #expect(!md.contains("Partners and community respondents differed"))
    }

    @Test func valuesAreEscapedForEachFormat() throws {
        let (md, html) = try render(ChapterFixtures.view(quote: "They <script>alert(1)</script> said *nothing* & left | gone"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; said *nothing* &amp; left | gone"))
        #expect(md.contains("They \\<script>alert(1)\\</script> said \\*nothing\\* & left \\| gone"))
    }

    @Test func htmlIsWellFormedAndSelfContained() throws {
        let (_, html) = try render(ChapterFixtures.view())
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@media print"))
        #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("href=\"http"))
        if let problems = try HTMLLint.problems(html) { #expect(problems.isEmpty, "\(problems)") }
    }

    @Test func renderingIsDeterministic() throws {
        let first = try render(ChapterFixtures.view())
        let second = try render(ChapterFixtures.view())
        #expect(first.md == second.md && first.html == second.html)
    }
}
