"""REST APIs: the Checkout API subset (storefront) and the Order API (server to server)."""
