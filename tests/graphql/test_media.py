"""Product media: the documented batch import (`createMediaBatch` / `mediaBatch`), images
served back over HTTP in every size, media on products, variants and displays, deleting."""

from __future__ import annotations

import base64
import json
import time

from mockcentra.domain.media.images import sniff, solid_png
from mockcentra.testing import CentraClient
from tests.graphql._catalog_setup import create_variant

CREATE = """mutation($items: [ProductMediaBatchInput!]!) {
  createMediaBatch(input: {productMedia: $items}) { queueId userErrors { message path } } }"""
STATUS = """query($q: String!) { mediaBatch(queueId: $q) { queueId status
  productMedia { productId variantId mediaType url key completed error productMedia { id } } } }"""
MEDIA = """query($id: Int!) { product(id: $id) {
  media { id metaDataJSON productVariant { id }
    source(sizeName: "standard") { mediaSize { name quality maxWidth maxHeight } url mimeType type width height }
    sources { mediaSize { name } } }
  variants { id media { id } } } }"""


def data_url(width: int, height: int, rgb: tuple[int, int, int]) -> str:
    return "data:image/png;base64," + base64.b64encode(solid_png(width, height, rgb)).decode()


def batch(centra: CentraClient, *items: dict) -> dict:
    return centra.graphql(CREATE, {"items": list(items)}).payload("createMediaBatch")


def status(centra: CentraClient, queue_id: str) -> dict:
    return centra.graphql(STATUS, {"q": queue_id}).payload("mediaBatch")


def test_a_batch_imports_images_onto_a_product_and_its_variant(centra: CentraClient):
    variant = create_variant(centra, sizes=("S",), number="MED-1")
    red, blue = data_url(40, 30, (255, 0, 0)), data_url(20, 10, (0, 0, 255))

    queued = batch(
        centra,
        {
            "productId": variant.product_id,
            "variantId": variant.id,
            "url": red,
            "metaDataJSON": '{"shot": "front", "rank": 1}',
        },
        {"productId": variant.product_id, "url": blue},
    )

    assert queued["userErrors"] == []
    done = status(centra, queued["queueId"])
    assert done["status"] == "COMPLETED"
    assert [(i["completed"], i["error"], i["mediaType"]) for i in done["productMedia"]] == [
        (True, None, "IMAGE"),
        (True, None, "IMAGE"),
    ]
    product = centra.graphql(MEDIA, {"id": variant.product_id}).payload("product")
    first, second = product["media"]
    assert first["productVariant"] == {"id": variant.id}
    assert second["productVariant"] is None
    assert first["source"]["mediaSize"] == {
        "name": "standard",
        "quality": 85,
        "maxWidth": 1200,
        "maxHeight": 1600,
    }
    assert (first["source"]["width"], first["source"]["height"]) == (40, 30)
    assert first["source"]["mimeType"] == "image/png" and first["source"]["type"] == "image"
    assert [s["mediaSize"]["name"] for s in first["sources"]] == ["standard", "thumb", "full"]
    meta = json.loads(first["metaDataJSON"])
    assert meta["shot"] == "front" and meta["rank"] == 1
    assert (meta["originalWidth"], meta["originalHeight"]) == (40, 30)
    assert meta["originalUrl"] == red and len(meta["originalSha1"]) == 40
    assert product["variants"] == [{"id": variant.id, "media": [{"id": first["id"]}]}]
    assert done["productMedia"][0]["productMedia"] == {"id": first["id"]}
    assert done["productMedia"][0]["key"] == first["source"]["url"].rsplit("/", 1)[1]


def test_images_are_served_back_in_every_size(centra: CentraClient):
    variant = create_variant(centra, sizes=("S",), number="MED-2")
    batch(centra, {"productId": variant.product_id, "url": data_url(12, 8, (1, 2, 3))})
    url = centra.graphql(MEDIA, {"id": variant.product_id}).payload("product")["media"][0][
        "source"
    ]["url"]
    path = url.removeprefix("http://mockcentra")

    served = centra.get(path)
    thumb = centra.get(path.replace("/standard/", "/thumb/"))
    unknown_size = centra.get(path.replace("/standard/", "/huge/"))
    unknown_file = centra.get("/media/images/standard/nothing.png")

    assert served.status_code == 200 and served.headers["content-type"] == "image/png"
    assert served.content == solid_png(12, 8, (1, 2, 3))
    assert thumb.content == served.content
    assert (unknown_size.status_code, unknown_file.status_code) == (404, 404)
    info = sniff(served.content)
    assert info is not None and (info.width, info.height) == (12, 8)


def test_refused_batches_queue_nothing(centra: CentraClient):
    variant = create_variant(centra, sizes=("S",), number="MED-3")
    other = create_variant(centra, sizes=("S",), number="MED-4")
    image = data_url(2, 2, (9, 9, 9))
    cases = [
        (
            {"productId": 999999, "url": image},
            "Could not find Product with ID 999999.",
            ["input", "productMedia", "1", "productId"],
        ),
        (
            {"productId": variant.product_id, "variantId": other.id, "url": image},
            f"Product variant {other.id} does not belong to product {variant.product_id}.",
            ["input", "productMedia", "1", "variantId"],
        ),
        (
            {"productId": variant.product_id, "url": "ftp://example.com/a.png"},
            "URL ftp://example.com/a.png must be an http, https or data URL.",
            ["input", "productMedia", "1", "url"],
        ),
        (
            {"productId": variant.product_id, "url": image, "metaDataJSON": "[1, 2]"},
            "metaDataJSON must be a JSON object.",
            ["input", "productMedia", "1", "metaDataJSON"],
        ),
    ]
    for bad, message, path in cases:
        result = batch(centra, {"productId": variant.product_id, "url": image}, bad)
        assert result == {"queueId": None, "userErrors": [{"message": message, "path": path}]}
    too_many = batch(centra, *[{"productId": variant.product_id, "url": image}] * 101)
    assert too_many["userErrors"] == [
        {
            "message": "A media batch takes at most 100 images, not 101.",
            "path": ["input", "productMedia"],
        }
    ]
    assert centra.graphql(MEDIA, {"id": variant.product_id}).payload("product")["media"] == []


