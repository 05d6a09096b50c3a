"""Return.totals: the units and value a return gives back, and the tax inside them."""

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories

RETURN = """mutation($shipment: Int!, $line: Int!) { createReturn(input: {
  shipment: {id: $shipment}, lines: [{shipmentLine: {id: $line}, quantity: 1}],
  returnStockActionPolicy: {releaseItemsBackToWarehouse: true},
  shippingCost: {fromShipment: true} }) {
  userErrors { message path }
  return { grandTotal { value }
    totals { quantity lineValues { value } taxIncluded { value } taxAdded { value }
             taxDeducted { value } shipping { value } returnCost { value } } } } }"""


def test_return_totals_count_the_units_and_the_tax_in_what_is_given_back(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # Given a shipped order of 1 x 790.00 and 2 x 1 190.00 SEK (25 % VAT), 49.00 shipping
    first, second = centra_factories.sellable_items(min_free=3)[:2]
    placed = centra_factories.place_order([(first, 1), (second, 2)])
    shipment = centra_factories.ship(placed.number)

    # When one 1 190.00 unit comes back with the shipping refunded
    created = centra.graphql(
        RETURN, {"shipment": shipment["id"], "line": shipment["lines"][1]["id"]}
    ).payload("createReturn")

    # Then the return gives back 1 unit worth 1 190.00 plus 49.00 shipping, 247.80 of it tax
    assert created == {
        "userErrors": [],
        "return": {
            "grandTotal": {"value": 1239.0},
            "totals": {
                "quantity": 1,
                "lineValues": {"value": 1190.0},
                "taxIncluded": {"value": 247.8},
                "taxAdded": {"value": 0.0},
                "taxDeducted": {"value": 0.0},
                "shipping": {"value": 49.0},
                "returnCost": {"value": 0.0},
            },
        },
    }
