// swift-tools-version:6.0
// The dependency graph is the architecture: see docs/architecture.md.
import PackageDescription

/// A system library behind a one-line shim header, found with pkg-config and installed from Debian.
func cLibrary(_ name: String, pkgConfig: String, apt: [String]) -> Target {
    .systemLibrary(name: name, path: "Sources/\(name)", pkgConfig: pkgConfig, providers: [.apt(apt)])
}

let package = Package(
    name: "AIVJ",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "aivj", targets: ["aivj"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"4.0.0"),
    ],
    targets: [
        // C libraries, each behind its own shim.
        cLibrary("CSDL2", pkgConfig: "sdl2", apt: ["libsdl2-dev"]),
        cLibrary("CSDL2TTF", pkgConfig: "SDL2_ttf", apt: ["libsdl2-ttf-dev"]),
        cLibrary("CSDL2Image", pkgConfig: "SDL2_image", apt: ["libsdl2-image-dev"]),
        cLibrary("CALSA", pkgConfig: "alsa", apt: ["libasound2-dev"]),
        cLibrary("CFFTW", pkgConfig: "fftw3", apt: ["libfftw3-dev"]),
        cLibrary("CEGL", pkgConfig: "egl", apt: ["libegl-dev", "libegl-mesa0"]),
        cLibrary("CGL", pkgConfig: "opengl", apt: ["libgl-dev", "libopengl-dev"]),
        cLibrary("CPNG", pkgConfig: "libpng", apt: ["libpng-dev"]),
        cLibrary("CWebP", pkgConfig: "libwebp", apt: ["libwebp-dev"]),
        cLibrary("CSndfile", pkgConfig: "sndfile", apt: ["libsndfile1-dev"]),

        // Pipeline stages with no GL, SDL or ALSA.
        .target(name: "Determinism"),
        .target(name: "MilkExpression"),
        .target(name: "MilkPreset"),
        .target(name: "PresetCompilation", dependencies: ["MilkExpression", "MilkPreset", "Determinism"]),
        .target(name: "AudioAnalysis", dependencies: ["CFFTW", "Determinism"]),
        .target(name: "ShaderTranslation"),
        .target(name: "ScanFormat"),
        .target(name: "Selection", dependencies: ["MilkPreset", "AudioAnalysis", "Determinism", "ScanFormat"]),

        // Stages that own devices and GPU resources.
        .target(name: "AudioInput", dependencies: ["AudioAnalysis", "CALSA", "CSndfile"]),
        .target(name: "GraphicsCore", dependencies: ["CEGL", "CGL", "CSDL2", "CSDL2Image"]),
        .target(name: "Recording", dependencies: ["CPNG", "CWebP"]),
        .target(name: "HUD", dependencies: ["GraphicsCore", "CSDL2", "CSDL2TTF"]),
        .target(name: "MilkRenderer", dependencies: ["MilkPreset", "MilkExpression", "PresetCompilation", "AudioAnalysis", "GraphicsCore", "CGL", "Recording", "Determinism", "ShaderTranslation"]),
        .target(name: "LibraryScan", dependencies: [
            "ScanFormat", "MilkPreset", "MilkRenderer", "AudioAnalysis", "AudioInput", "Recording", "Determinism",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Coupling", dependencies: ["GraphicsCore", "CGL"]),
        .target(name: "LiveShow", dependencies: [
            "MilkPreset", "MilkRenderer", "Coupling", "Selection", "ScanFormat", "AudioAnalysis", "AudioInput",
            "GraphicsCore", "HUD", "Recording", "Determinism", "CGL", "CSDL2",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),

        // The command line: argument parsing and calls into the libraries, no logic of its own.
        .executableTarget(
            name: "aivj",
            dependencies: [
                "MilkExpression", "MilkPreset", "PresetCompilation", "AudioAnalysis", "AudioInput",
                "GraphicsCore", "Recording", "HUD", "MilkRenderer", "Selection", "ScanFormat", "ShaderTranslation",
                "LibraryScan", "Coupling", "LiveShow",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "DeterminismTests", dependencies: ["Determinism"]),
        .testTarget(name: "MilkExpressionTests", dependencies: ["MilkExpression"]),
        .testTarget(name: "MilkPresetTests", dependencies: ["MilkPreset"]),
        .testTarget(name: "PresetCompilationTests", dependencies: ["PresetCompilation"]),
        .testTarget(name: "AudioAnalysisTests", dependencies: ["AudioAnalysis", "Determinism"]),
        .testTarget(name: "ShaderTranslationTests", dependencies: ["ShaderTranslation", "MilkPreset"]),
        .testTarget(name: "AudioInputTests", dependencies: ["AudioInput"]),
        .testTarget(name: "GraphicsCoreTests", dependencies: ["GraphicsCore"]),
        .testTarget(name: "RecordingTests", dependencies: ["Recording"]),
        .testTarget(name: "HUDTests", dependencies: ["HUD"]),
        .testTarget(name: "MilkRendererTests", dependencies: ["MilkRenderer", "MilkPreset", "GraphicsCore", "Recording"]),
        .testTarget(name: "SelectionTests", dependencies: ["Selection", "AudioAnalysis", "Determinism", "ScanFormat"]),
        .testTarget(name: "ScanFormatTests", dependencies: ["ScanFormat"]),
        .testTarget(name: "LibraryScanTests", dependencies: ["LibraryScan", "ScanFormat"]),
        .testTarget(name: "CouplingTests", dependencies: ["Coupling", "GraphicsCore"]),
        .testTarget(name: "LiveShowTests", dependencies: ["LiveShow"]),
        .testTarget(name: "CommandLineTests", dependencies: ["aivj"]),
    ]
)
