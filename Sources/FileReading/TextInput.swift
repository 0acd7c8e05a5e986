/// An import file as text: its bytes (`InputByteStream`: chunks, byte-order marks, UTF-16) and the
/// decoder its fields or lines go through (`TextFieldDecoder`: UTF-8, else Windows-1252 or refused).
/// Both readers hold one, so they open, convert and report alike.
public struct TextInput {
    package var stream: InputByteStream
    package var decoder: TextFieldDecoder

    public init(path: String, encoding: InputEncoding) throws {
        stream = try InputByteStream(path: path)
        decoder = TextFieldDecoder(encoding: encoding, file: path)
    }

    /// Text held in memory; `name` is used in error messages.
    public init(bytes: [UInt8], name: String, encoding: InputEncoding) {
        stream = InputByteStream(bytes: bytes, name: name)
        decoder = TextFieldDecoder(encoding: encoding, file: name)
    }

    /// What was converted to UTF-8 so far (the whole file from UTF-16, or fields from Windows-1252).
    public var conversion: EncodingConversion? { stream.conversion ?? decoder.conversion }

    /// Bytes of the file read so far, and its size when known, for a progress display.
    public var bytesRead: Int { stream.bytesRead }
    public var totalBytes: Int? { stream.totalBytes }
}
