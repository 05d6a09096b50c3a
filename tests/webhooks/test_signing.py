"""The wire format and signature of webhooks, against Centra's documented values."""

from mockcentra.webhooks import signing

DOC_BODY = "payload=%7B%22x%22%3A%22test%22%7D"
DOC_SIGNATURE = "0b9cd84f5d583e5e1aadfb9f160aa8080b51d5b85ff85808d6b75bdac356c549"


def test_documented_test_vector_reproduces() -> None:
    assert signing.signature("test123", 12345678, DOC_BODY) == DOC_SIGNATURE
    assert (
        signing.signature_header("test123", 12345678, DOC_BODY) == f"t=12345678,v1={DOC_SIGNATURE}"
    )


def test_body_encodes_like_the_captured_real_request() -> None:
    assert signing.encode_body({"x": "test"}) == DOC_BODY
    assert (
        signing.encode_body({"products": ["1"]}) == "payload=%7B%22products%22%3A%5B%221%22%5D%7D"
    )


def test_body_uses_uri_component_encoding() -> None:
    body = signing.encode_body({"a": "b c!*'()~"})

    assert body == "payload=%7B%22a%22%3A%22b%20c!*'()~%22%7D"
    assert signing.decode_body(body) == {"a": "b c!*'()~"}


def test_verify_accepts_the_documented_header_and_rejects_tampering() -> None:
    header = f"t=12345678,v1={DOC_SIGNATURE}"

    assert signing.verify("test123", header, DOC_BODY)
    assert not signing.verify("wrong", header, DOC_BODY)
    assert not signing.verify("test123", header, DOC_BODY.replace("test", "best"))
    assert not signing.verify("test123", "t=12345679,v1=" + DOC_SIGNATURE, DOC_BODY)
    assert not signing.verify("test123", None, DOC_BODY)
    assert not signing.verify("test123", "garbage", DOC_BODY)


def test_verify_with_tolerance_rejects_stale_timestamps() -> None:
    header = f"t=12345678,v1={DOC_SIGNATURE}"

    assert signing.verify("test123", header, DOC_BODY, now=12345678 + 300, tolerance=300)
    assert not signing.verify("test123", header, DOC_BODY, now=12345678 + 301, tolerance=300)


def test_header_parsing_splits_on_comma_then_equals() -> None:
    assert signing.parse_header("t=1676025421,v1=fd2f") == {"t": "1676025421", "v1": "fd2f"}
