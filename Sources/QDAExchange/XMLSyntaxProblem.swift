/// Words for the libxml2 error codes that Foundation's XMLParser reports on Linux (its
/// `NSError` codes are libxml2's `xmlParserErrors`, and its own descriptions are empty), so a
/// malformed `.qdc` gets a reason an analyst can act on.
enum XMLSyntaxProblem {
    static func describe(code: Int) -> String {
        switch code {
        case 4: "no XML element found (is this an XML file?)"
        case 5: "extra content after the end of the document"
        case 9: "a character that XML does not allow"
        case 23: "an entity reference without its ';' (write & as &amp;)"
        case 26: "an unknown entity (write & as &amp;)"
        case 38: "'<' inside an attribute value (write &lt;)"
        case 39, 40, 41: "an attribute value that is not properly quoted"
        case 42: "the same attribute twice on one element"
        case 68: "a bare '&' (write & as &amp;)"
        case 73: "a tag without its closing '>'"
        case 76: "an end tag that does not match the open element (an element left unclosed?)"
        case 77: "the file ends inside an element"
        default: "libxml2 error \(code)"
        }
    }
}
