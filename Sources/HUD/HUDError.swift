/// What can go wrong while preparing or drawing the HUD.
public enum HUDError: Error, CustomStringConvertible, Equatable {
    /// SDL_ttf could not start.
    case ttfInit(message: String)
    /// The font file could not be opened.
    case fontOpen(path: String, message: String)
    /// Rendering `text` failed.
    case render(text: String, message: String)

    public var description: String {
        switch self {
        case let .ttfInit(message): return "SDL_ttf: TTF_Init failed: \(message)"
        case let .fontOpen(path, message): return "\(path): cannot open font: \(message)"
        case let .render(text, message): return "cannot render \"\(text)\": \(message)"
        }
    }
}
