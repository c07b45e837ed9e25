package io.github.camelwebwork.client;

import java.util.Optional;

/**
 * Looks for the effect of an attempt whose outcome is unknown (the create may or may not have happened): the answer
 * to return in its place when found, empty when the attempt certainly did not take effect and may be sent again.
 */
@FunctionalInterface
public interface Recovery {

    Optional<ApiResponse> find();
}
