"""`rateLimits`: the token's rate limit buckets, as Centra reports them (no permission needed).

The request asking is already charged, so a fresh token sees `usedQuota: 1` on the request
counts. With rate limiting off the answer is Centra's default plan with nothing used.
"""

from enum import Enum

import strawberry
from strawberry.types import Info

from mockcentra.graphql.permissions import field


@strawberry.enum
class RateLimitType(Enum):
    REQUEST_COUNT = "REQUEST_COUNT"
    QUERY_COMPLEXITY = "QUERY_COMPLEXITY"
    MUTATION_COUNT = "MUTATION_COUNT"


@strawberry.enum
class RateLimitInterval(Enum):
    TEN_SECONDS = "TEN_SECONDS"
    ONE_HOUR = "ONE_HOUR"


@strawberry.type
class RateLimit:
    type: RateLimitType
    interval_seconds: RateLimitInterval = strawberry.field(
        description="The bucket's window: an enum, not a number of seconds."
    )
    quota: int
    used_quota: int
    remaining_quota: int


@strawberry.type
class Query:
    @field(permission="")
    def rate_limits(self, info: Info) -> list[RateLimit]:
        runtime = info.context.runtime
        rows = runtime.rate_limits.report(info.context.token, runtime.clock.now())
        return [
            RateLimit(
                type=RateLimitType(row["type"]),
                interval_seconds=RateLimitInterval(row["intervalSeconds"]),
                quota=row["quota"],
                used_quota=row["usedQuota"],
                remaining_quota=row["remainingQuota"],
            )
            for row in rows
        ]
