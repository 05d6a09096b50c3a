"""The protocol around permissions and deprecations: `deprecatedPermissionsUsed`,
`deprecatedFieldsUsed`, and the read permissions Centra reports on mutation payloads."""

from __future__ import annotations

from mockcentra.testing import CentraClient

PRODUCT_GROUPS = "{ product(id: 1) { id brand { name } collection { name } folder { name } } }"


def token(centra: CentraClient, name: str, *permissions: str) -> str:
    made = centra.post("/_mock/tokens", json={"token": name, "permissions": list(permissions)})
    assert made.status_code == 201
    return name


def test_a_renamed_permission_is_reported_with_its_current_name(centra: CentraClient) -> None:
    result = centra.graphql("{ product(id: 1) { id brand { name } } }")

    assert result.errors == []
    assert result.payload("product") == {"id": 1, "brand": {"name": "Base Brand"}}
    assert result.extensions["permissionsUsed"] == [
        "Product:read",
        "Brand:read",
        "Product.Brand:read",
    ]
    assert result.extensions["deprecatedPermissionsUsed"] == [
        "Field: Product.brand, deprecated: Product.Brand:read, current: Brand:read"
    ]
    assert list(result.extensions) == [
        "complexity",
        "permissionsUsed",
        "deprecatedPermissionsUsed",
        "appVersion",
    ]


def test_a_token_with_only_the_old_permission_names_still_reads(centra: CentraClient) -> None:
    old = token(
        centra,
        "old-names",
        "Product:read",
        "Product.Brand:read",
        "Product.Collection:read",
        "Product.Folder:read",
    )
    new = token(centra, "new-names", "Product:read", "Brand:read", "Collection:read", "Folder:read")

    with_old = centra.graphql(PRODUCT_GROUPS, token=old)
    with_new = centra.graphql(PRODUCT_GROUPS, token=new)

    expected = {
        "id": 1,
        "brand": {"name": "Base Brand"},
        "collection": {"name": "AW21"},
        "folder": {"name": "Accessories"},
    }
    assert with_old.errors == [] and with_new.errors == []
    assert with_old.payload("product") == expected
    assert with_new.payload("product") == expected
    assert with_old.extensions["deprecatedPermissionsUsed"] == [
        "Field: Product.brand, deprecated: Product.Brand:read, current: Brand:read",
        "Field: Product.collection, deprecated: Product.Collection:read, current: Collection:read",
        "Field: Product.folder, deprecated: Product.Folder:read, current: Folder:read",
    ]


def test_a_token_with_neither_name_is_told_the_current_one(centra: CentraClient) -> None:
    reader = token(centra, "products-only", "Product:read")

    result = centra.graphql("{ product(id: 1) {\n  id\n  brand { name }\n} }", token=reader)

    assert result.errors == [
        {
            "message": "You need Brand:read permission to access brand.",
            "extensions": {"category": "authorization"},
            "locations": [{"line": 3, "column": 3}],
            "path": ["product", "brand"],
        }
    ]
    assert result.body["data"] == {"product": {"id": 1, "brand": None}}


def test_no_deprecation_lists_without_deprecated_use(centra: CentraClient) -> None:
    result = centra.graphql("{ product(id: 1) { id name } }")

    assert list(result.extensions) == ["complexity", "permissionsUsed", "appVersion"]


def test_a_deprecated_field_is_reported_with_its_reason(centra: CentraClient) -> None:
    result = centra.graphql(
        "{ productSizes(limit: 1) { GTIN EAN } sizeCharts(limit: 1) { isEnabled } }"
    )

    assert result.errors == []
    assert result.extensions["deprecatedFieldsUsed"] == [
        "Field: ProductSize.GTIN, reason: Use EAN.",
        "Field: SizeChart.isEnabled, reason: Always true.",
    ]
    assert "deprecatedPermissionsUsed" not in result.extensions


def test_a_deprecated_field_in_a_fragment_is_reported_once(centra: CentraClient) -> None:
    query = """
    query { productSizes(limit: 2) { ...codes } more: productSizes(limit: 1) { ...codes } }
    fragment codes on ProductSize { GTIN }
    """

    result = centra.graphql(query)

    assert result.extensions["deprecatedFieldsUsed"] == [
        "Field: ProductSize.GTIN, reason: Use EAN."
    ]


CREATE_FOLDER = """mutation { createFolder(input: {name: "Outlet", parent: null}) {
  folder { id name isTopFolder } } }"""
