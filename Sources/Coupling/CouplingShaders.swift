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

    /// One direction of a separable Gaussian: 9 taps `step` apart (in texture coordinates), σ = 2 steps.
    /// `across` (texture coordinates, 0 for none) adds a second sample on each side across the direction, so a
    /// pass that also shrinks the picture 4× reads every source row rather than one in four.
    static let blurFragment = """
    #version 330 core
    in vec2 screenUV;
    out vec4 color;
    uniform sampler2D image;
    uniform vec2 step;
    uniform vec2 across;
    vec4 tap(vec2 uv) {
        return across == vec2(0.0) ? texture(image, uv) : 0.5 * (texture(image, uv - across) + texture(image, uv + across));
    }
    void main() {
        const float weights[5] = float[5](1.0, 0.8824969, 0.6065307, 0.3246525, 0.1353353);
        vec4 sum = tap(screenUV) * weights[0];
        float total = weights[0];
        for (int i = 1; i < 5; i++) {
            sum += (tap(screenUV + step * float(i)) + tap(screenUV - step * float(i))) * weights[i];
            total += 2.0 * weights[i];
        }
        color = sum / total;
    }
    """

    /// The scene: a ray per pixel against the FG and BG planes, depth-of-field mix, luminance key; debug overlays.
    static let compositeFragment = """
    #version 330 core
    out vec4 color;
    uniform sampler2D bgSharp;
    uniform sampler2D bgBlurred;
    uniform sampler2D fgSharp;
    uniform sampler2D fgBlurred;
    uniform float bgBlurMix;
    uniform float fgBlurMix;
    uniform int flatMix;
    uniform int debugView;
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
        if (flatMix == 0) {
            vec2 ndc = screen * 2.0 - 1.0;
            fgUV = planeUV(fgDepth, ndc);
            bgUV = planeUV(bgDepth, ndc);
            fgInside = inside(fgUV);
        }
        vec3 bg = texture(bgSharp, bgUV).rgb;
        vec3 fg = texture(fgSharp, fgUV).rgb;
        if (bgBlurMix > 0.0) { bg = mix(bg, texture(bgBlurred, bgUV).rgb, bgBlurMix); }
        if (fgBlurMix > 0.0) { fg = mix(fg, texture(fgBlurred, fgUV).rgb, fgBlurMix); }
        float alpha = smoothstep(keyRange.x, keyRange.y, luma(fg)) * fgInside;
        vec3 picture = mix(bg, fg, alpha);
        if (debugView == 0) {
            color = vec4(picture, 1.0);
            return;
        }
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
    }
    """
}
