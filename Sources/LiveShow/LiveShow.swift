// The LiveShow stage; see docs/architecture.md. Placeholder until its first real file lands.
