import ConsultationModel
import Foundation
import QDAExchange

/// The online form of one survey instrument, and the pages that answer a form submission, as
/// self-contained HTML: no JavaScript, no external files, readable at phone width.
///
/// Accessibility, by construction: every control has a `<label>`; each question with options is a
/// `<fieldset>` with its wording as `<legend>`; the consent question is `required` and says so in
/// words as well as with a mark; landmarks (`header`, `main`, `footer`) and a skip link; a visible
/// focus outline; text and controls at contrast of at least 7:1 against their background.
public enum FormPage {
    /// Lists of more options than this are a `<select>` rather than radio buttons.
    static let radioLimit = 8

    /// The form for `instrument`, posting to the ingest API with the survey's public `token`.
    public static func form(instrument: Instrument, consultationTitle: String, privacyNotice: String?, token: String) -> String {
        var body = """
            <form method="post" action="/v1/surveys/\(attr(instrument.id))/responses" accept-charset="utf-8">
            <input type="hidden" name="\(FormSubmission.tokenField)" value="\(attr(token))">
            <p class="hint">Questions marked <span class="req" aria-hidden="true">*</span> <span>(required)</span> must be answered; you may skip any other.</p>

            """
        for (number, question) in instrument.questions.enumerated() {
            body += control(question, number: number + 1, required: question.id == instrument.consentQuestion)
        }
        body += """
            <button type="submit">Send my answers</button>
            </form>

            """
        let notice = privacyNotice.map { text in
            """
            <section class="notice" aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">How we use your answers</h2>
            \(paragraphs(text))
            </section>

            """
        } ?? ""
        return page(title: instrument.title, consultationTitle: consultationTitle, main: "<h1>\(text(instrument.title))</h1>\n" + notice + body)
    }

    /// The receipt after a response was stored: its reference, which the respondent keeps.
    public static func receipt(survey: String, consultationTitle: String, reference: String, alreadyHeld: Bool) -> String {
        let heading = alreadyHeld ? "We already had this response" : "Thank you: your answers were received"
        return page(title: heading, consultationTitle: consultationTitle, main: """
            <h1>\(text(heading))</h1>
            <p role="status">Your answers are stored.</p>
            <p>Your receipt number is <strong class="ref">\(text(reference))</strong>. Keep it: quote it if you want to see what we hold, withdraw your agreement to be quoted, or have your answers erased.</p>
            <p><a href="/s/\(attr(survey))">Back to the form</a></p>

            """)
    }

    /// A submission that was refused: why, field by field, without repeating what was written.
    public static func refusal(_ problem: Problem, survey: String, consultationTitle: String) -> String {
        let items = (problem.errors ?? []).map { "<li>\($0.field.map { "<strong>\(text($0))</strong>: " } ?? "")\(text($0.reason))</li>" }
        return page(title: "Your answers were not sent", consultationTitle: consultationTitle, main: """
            <h1>Your answers were not sent</h1>
            <div role="alert">
            <p>\(text(problem.title)).\(problem.detail.map { " " + text($0) } ?? "")</p>
            \(items.isEmpty ? "" : "<ul>\n" + items.joined(separator: "\n") + "\n</ul>")
            </div>
            <p><a href="/s/\(attr(survey))">Back to the form</a> (use your browser's Back button to keep what you wrote).</p>

            """)
    }

