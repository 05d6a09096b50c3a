"""The control plane under /_mock: health, reset, snapshots, clock, tokens."""
