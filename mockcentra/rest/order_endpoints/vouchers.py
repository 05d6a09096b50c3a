"""The Order API's voucher handlers: show a voucher, clone one."""

from __future__ import annotations

from typing import Any

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.vouchers import actions as vouchers
from mockcentra.domain.vouchers import queries as voucher_queries
from mockcentra.rest.order_endpoints.endpoint import Call
from mockcentra.rest.order_models.vouchers import CloneVoucherRequest, VoucherIdPath
from mockcentra.rest.order_serializers.shapes import Shapes
from mockcentra.rest.order_serializers.vouchers import shape_voucher
from mockcentra.storage.uow import UnitOfWork


def get_voucher(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    """`GET vouchers/<id>`: Centra documents no usage counter, so none is shown here either."""
    path: VoucherIdPath = call.path
    row = voucher_queries.find_voucher(uow.session, path.id)
    if row is None:
        raise DomainError(ErrorCode.NOT_FOUND, "Voucher not found", ["voucher"])
    return {"voucher": shape_voucher(shapes, voucher_queries.voucher_facts(uow.session, row))}


def clone_voucher(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    """`PUT voucher/<id>/clone`: `stopDate` is checked before the voucher is looked up (the
    body is read before the path)."""
    body: CloneVoucherRequest = call.body
    path: VoucherIdPath = call.path
    clone = vouchers.clone_voucher(
        uow,
        path.id,
        stop_date=body.stopDate,
        name=body.name,
        code=body.code,
        conversion_html=body.conversionHtml,
    )
    return {"voucher": clone.id, "code": clone.code or ""}
