// HUD: see docs/architecture.md.
