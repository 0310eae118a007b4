// AudioInput: see docs/architecture.md.
