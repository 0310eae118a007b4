#!/usr/bin/env bash
# Fuzzes the MilkDrop 2 shader translator (HLSL → GLSL) with libFuzzer, from real shaders and token soup.
#
#   Scripts/fuzz-shader.sh [SECONDS] [PRESET_DIR] [SEED]
#
# Builds ShaderTranslation with -sanitize=fuzzer into .build/fuzz-shader, links Scripts/fuzz/ShaderFuzz.swift against
# it, and runs libFuzzer for SECONDS (default 60, with SEED, default 1) on mutations of: the warp and comp shaders of
# every 5th MD2 preset of PRESET_DIR (default the Debian projectM presets), and 40 seeded "token soup" files of random
# HLSL tokens. libFuzzer's dictionary (HLSL keywords, intrinsics, MilkDrop names, punctuation) makes its mutations
# insert whole tokens too. A crash or a hang (10 s) stops the run and leaves the input in .build/fuzz-shader/artifacts.
# Prints libFuzzer's final stats (stat::number_of_executed_units / SECONDS = inputs per second). Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
presets="${2:-/usr/share/projectM/presets}"
seed="${3:-1}"
out=.build/fuzz-shader

swift build -c release --target ShaderTranslation --scratch-path "$out" -Xswiftc -sanitize=fuzzer >/dev/null
swiftc -O -sanitize=fuzzer -parse-as-library -I "$out/release/Modules" \
    Scripts/fuzz/ShaderFuzz.swift "$out"/release/ShaderTranslation.build/*.o -o "$out/shader-fuzz"

seeds="$out/seeds"
rm -rf "$seeds" && mkdir -p "$seeds" "$out/artifacts" "$out/corpus"
if [ -d "$presets" ]; then
    # Each shader of the chosen presets as its own seed: `warp_N=`/`comp_N=` lines without key and backtick.
    grep -rlE --include='*.milk' '^(warp|comp)_1=' "$presets" | sort | awk 'NR % 5 == 0' |
        while IFS= read -r file; do
            name=$(printf '%s' "$file" | md5sum | cut -c1-16)
            for stage in warp comp; do
                grep -aE "^${stage}_[0-9]+=" "$file" | sed -E 's/^[a-z]+_[0-9]+=`?//' > "$seeds/$name.$stage.hlsl" || true
                [ -s "$seeds/$name.$stage.hlsl" ] || rm -f "$seeds/$name.$stage.hlsl"
            done
        done
fi

# The dictionary: tokens libFuzzer may insert or splice.
dict="$out/hlsl.dict"
tokens=(shader_body ret uv uv_orig rad ang float float2 float3 float4 float4x3 float2x2 half3 int bool sampler
    sampler2D sampler3D sampler_state static const uniform in out inout if else for while do return break
    continue discard tex2D tex3D tex2Dlod lerp saturate frac fmod atan2 mul pow sqrt log normalize dot length sincos
    modf clip GetBlur1 GetPixel lum sampler_main sampler_fc_main sampler_noise_lq sampler_noisevol_hq sampler_rand00
    texsize_noise_lq time q1 q32 _qa rot_s1 aspect '#define' '#if' '#ifdef' '#else' '#endif' '#undef'
    '{' '}' '(' ')' '[' ']' ';' ',' '.' '.xyz' '.x' '=' '+=' '/=' '%' '?' ':' '==' '<' '&&' '++' '1' '0.5' '2.0f')
printf '"%s"\n' "${tokens[@]}" > "$dict"

# Token soup: random token sequences, some wrapped in shader_body { }, reproducible from SEED.
awk -v seed="$seed" -v out="$seeds" -v list="${tokens[*]}" 'BEGIN {
    srand(seed); n = split(list, t, " ")
    for (f = 0; f < 40; f++) {
        file = sprintf("%s/soup%02d.hlsl", out, f)
        body = ""
        for (i = 0; i < 20 + int(rand() * 200); i++) body = body t[1 + int(rand() * n)] (rand() < 0.2 ? "\n" : " ")
        if (f % 2 == 0) body = "shader_body {\n" body "\n}"
        printf "%s\n", body > file
        close(file)
    }
}'
# Hand-written seeds for what once broke: doubling macros (a hang before the expansion cap).
printf '#define M0 1\n#define M1 (M0+M0)\n#define M2 (M1+M1)\n#define M3 (M2+M2)\nshader_body { ret = M3; }\n' > "$seeds/macros.hlsl"
printf '#define D(x) x x\n#define A B\n#define B A\nshader_body { ret = D(D(A)); }\n' > "$seeds/macro-args.hlsl"
echo "seeds: $(ls "$seeds" | wc -l) files; fuzzing for ${seconds}s (seed $seed)" >&2

SWIFT_BACKTRACE=enable=no "$out/shader-fuzz" "$out/corpus" "$seeds" -dict="$dict" -seed="$seed" \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$out/artifacts/" \
    -print_final_stats=1
