// MilkPreset: see docs/architecture.md.
