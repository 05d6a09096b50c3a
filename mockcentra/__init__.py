"""mockcentra: a local, stateful stand-in for Centra's APIs."""

__version__ = "0.1.0"
APP_VERSION = f"mockcentra-{__version__}"
