"""What an order's payment method URI stands for: the method's plugin and name.

An order stores the URI of the payment method it was paid with. The mock PSP's methods
(`psp.METHODS`) run the `dummy` plugin; any other URI (wholesale `invoice`, `external`, or the
PSP an imported order names) stands for a method whose plugin and name are the URI itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from mockcentra.domain.payments import psp

#: The plugin the mock PSP's methods run.
MOCK_PLUGIN = "dummy"


@dataclass(frozen=True)
class PaymentMethod:
    """A payment plugin instance: `uri` names it, `plugin` is the plugin it runs."""

    uri: str
    plugin: str
    name: str


def payment_method(uri: str) -> PaymentMethod:
    """The method behind an order's payment method URI."""
    name = psp.method_name(uri)
    if name is not None:
        return PaymentMethod(uri=uri, plugin=MOCK_PLUGIN, name=name)
    return PaymentMethod(uri=uri, plugin=uri, name=uri)
