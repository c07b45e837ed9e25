/**
 * The Kafka flows: JSON commands from a topic into WebWork (routes/kafka-to-webwork.yaml: validation, dead-letter
 * headers, commits, shared idempotency keys) and change events from WebWork to a topic as CloudEvents
 * (routes/webwork-to-kafka.yaml).
 */
package io.github.camelwebwork.routes.kafka;
