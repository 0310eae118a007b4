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

    /// The composite's full-screen triangle: also each plane's 0…1 coordinates, which are affine in the screen
    /// (the planes face the camera, which only moves), so the rasteriser interpolates them instead of every pixel
    /// casting a ray: `planeMap` is (offset, scale) with uv = offset + scale·ndc.
    ///
    /// With `shaded` (a hue-shaded FG composited in the scene) also the weights of MilkDrop's
    /// composite quad, whose two triangles (meeting on the top-right–bottom-left diagonal) each interpolate their
    /// corners' weights linearly over the FG's 0…1 coordinates — so linearly over the screen too; the fragment
    /// picks the triangle's. `fgWeights`: top-left, top-right, bottom-left, bottom-right.
    static func compositeVertex(shaded: Bool) -> String {
        let weights = """
            fgUpper = fgWeights[2] + (fgWeights[1] - fgWeights[0]) * fgUV.x + (fgWeights[0] - fgWeights[2]) * fgUV.y;
            fgLower = fgWeights[2] + (fgWeights[3] - fgWeights[2]) * fgUV.x + (fgWeights[1] - fgWeights[3]) * fgUV.y;
        """
        return """
        #version 330 core
        uniform vec4 fgMap;
        uniform vec4 bgMap;
        out vec2 fgUV;
        out vec2 bgUV;
        \(shaded ? "uniform vec3 fgWeights[4];\nout vec3 fgUpper;\nout vec3 fgLower;" : "")
        void main() {
            vec2 ndc = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2)) * 2.0 - 1.0;
            fgUV = fgMap.xy + fgMap.zw * ndc;
            bgUV = bgMap.xy + bgMap.zw * ndc;
        \(shaded ? weights : "")
            gl_Position = vec4(ndc, 0.0, 1.0);
        }
        """
    }

    /// Stretches the scene drawn at half size over the output (both planes blurred: nothing sharper to show).
    static let upscaleFragment = """
    #version 330 core
    in vec2 screenUV;
    out vec4 color;
    uniform sampler2D image;
    void main() { color = vec4(texture(image, screenUV).rgb, 1.0); }
    """

    /// The first depth-of-field pass: each plane shrunk to the blur size by a box filter, one plane (`TARGETS 1`)
    /// or two at once into two colour attachments (`TARGETS 2`). With `BOXi 1` image i is read by four bilinear
    /// samples `offseti` from the pixel centre, which for a picture four times the blur size land on texel
    /// corners and average its 4×4 block exactly; with `BOXi 0` one sample at the centre, the exact 2×2 average
    /// of a picture twice the blur size (a BG rendered at half size). Every source pixel is read, so thin
    /// lines cannot flicker in and out. Variants rather than uniform branches: llvmpipe runs both sides of one.
    static func shrinkFragment(targets: Int, box0: Bool, box1: Bool) -> String {
        planeHeader(targets: targets, vector: "offset") + """
        #define BOX0 \(box0 ? 1 : 0)
        #define BOX1 \(box1 ? 1 : 0)
        vec4 box(sampler2D image, vec2 offset) {
            return 0.25 * (texture(image, screenUV + offset) + texture(image, screenUV - offset)
                + texture(image, screenUV + vec2(offset.x, -offset.y)) + texture(image, screenUV + vec2(-offset.x, offset.y)));
        }
        void main() {
        #if BOX0
            color0 = box(image0, offset0);
        #else
            color0 = texture(image0, screenUV);
        #endif
        #if TARGETS == 2
        #if BOX1
            color1 = box(image1, offset1);
        #else
            color1 = texture(image1, screenUV);
        #endif
        #endif
        }
        """
    }

    /// The start of a depth-of-field pass over one plane (`TARGETS 1`) or two (`TARGETS 2`): per plane `i` its
    /// output `colori`, its `imagei` and a `vec2` uniform `<vector>i`.
    private static func planeHeader(targets: Int, vector: String) -> String {
        """
        #version 330 core
        #define TARGETS \(targets)
        in vec2 screenUV;
        layout(location = 0) out vec4 color0;
        uniform sampler2D image0;
        uniform vec2 \(vector)0;
        #if TARGETS == 2
        layout(location = 1) out vec4 color1;
        uniform sampler2D image1;
        uniform vec2 \(vector)1;
        #endif

        """
    }

    /// One direction of a separable Gaussian on the shrunk planes, over one image or two at once (each its own
    /// kernel), as `shrinkFragment`. A discrete Gaussian over ±2 texels (±4 with `wide`) whose neighbour pairs
    /// (1, 2) and (3, 4) are each one bilinear read placed between the two texels by their weights: every texel
    /// counts, for 3 (or 5) reads instead of 5 (or 9). Per plane `i`: `texeli` one texel along the direction,
    /// `neari` = (centre weight, pair weight, pair offset in texels), `fari` the same for the outer pair.
    static func gaussianFragment(targets: Int, wide: Bool) -> String {
        planeHeader(targets: targets, vector: "texel") + """
        #define WIDE \(wide ? 1 : 0)
        uniform vec3 near0;
        uniform vec2 far0;
        #if TARGETS == 2
        uniform vec3 near1;
        uniform vec2 far1;
        #endif
        vec4 blur(sampler2D image, vec2 texel, vec3 near, vec2 far) {
            vec4 sum = texture(image, screenUV) * near.x
                + (texture(image, screenUV + near.z * texel) + texture(image, screenUV - near.z * texel)) * near.y;
        #if WIDE
            sum += (texture(image, screenUV + far.y * texel) + texture(image, screenUV - far.y * texel)) * far.x;
        #endif
            return sum;
        }
        void main() {
            color0 = blur(image0, texel0, near0, far0);
        #if TARGETS == 2
            color1 = blur(image1, texel1, near1, far1);
        #endif
        }
        """
    }

    /// The scene: each pixel's point on the FG and BG planes (interpolated, see `compositeVertex(shaded:)`), depth-of-field
    /// mix, luminance key; debug overlays. Compiled per `CompositeVariant` (flat or 3D, debug, which textures each
    /// plane samples), so a frame runs only the code and texture reads it needs. The FG is read through a
    /// clamp-to-border sampler: off its plane it is transparent black, which the key lets the BG show through.
    static func compositeFragment(_ variant: CompositeVariant) -> String {
        """
    #version 330 core
    \(variant.fg.isComposited ? compositedHeader(shaded: variant.fg == .compositedShaded) : "")
    #define FLAT \(variant.flat ? 1 : 0)
    #define DEBUG_VIEW \(variant.debug ? 1 : 0)
    in vec2 fgUV;
    in vec2 bgUV;
    out vec4 color;
    uniform sampler2D bgSharp;
    uniform sampler2D bgBlurred;
    uniform sampler2D fgSharp;
    uniform sampler2D fgBlurred;
    uniform float bgBlurMix;
    uniform float fgBlurMix;
    uniform float focus01;
    uniform vec2 keyRange;
    uniform vec2 outputSize;

    float luma(vec3 c) { return dot(c, vec3(0.299, 0.587, 0.114)); }

    float outline(vec2 uv) {
        vec2 width = fwidth(uv) * 2.0;
        vec2 distanceToEdge = min(abs(uv), abs(uv - 1.0));
        vec2 near = step(distanceToEdge, width);
        return max(near.x, near.y) * step(-width.x, uv.x) * step(uv.x, 1.0 + width.x)
            * step(-width.y, uv.y) * step(uv.y, 1.0 + width.y);
    }

    void main() {
    #if FLAT || DEBUG_VIEW
        vec2 screen = gl_FragCoord.xy / outputSize;
    #endif
    #if FLAT
        // Pixel centres exactly, so the flat mix samples each input texel where it lies.
        vec2 fgAt = screen;
        vec2 bgAt = screen;
    #else
        vec2 fgAt = fgUV;
        vec2 bgAt = bgUV;
    #endif
        // Each plane's sharp picture, its blurred one, or both mixed (a blur fading in).
        \(planeRead("bg", variant.bg))
        \(planeRead("fg", variant.fg))
        float alpha = smoothstep(keyRange.x, keyRange.y, luma(fg));
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
        shown = mix(shown, vec3(1.0, 0.0, 1.0), outline(0.5 + (bgAt - 0.5) / 0.9));
        shown = mix(shown, vec3(0.0, 1.0, 0.2), outline(0.5 + (fgAt - 0.5) / 0.9));
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

extension CouplingShaders {
    /// What the scene needs to composite a MilkDrop 1 FG itself (`CompositeVariant.Sampling.composited`):
    /// gathers by channel, the canvas size, and the composite's weight — one for the picture, or with hue shading
    /// (`compositedShaded`) the two planes of weights that `compositeVertex(shaded: true)` interpolates.
    static func compositedHeader(shaded: Bool) -> String {
        """
        #extension GL_ARB_texture_gather : require
        #extension GL_ARB_gpu_shader5 : require
        uniform vec2 fgSize;
        \(shaded ? "in vec3 fgUpper;\nin vec3 fgLower;" : "uniform vec3 fgWeight;")
        """
    }

    /// The FG composited in the scene: the four canvas texels around the point (gathered per channel, off the
    /// canvas the border's black), each weighted and clamped as the layer's composite pass would store it, then
    /// filtered bilinearly — the picture of drawing the composite and reading it (to the 8-bit rounding of the
    /// stored picture, which is left out), without that full-size pass.
    static func compositedRead(shaded: Bool) -> String {
        """
        vec3 fgW = \(shaded ? "fgUV.y >= fgUV.x ? fgUpper : fgLower" : "fgWeight");
            vec2 fgCell = fract(fgAt * fgSize - 0.5);
            // textureGather's order: (left, top), (right, top), (right, bottom), (left, bottom).
            vec4 fgK = vec4((1.0 - fgCell.x) * fgCell.y, fgCell.x * fgCell.y, fgCell.x * (1.0 - fgCell.y),
                            (1.0 - fgCell.x) * (1.0 - fgCell.y));
            vec3 fg = vec3(dot(min(textureGather(fgSharp, fgAt, 0) * fgW.r, 1.0), fgK),
                           dot(min(textureGather(fgSharp, fgAt, 1) * fgW.g, 1.0), fgK),
                           dot(min(textureGather(fgSharp, fgAt, 2) * fgW.b, 1.0), fgK));
        """
    }

    /// The composite's read of `plane` ("fg" or "bg"): its sharp picture, its blurred one, or both mixed by its
    /// blur mix (a blur fading in), from `<plane>Sharp` / `<plane>Blurred` at `<plane>At` into `vec3 <plane>`.
    static func planeRead(_ plane: String, _ sampling: CompositeVariant.Sampling) -> String {
        let sharp = "texture(\(plane)Sharp, \(plane)At).rgb", blurred = "texture(\(plane)Blurred, \(plane)At).rgb"
        switch sampling {
        case .sharp: return "vec3 \(plane) = \(sharp);"
        case .blurred: return "vec3 \(plane) = \(blurred);"
        case .mixed: return "vec3 \(plane) = mix(\(sharp), \(blurred), \(plane)BlurMix);"
        case .composited: return compositedRead(shaded: false)
        case .compositedShaded: return compositedRead(shaded: true)
        }
    }
}

/// Which compositor program a frame needs: llvmpipe runs both sides of every branch, so the flat mix, the 3D
/// scene and the debug view, and each plane's sharp/blurred reads, are separate programs rather than branches.
struct CompositeVariant: Hashable, CaseIterable {
    /// What one plane reads.
    enum Sampling: CaseIterable {
        case sharp
        /// Sharp and blurred, mixed by the plane's blur mix (a blur fading in over its first two pixels).
        case mixed
        case blurred
        /// Sharp, composited from a MilkDrop 1 canvas in the scene pass with one weight (FG only).
        case composited
        /// As `composited`, the weight differing by corner (MilkDrop's hue shading).
        case compositedShaded

        /// What a plane's picture may be read as (the composited FG is a variant of `sharp`).
        static let pictures: [Sampling] = [.sharp, .mixed, .blurred]

        var isComposited: Bool { self == .composited || self == .compositedShaded }

        /// The reads for a blur mix (0 = none, 1 = full).
        init(blurMix: Float) {
            self = blurMix <= 0 ? .sharp : blurMix >= 1 ? .blurred : .mixed
        }
    }

    var flat: Bool
    var debug: Bool
    var fg: Sampling
    var bg: Sampling

    /// The program for a frame: the debug view of the 3D scene mixes both pictures of each plane by uniforms
    /// (its key inset reads the sharp FG), the other views read what each plane's blur mix needs.
    init(pose: CouplingPose, mode: CouplingMode, mixes: (fg: Float, bg: Float)) {
        let debug = mode == .debug
        flat = pose.flat
        self.debug = debug
        fg = debug && !pose.flat ? .mixed : .init(blurMix: mixes.fg)
        bg = debug && !pose.flat ? .mixed : .init(blurMix: mixes.bg)
    }

    init(flat: Bool, debug: Bool, fg: Sampling, bg: Sampling) {
        self.flat = flat
        self.debug = debug
        self.fg = fg
        self.bg = bg
    }

    /// The flat mix, the debug view (both planes mixed by uniforms) and every 3D combination.
    static var allCases: [CompositeVariant] {
        var all = [CompositeVariant(flat: true, debug: false, fg: .sharp, bg: .sharp),
                   CompositeVariant(flat: false, debug: true, fg: .mixed, bg: .mixed),
                   CompositeVariant(flat: true, debug: true, fg: .sharp, bg: .sharp)]
        for fg in Sampling.pictures {
            for bg in Sampling.pictures { all.append(CompositeVariant(flat: false, debug: false, fg: fg, bg: bg)) }
        }
        return all
    }

    /// The variants with the FG composited in the scene, shaded or not: the flat mix and the 3D scene over each
    /// BG sampling.
    static var compositedCases: [CompositeVariant] {
        [Sampling.composited, .compositedShaded].flatMap { fg in
            [CompositeVariant(flat: true, debug: false, fg: fg, bg: .sharp)]
                + Sampling.pictures.map { CompositeVariant(flat: false, debug: false, fg: fg, bg: $0) }
        }
    }

    /// This variant with the FG composited in the scene (`shaded`: weights differing by corner), when it reads
    /// the FG sharp and is not the debug view.
    func composited(shaded: Bool) -> CompositeVariant? {
        guard fg == .sharp, !debug else { return nil }
        return CompositeVariant(flat: flat, debug: false, fg: shaded ? .compositedShaded : .composited, bg: bg)
    }
}
