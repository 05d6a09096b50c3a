"""Webhooks: the "Centra Webhook" plugin. Outbox rows written with each change are formed into
signed form-encoded batches and POSTed after commit by a background task, with retries."""
