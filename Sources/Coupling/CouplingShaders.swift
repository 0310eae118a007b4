/// GLSL 330 core sources of the compositor's passes, embedded so nothing is looked up at run time.
enum CouplingShaders {
    /// A full-screen triangle from `gl_VertexID` (no vertex buffer); `screenUV` is 0…1, bottom-left origin.
    static let fullscreenVertex = """
    #version 330 core
    out vec2 screenUV;
    void main() {
        vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
        screenUV = corner;
        gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
    }
    """

    /// One direction of a separable Gaussian: 9 taps `step` apart (in texture coordinates), σ = 2 steps, over
    /// one image (`TARGETS 1`) or two at once into two colour attachments (`TARGETS 2`, each with its own step).
    /// With `ACROSS 1` every tap is two samples `across` apart across the direction, so a pass that also shrinks
    /// the picture 4× reads every source row rather than one in four. Variants rather than uniform branches:
    /// llvmpipe runs both sides of a branch.
    static func blurFragment(targets: Int, across: Bool) -> String {
        """
        #version 330 core
        #define TARGETS \(targets)
        #define ACROSS \(across ? 1 : 0)
        in vec2 screenUV;
        layout(location = 0) out vec4 color0;
        uniform sampler2D image0;
        uniform vec2 step0;
        uniform vec2 across0;
        #if TARGETS == 2
        layout(location = 1) out vec4 color1;
        uniform sampler2D image1;
        uniform vec2 step1;
        uniform vec2 across1;
        #endif
        const float weights[5] = float[5](1.0, 0.8824969, 0.6065307, 0.3246525, 0.1353353);
        vec4 tap(sampler2D image, vec2 uv, vec2 across) {
        #if ACROSS
            return 0.5 * (texture(image, uv - across) + texture(image, uv + across));
        #else
            return texture(image, uv);
        #endif
        }
        vec4 blur(sampler2D image, vec2 step, vec2 across) {
            vec4 sum = tap(image, screenUV, across) * weights[0];
            float total = weights[0];
            for (int i = 1; i < 5; i++) {
                sum += (tap(image, screenUV + step * float(i), across) + tap(image, screenUV - step * float(i), across)) * weights[i];
                total += 2.0 * weights[i];
            }
            return sum / total;
        }
        void main() {
            color0 = blur(image0, step0, across0);
        #if TARGETS == 2
            color1 = blur(image1, step1, across1);
        #endif
        }
        """
    }

