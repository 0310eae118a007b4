// GraphicsCore: see docs/architecture.md.
