package io.rolegate.api;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token presented to the API, still to be recognised. */
final class ApiTokenRequest extends BaseAuthenticationRequest {

    private final String presented;

    ApiTokenRequest(String presented) {
        this.presented = presented;
    }

    String presented() {
        return presented;
    }
}