    /// The scene: a ray per pixel against the FG and BG planes, depth-of-field mix, luminance key; debug overlays.
    /// Compiled per `CompositeVariant` (flat or 3D, debug, which textures each plane samples), so a frame runs
    /// only the code and texture reads it needs.
    static func compositeFragment(_ variant: CompositeVariant) -> String {
        """
    #version 330 core
    #define FLAT \(variant.flat ? 1 : 0)
    #define DEBUG_VIEW \(variant.debug ? 1 : 0)
    #define FG_SAMPLING \(variant.fg.rawValue)
    #define BG_SAMPLING \(variant.bg.rawValue)
    out vec4 color;
    uniform sampler2D bgSharp;
    uniform sampler2D bgBlurred;
    uniform sampler2D fgSharp;
    uniform sampler2D fgBlurred;
    uniform float bgBlurMix;
    uniform float fgBlurMix;
    uniform vec3 camera;
    uniform vec2 tanHalf;
    uniform float fgDepth;
    uniform float bgDepth;
    uniform float planeScale;
    uniform float focus01;
    uniform vec2 keyRange;
    uniform vec2 outputSize;

    // Where the ray through this pixel meets the plane at distance `depth`, in that plane's 0…1 coordinates.
    vec2 planeUV(float depth, vec2 ndc) {
        float t = depth + camera.z;
        vec2 hit = camera.xy + t * ndc * tanHalf;
        return 0.5 + 0.5 * hit / (depth * tanHalf * planeScale);
    }

    float luma(vec3 c) { return dot(c, vec3(0.299, 0.587, 0.114)); }

    float inside(vec2 uv) {
        vec2 edge = step(vec2(0.0), uv) * step(uv, vec2(1.0));
        return edge.x * edge.y;
    }

    float outline(vec2 uv) {
        vec2 width = fwidth(uv) * 2.0;
        vec2 distanceToEdge = min(abs(uv), abs(uv - 1.0));
        vec2 near = step(distanceToEdge, width);
        return max(near.x, near.y) * step(-width.x, uv.x) * step(uv.x, 1.0 + width.x)
            * step(-width.y, uv.y) * step(uv.y, 1.0 + width.y);
    }

    void main() {
        // Pixel centres exactly, so the flat mix samples each input texel where it lies.
        vec2 screen = gl_FragCoord.xy / outputSize;
        vec2 fgUV = screen;
        vec2 bgUV = screen;
        float fgInside = 1.0;
    #if !FLAT
        vec2 ndc = screen * 2.0 - 1.0;
        fgUV = planeUV(fgDepth, ndc);
        bgUV = planeUV(bgDepth, ndc);
        fgInside = inside(fgUV);
    #endif
        // 0: the sharp picture only, 2: the blurred one only, 1: both mixed (a blur fading in).
    #if BG_SAMPLING == 0
        vec3 bg = texture(bgSharp, bgUV).rgb;
    #elif BG_SAMPLING == 2
        vec3 bg = texture(bgBlurred, bgUV).rgb;
    #else
        vec3 bg = mix(texture(bgSharp, bgUV).rgb, texture(bgBlurred, bgUV).rgb, bgBlurMix);
    #endif
    #if FG_SAMPLING == 0
        vec3 fg = texture(fgSharp, fgUV).rgb;
    #elif FG_SAMPLING == 2
        vec3 fg = texture(fgBlurred, fgUV).rgb;
    #else
        vec3 fg = mix(texture(fgSharp, fgUV).rgb, texture(fgBlurred, fgUV).rgb, fgBlurMix);
    #endif
        float alpha = smoothstep(keyRange.x, keyRange.y, luma(fg)) * fgInside;
        vec3 picture = mix(bg, fg, alpha);
    #if !DEBUG_VIEW
        color = vec4(picture, 1.0);
    #else
        // Depth: FG warm, BG cool, brighter the nearer the surface is to the focus plane.
        float depth01 = 1.0 - step(0.5, alpha);
        float inFocus = 1.0 - abs(depth01 - focus01);
        vec3 depthTint = mix(vec3(1.0, 0.55, 0.1), vec3(0.1, 0.45, 1.0), depth01) * (0.35 + 0.65 * inFocus);
        vec3 shown = 0.5 * picture + 0.4 * depthTint;
        // Plane outlines, FG green and BG magenta, drawn at 90 % of each plane's size so they stay in view while
        // the planes (cropped to fill the screen) move: the two rectangles shift against each other.
        shown = mix(shown, vec3(1.0, 0.0, 1.0), outline(0.5 + (bgUV - 0.5) / 0.9));
        shown = mix(shown, vec3(0.0, 1.0, 0.2), outline(0.5 + (fgUV - 0.5) / 0.9));
        // Key mask inset in the top-right quarter.
        if (screen.x > 0.75 && screen.y > 0.75) {
            vec2 insetUV = (screen - 0.75) * 4.0;
            float insetAlpha = smoothstep(keyRange.x, keyRange.y, luma(texture(fgSharp, insetUV).rgb));
            shown = vec3(insetAlpha);
        }
        // Depth scale at the left edge: FG at the bottom, BG at the top, a white tick at the focus.
        if (screen.x < 0.02) {
            shown = mix(vec3(1.0, 0.55, 0.1), vec3(0.1, 0.45, 1.0), screen.y);
            if (abs(screen.y - focus01) < 0.01) { shown = vec3(1.0); }
        }
        color = vec4(shown, 1.0);
    #endif
    }
    """
    }
}

/// Which compositor program a frame needs: llvmpipe runs both sides of every branch, so the flat mix, the 3D
/// scene and the debug view, and each plane's sharp/blurred reads, are separate programs rather than branches.
struct CompositeVariant: Hashable, CaseIterable {
    /// What one plane reads.
    enum Sampling: Int, CaseIterable {
        case sharp = 0
        /// Sharp and blurred, mixed by the plane's blur mix (a blur fading in over its first two pixels).
        case mixed = 1
        case blurred = 2

        /// The reads for a blur mix (0 = none, 1 = full).
        init(blurMix: Float) {
            self = blurMix <= 0 ? .sharp : blurMix >= 1 ? .blurred : .mixed
        }
    }

    var flat: Bool
    var debug: Bool
    var fg: Sampling
    var bg: Sampling

    /// The flat mix, the debug view (both planes mixed by uniforms) and every 3D combination.
    static var allCases: [CompositeVariant] {
        var all = [CompositeVariant(flat: true, debug: false, fg: .sharp, bg: .sharp),
                   CompositeVariant(flat: false, debug: true, fg: .mixed, bg: .mixed),
                   CompositeVariant(flat: true, debug: true, fg: .sharp, bg: .sharp)]
        for fg in Sampling.allCases {
            for bg in Sampling.allCases { all.append(CompositeVariant(flat: false, debug: false, fg: fg, bg: bg)) }
        }
        return all
    }
}
