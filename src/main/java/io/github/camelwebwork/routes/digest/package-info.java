/**
 * The e-mail digests of routes/email-digests.yaml: their periods (DigestDates) and their HTML and text
 * (DigestRenderer).
 */
package io.github.camelwebwork.routes.digest;
