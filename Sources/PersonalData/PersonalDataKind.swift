/// A kind of personal data that redaction removes from free text before it is stored.
///
/// The raw value is stable (it may be stored with redaction counts); `placeholder` is the text
/// that replaces each occurrence, so analysts still see that something was there.
public enum PersonalDataKind: String, Sendable, CaseIterable, Codable {
    case email
    case phone
    case postcode
    case nino
    case url
    case handle
    case vehicle
    case name
    /// An NHS number (10 digits with a valid mod-11 check digit): a health identifier, so it is
    /// redacted even though it is rare in consultation answers.
    case nhs

    /// The typed placeholder written in place of a match, e.g. `"[EMAIL]"`.
    public var placeholder: String {
        switch self {
        case .email: "[EMAIL]"
        case .phone: "[PHONE]"
        case .postcode: "[POSTCODE]"
        case .nino: "[NINO]"
        case .url: "[URL]"
        case .handle: "[HANDLE]"
        case .vehicle: "[VEHICLE]"
        case .name: "[NAME]"
        case .nhs: "[NHS]"
        }
    }
}
