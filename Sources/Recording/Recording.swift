// Recording: see docs/architecture.md.