    private static func control(_ question: Question, number: Int, required: Bool) -> String {
        let id = "q-\(question.id)"
        let mark = required ? " <span class=\"req\" aria-hidden=\"true\">*</span> <span class=\"req-text\">(required)</span>" : ""
        let wording = "\(number). \(text(question.wording))\(mark)"
        let req = required ? " required" : ""
        switch question.type {
        case .text:
            return """
                <div class="question">
                <label for="\(id)">\(wording)</label>
                <textarea id="\(id)" name="\(attr(question.id))" rows="5"\(req)></textarea>
                </div>

                """
        case .number:
            return """
                <div class="question">
                <label for="\(id)">\(wording)</label>
                <input id="\(id)" name="\(attr(question.id))" type="number" inputmode="numeric"\(req)>
                </div>

                """
        case .multi:
            return fieldset(wording, question.options.enumerated().map { index, option in
                choice(type: "checkbox", name: question.id, id: "\(id)-\(index)", option: option, required: "")
            })
        case .single, .likert5, .demographic:
            if question.options.count > radioLimit {
                let options = ["<option value=\"\">Choose…</option>"] + question.options.map {
                    "<option value=\"\(attr($0.value))\">\(text($0.label))</option>"
                }
                return """
                    <div class="question">
                    <label for="\(id)">\(wording)</label>
                    <select id="\(id)" name="\(attr(question.id))"\(req)>
                    \(options.joined(separator: "\n"))
                    </select>
                    </div>

                    """
            }
            return fieldset(wording, question.options.enumerated().map { index, option in
                choice(type: "radio", name: question.id, id: "\(id)-\(index)", option: option, required: req)
            })
        }
    }

    private static func fieldset(_ legend: String, _ choices: [String]) -> String {
        """
        <fieldset class="question">
        <legend>\(legend)</legend>
        \(choices.joined(separator: "\n"))
        </fieldset>

        """
    }

    private static func choice(type: String, name: String, id: String, option: AnswerOption, required: String) -> String {
        "<div class=\"choice\"><input type=\"\(type)\" id=\"\(id)\" name=\"\(attr(name))\" value=\"\(attr(option.value))\"\(required)> <label for=\"\(id)\">\(text(option.label))</label></div>"
    }

    private static func paragraphs(_ notice: String) -> String {
        notice.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            .map { "<p>\(text($0.replacingOccurrences(of: "\n", with: " ")))</p>" }.joined(separator: "\n")
    }

    private static func page(title: String, consultationTitle: String, main: String) -> String {
        """
        <!doctype html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(text(title)): \(text(consultationTitle))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <a class="skip" href="#main">Skip to the questions</a>
        <header><p class="consultation">\(text(consultationTitle))</p></header>
        <main id="main">
        \(main)</main>
        <footer><p>An independent review of the Metropolitan Police Gangs Matrix. Answers are stored without names or contact details.</p></footer>
        </body>
        </html>

        """
    }

    /// Black on white (21:1), links and the button in a dark blue (8.6:1 against white), a yellow
    /// and black focus ring, controls at least 44 pixels high for touch.
    private static let style = """
        *{box-sizing:border-box}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.125rem;line-height:1.5;color:#0b0c0c;background:#fff}
        header,footer{background:#0b0c0c;color:#fff;padding:.75rem 1rem}
        header p,footer p{margin:0;max-width:40rem}
        main{max-width:40rem;margin:0 auto;padding:1rem}
        h1{font-size:1.75rem;line-height:1.2}
        .notice{border-left:.3rem solid #1d3f8f;padding-left:1rem;margin:1.5rem 0}
        .question{border:0;margin:0 0 1.75rem;padding:0}
        legend,.question>label{display:block;font-weight:700;margin-bottom:.5rem;padding:0}
        .choice{display:flex;align-items:center;gap:.5rem;min-height:2.75rem}
        .choice input{width:1.5rem;height:1.5rem;margin:0;flex:none}
        textarea,select,input[type=number]{width:100%;font:inherit;color:#0b0c0c;background:#fff;border:2px solid #0b0c0c;padding:.5rem;min-height:2.75rem}
        button{font:inherit;font-weight:700;color:#fff;background:#1d3f8f;border:0;padding:.75rem 1.5rem;min-height:2.75rem;cursor:pointer}
        a{color:#1d3f8f}
        .req{color:#a4000f}
        .hint{color:#0b0c0c}
        :focus-visible{outline:3px solid #ffdd00;box-shadow:0 0 0 6px #0b0c0c}
        .skip{position:absolute;left:-999px}
        .skip:focus{left:1rem;top:1rem;background:#ffdd00;color:#0b0c0c;padding:.5rem;z-index:1}
        .ref{font-family:ui-monospace,monospace;word-break:break-all}
        """

    private static func text(_ value: String) -> String { XMLText.content(value) }
    private static func attr(_ value: String) -> String { XMLText.attribute(value) }
}
