// PresetCompilation: see docs/architecture.md.
