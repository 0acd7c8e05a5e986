import Foundation
import TestSupport

/// Files the pure tests read: the project's own and the shared reference material beside the checkout.
enum TestFiles {
    static var root: URL { ProjectRoot.url }

    /// A path inside the project, e.g. `surveys/codebook.yaml`.
    static func project(_ path: String) -> String { ProjectRoot.path(path) }

    /// A file of `../shared/`, falling back to `/work/shared/`; nil if absent.
    static func shared(_ path: String) -> URL? { ProjectRoot.shared(path) }
}
