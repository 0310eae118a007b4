// MilkExpression: see docs/architecture.md.
