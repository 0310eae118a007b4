// AudioAnalysis: see docs/architecture.md.