def test_an_item_that_is_not_an_image_fails_alone(centra: CentraClient):
    variant = create_variant(centra, sizes=("S",), number="MED-5")
    text = "data:text/plain;base64," + base64.b64encode(b"not a picture").decode()

    queued = batch(
        centra,
        {"productId": variant.product_id, "url": text},
        {"productId": variant.product_id, "url": data_url(3, 3, (0, 0, 0))},
    )
    only_text = batch(centra, {"productId": variant.product_id, "url": text})

    result = status(centra, queued["queueId"])
    assert result["status"] == "COMPLETED"
    assert [i["error"] for i in result["productMedia"]] == [
        "The file is not a PNG, JPEG or GIF image.",
        None,
    ]
    assert status(centra, only_text["queueId"])["status"] == "FAILED"
    assert len(centra.graphql(MEDIA, {"id": variant.product_id}).payload("product")["media"]) == 1


def test_urls_elsewhere_are_downloaded_after_the_mutation(centra: CentraClient, centra_server):
    # Given an image only reachable over HTTP (a swatch the running server draws)
    variant = create_variant(centra, sizes=("S",), number="MED-6")
    remote = f"{centra_server.url}/media/swatches/336699.png"
    missing = f"{centra_server.url}/media/images/standard/missing.png"
    # When a batch names it
    queued = batch(
        centra,
        {"productId": variant.product_id, "url": remote},
        {"productId": variant.product_id, "url": missing},
    )
    # Then the batch completes once the download is done
    deadline = time.monotonic() + 30
    result = status(centra, queued["queueId"])
    while result["status"] == "PENDING" and time.monotonic() < deadline:
        time.sleep(0.2)
        result = status(centra, queued["queueId"])
    assert result["status"] == "COMPLETED"
    assert result["productMedia"][0]["error"] is None
    assert result["productMedia"][1]["error"] == f"Downloading {missing} answered HTTP 404."
    media = centra.graphql(MEDIA, {"id": variant.product_id}).payload("product")["media"]
    assert [(m["source"]["width"], m["source"]["height"]) for m in media] == [(50, 50)]


def test_displays_show_chosen_media_in_order_and_deleting_removes_it(centra: CentraClient):
    # Given the demo's display 2, whose product has pictures
    display = centra.graphql("{ display(id: 2) { product { id media { id } } media { id } } }")
    shown = display.payload("display")
    media_ids = [m["id"] for m in shown["product"]["media"]]
    assert [m["id"] for m in shown["media"]] == media_ids and len(media_ids) >= 2
    first, second = media_ids[0], media_ids[1]
    # When the second is moved before the first, and then the first deleted
    moved = centra.graphql(
        """mutation($a: Int!, $b: Int!) { updateDisplay(id: 2, input: {addProductMedia: [
          {productMedia: {id: $b}, before: {id: $a}}]}) { userErrors { message } userWarnings { message }
          display { media { id } } } }""",
        {"a": first, "b": second},
    ).ok("updateDisplay")
    deleted = centra.graphql(
        "mutation($id: Int!) { deleteProductMedia(id: $id) { userErrors { message } } }",
        {"id": first},
    ).payload("deleteProductMedia")
    # Then the display's order changed, and the deleted picture left product and display
    assert [m["id"] for m in moved["display"]["media"]][:2] == [second, first]
    assert moved["userWarnings"] == []
    assert deleted == {"userErrors": []}
    after = centra.graphql("{ display(id: 2) { product { media { id } } media { id } } }")
    assert first not in [m["id"] for m in after.payload("display")["media"]]
    assert first not in [m["id"] for m in after.payload("display")["product"]["media"]]


def test_a_display_shows_only_its_own_products_media(centra: CentraClient):
    other = centra.graphql("{ display(id: 3) { product { media { id } } } }").payload("display")
    foreign = other["product"]["media"][0]["id"]
    before = centra.graphql("{ display(id: 2) { media { id } } }").payload("display")

    refused = centra.graphql(
        """mutation($m: Int!) { updateDisplay(id: 2, input: {name: "Renamed",
          addProductMedia: [{productMedia: {id: $m}}]}) { userErrors { message path } } }""",
        {"m": foreign},
    ).payload("updateDisplay")

    assert refused["userErrors"][0]["path"] == ["input", "addProductMedia", "0", "productMedia"]
    assert refused["userErrors"][0]["message"].startswith(
        f"Product media {foreign} belongs to product"
    )
    assert centra.graphql("{ display(id: 2) { name media { id } } }").payload("display") == {
        "name": centra.graphql("{ display(id: 2) { name } }").payload("display")["name"],
        "media": before["media"],
    }