CREATE_BRAND = """mutation { createBrand(input: {name: "Coast", uri: "coast"}) {
  brand { id name } userErrors { message path } } }"""
CREATE_COLLECTION = """mutation { createCollection(input: {name: "SS27", status: ACTIVE}) {
  collection { id name status } userErrors { message path } } }"""


def test_create_payloads_report_the_read_permission_of_what_they_return(
    centra: CentraClient,
) -> None:
    folder = centra.graphql(CREATE_FOLDER)
    brand = centra.graphql(CREATE_BRAND)
    collection = centra.graphql(CREATE_COLLECTION)

    assert folder.extensions["permissionsUsed"] == ["Folder:write", "Folder:read"]
    assert brand.extensions["permissionsUsed"] == ["Brand:write", "Brand:read"]
    assert collection.extensions["permissionsUsed"] == ["Collection:write", "Collection:read"]
    assert folder.ok("createFolder")["folder"]["name"] == "Outlet"
    assert brand.ok("createBrand")["brand"]["name"] == "Coast"
    assert collection.ok("createCollection")["collection"]["status"] == "ACTIVE"


def test_creating_a_brand_without_brand_write_creates_nothing(centra: CentraClient) -> None:
    reader = token(centra, "brand-reader", "Brand:read")
    before = centra.graphql("{ brands { id } }").payload("brands")

    refused = centra.graphql(CREATE_BRAND, token=reader)

    assert refused.errors[0]["message"] == "You need Brand:write permission to access createBrand."
    assert refused.extensions["permissionsUsed"] == ["Brand:write", "Brand:read"]
    assert centra.graphql("{ brands { id } }").payload("brands") == before


UPDATE_WINDOW = """mutation($id: Int!) { updateDeliveryWindow(id: $id, input: {name: "Renamed"}) {
  userErrors { message path }
  deliveryWindow { id name markets { id } campaigns { id } allocationRule { id }
    deliveryWindowVariants { type product { id name } } } } }"""


def test_delivery_window_updates_report_no_product_permission(centra: CentraClient) -> None:
    made = centra.graphql(
        """mutation { createDeliveryWindow(input: {name: "Spring", status: ACTIVE,
        defaultVariantDeliveryType: STOCK, allocationRule: {id: 1}, markets: [{id: 2}],
        atOnce: {daysFromNow: 0, selectableDate: true}}) {
        userErrors { message path } deliveryWindow { id } } }"""
    )
    window = made.ok("createDeliveryWindow")["deliveryWindow"]["id"]

    result = centra.graphql(UPDATE_WINDOW, {"id": window})

    assert made.extensions["permissionsUsed"] == ["DeliveryWindow:write", "DeliveryWindow:read"]
    assert result.ok("updateDeliveryWindow")["deliveryWindow"]["name"] == "Renamed"
    assert result.extensions["permissionsUsed"] == [
        "DeliveryWindow:write",
        "DeliveryWindow:read",
        "Market:read",
        "Campaign:read",
        "AllocationRule:read",
    ]


def test_removal_dates_are_those_announced(centra: CentraClient) -> None:
    result = centra.graphql(
        """{ displays(limit: 1) { localized { language { code } } }
             stockChanges(limit: 1) { id } }"""
    )

    assert result.errors == []
    assert result.extensions["deprecatedFieldsUsed"] == [
        "Field: Display.localized, reason: Use ObjectWithTranslations.translations instead of "
        "Localizable., date of removal: 2023-09-04",
        "Field: Query.stockChanges, reason: Use stockChangeConnection; this plain list is "
        "removed in the next release., date of removal: 2027-06-30",
    ]


def test_stock_changes_and_order_customers_take_old_and_new_names(
    centra: CentraClient,
) -> None:
    old = token(centra, "old-erp", "WarehouseDelivery:read", "Order:read", "Purchaser:read")
    new = token(centra, "new-erp", "StockChange:read", "Order:read", "Customer:read")
    query = """{ stockChangeConnection(first: 1) { totalCount }
      orders(limit: 1) { ... on DirectToConsumerOrder { customer { id } } } }"""

    with_old = centra.graphql(query, token=old)
    with_new = centra.graphql(query, token=new)

    assert with_old.errors == [] and with_new.errors == []
    assert with_old.body["data"] == with_new.body["data"]
    assert with_new.extensions["deprecatedPermissionsUsed"] == [
        "Field: Query.stockChangeConnection, deprecated: WarehouseDelivery:read, "
        "current: StockChange:read",
        "Field: DirectToConsumerOrder.customer, deprecated: Purchaser:read, current: Customer:read",
    ]
