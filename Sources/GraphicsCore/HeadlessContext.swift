import CEGL
import CGL

/// An OpenGL 3.3 core context with no window, on EGL's surfaceless platform (Mesa), for recording and tests.
///
/// Rendering goes to framebuffer objects; there is no default framebuffer to draw to.
public final class HeadlessContext {
    private let display: EGLDisplay
    private let context: EGLContext
    private let config: EGLConfig?
    private let major: Int32
    private let minor: Int32

    /// Opens the EGL surfaceless display and creates a core context of at least `major.minor`.
    public init(major: Int32 = 3, minor: Int32 = 3) throws {
        let surfaceless: EGLenum = 0x31DD  // EGL_PLATFORM_SURFACELESS_MESA
        guard let display = eglGetPlatformDisplay(surfaceless, nil, nil) else {
            throw GraphicsCoreError.egl(call: "eglGetPlatformDisplay(surfaceless)", code: eglGetError())
        }
        var versionMajor: EGLint = 0
        var versionMinor: EGLint = 0
        guard eglInitialize(display, &versionMajor, &versionMinor) == EGL_TRUE else {
            throw GraphicsCoreError.egl(call: "eglInitialize", code: eglGetError())
        }
        guard eglBindAPI(EGLenum(EGL_OPENGL_API)) == EGL_TRUE else {
            throw GraphicsCoreError.egl(call: "eglBindAPI(OpenGL)", code: eglGetError())
        }
        let configAttributes: [EGLint] = [
            EGL_SURFACE_TYPE, EGL_PBUFFER_BIT,
            EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
            EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8,
            EGL_NONE,
        ]
        var config: EGLConfig?
        var configCount: EGLint = 0
        guard eglChooseConfig(display, configAttributes, &config, 1, &configCount) == EGL_TRUE, configCount > 0 else {
            throw GraphicsCoreError.egl(call: "eglChooseConfig", code: eglGetError())
        }
        let contextAttributes: [EGLint] = [
            EGL_CONTEXT_MAJOR_VERSION, major,
            EGL_CONTEXT_MINOR_VERSION, minor,
            EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
            EGL_NONE,
        ]
        guard let context = eglCreateContext(display, config, nil, contextAttributes) else {
            throw GraphicsCoreError.egl(call: "eglCreateContext(\(major).\(minor) core)", code: eglGetError())
        }
        self.display = display
        self.context = context
        self.config = config
        self.major = major
        self.minor = minor
        try makeCurrent()
    }

    private init(sharing other: HeadlessContext) throws {
        let attributes: [EGLint] = [
            EGL_CONTEXT_MAJOR_VERSION, other.major,
            EGL_CONTEXT_MINOR_VERSION, other.minor,
            EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
            EGL_NONE,
        ]
        guard eglBindAPI(EGLenum(EGL_OPENGL_API)) == EGL_TRUE,
              let context = eglCreateContext(other.display, other.config, other.context, attributes) else {
            throw GraphicsCoreError.egl(call: "eglCreateContext(shared)", code: eglGetError())
        }
        display = other.display
        self.context = context
        config = other.config
        major = other.major
        minor = other.minor
    }

    /// A second context sharing this one's objects (programs, textures, buffers; not vertex arrays or framebuffers),
    /// for a worker thread: make it current there (`makeCurrent`), never on two threads at once. Not made current.
    public func makeShared() throws -> HeadlessContext { try HeadlessContext(sharing: self) }

    /// Makes this context current on the calling thread.
    public func makeCurrent() throws {
        // The bound API is per thread: a worker thread starts with OpenGL ES.
        eglBindAPI(EGLenum(EGL_OPENGL_API))
        guard eglMakeCurrent(display, nil, nil, context) == EGL_TRUE else {
            throw GraphicsCoreError.egl(call: "eglMakeCurrent", code: eglGetError())
        }
    }

    /// Leaves the calling thread with no current context (a worker thread's last call before it ends).
    public func release() {
        if eglGetCurrentContext() == context { eglMakeCurrent(display, nil, nil, nil) }
    }

    /// What the driver says it is.
    public var info: GLInfo { GLInfo.current() }

    deinit {
        // The display is process-wide on EGL and may serve other contexts, so it is not terminated here.
        if eglGetCurrentContext() == context {
            eglMakeCurrent(display, nil, nil, nil)
        }
        eglDestroyContext(display, context)
    }
}
