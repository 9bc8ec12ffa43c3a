#!/usr/bin/env bash
# The README's API tour, against a running `formwright serve apps/customer-sentiment`.
# Usage: BASE=http://127.0.0.1:8080 TOKEN=... examples/requests/tour.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
api="$BASE/api/v1/apps/customer-sentiment"
auth=(-H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json")

# Anyone may send feedback: the public form answers with the new record's id only.
curl -sf -X POST "$api/forms/feedback/submissions" -H "Content-Type: application/json" --data @"$here/feedback.json"
echo

# Create a customer through the records API, then log a conversation through the form.
customer=$(curl -sf -X POST "$api/tables/customers/records" "${auth[@]}" --data @"$here/customer.json")
echo "$customer"
id=$(printf '%s' "$customer" | sed -E 's/^\{"id":"([^"]+)".*/\1/')
sed "s/CUSTOMER_ID/$id/" "$here/conversation.json" |
    curl -sf -X POST "$api/forms/log_conversation/submissions" "${auth[@]}" --data @-
echo

# Read the conversations back, one page of 10.
curl -sf "$api/tables/conversations/records?limit=10" "${auth[@]}"
echo

# A live form: what the form shows for a draft (visible, required, read-only, computed values).
curl -sf -X POST "$api/forms/log_conversation/evaluate" "${auth[@]}" --data '{"channel": "meeting"}'
echo

# A filter is a CEL condition over each record.
curl -sf -G "$api/tables/customers/records" "${auth[@]}" --data-urlencode "filter=region == 'east'"
echo

# Newest first, only conversations with a negative sentiment (those without one do not match).
curl -sf -G "$api/tables/conversations/records" "${auth[@]}" --data-urlencode "sort=-happened_at" \
    --data-urlencode "filter=channel != 'email' && sentiment < 0.0"
echo

# Conversations counted by channel and by week (in the app's time zone), computed by the store.
curl -sf "$api/tables/conversations/aggregate?group=channel,week(happened_at)&measure=count,avg(sentiment)" "${auth[@]}"
echo

# The workflow runs the conversation started: state, steps, each try with its times and error.
curl -sf "$api/workflows/executions?workflow=score_sentiment&limit=5" "${auth[@]}"
echo

# The app's OpenAPI 3.1 document, generated from app.yaml.
curl -sf "$api/openapi.json" "${auth[@]}"
echo

# A mistake is answered with 422 and every field error, in the caller's language.
curl -s -X POST "$api/forms/log_conversation/submissions" "${auth[@]}" -H "Accept-Language: zh-CN" --data '{"channel": "fax"}'
echo
