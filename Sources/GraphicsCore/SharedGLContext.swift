import CSDL2

/// A GL context a worker thread can make current, sharing programs, textures and buffers with the render thread's
/// (not vertex arrays or framebuffers, which are never shared).
public protocol SharedGLContext: AnyObject {
    /// Makes the context current on the calling thread (never current on two threads at once).
    func makeCurrent() throws
    /// Leaves the calling thread with no current context.
    func release()
}

extension HeadlessContext: SharedGLContext {}

extension GLWindow {
    /// A second context sharing this window's context's objects (`SDL_GL_SHARE_WITH_CURRENT_CONTEXT`), for a
    /// worker thread; this window's own context is current again afterwards.
    public func makeSharedContext() throws -> GLWindowSharedContext {
        try makeCurrent()
        SDL_GL_SetAttribute(SDL_GL_SHARE_WITH_CURRENT_CONTEXT, 1)
        let shared = SDL_GL_CreateContext(handle)
        let message = shared == nil ? sdlError() : ""
        SDL_GL_SetAttribute(SDL_GL_SHARE_WITH_CURRENT_CONTEXT, 0)
        // Creating a context makes it current; the window's own goes back on this thread.
        try makeCurrent()
        guard let shared else { throw GraphicsCoreError.sdl(call: "SDL_GL_CreateContext(shared)", message: message) }
        return GLWindowSharedContext(window: self, context: shared)
    }
}

/// A context made by `GLWindow.makeSharedContext`: made current with the window as its drawable (it draws only
/// into framebuffer objects). Keeps the window alive.
public final class GLWindowSharedContext: SharedGLContext {
    private let window: GLWindow
    private let context: SDL_GLContext

    init(window: GLWindow, context: SDL_GLContext) {
        self.window = window
        self.context = context
    }

    public func makeCurrent() throws {
        guard SDL_GL_MakeCurrent(window.handle, context) == 0 else {
            throw GraphicsCoreError.sdl(call: "SDL_GL_MakeCurrent(shared)", message: sdlError())
        }
    }

    public func release() {
        if SDL_GL_GetCurrentContext() == context { SDL_GL_MakeCurrent(window.handle, nil) }
    }

    deinit { SDL_GL_DeleteContext(context) }
}
