package io.rolegate.account;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The session id a browser presented in its {@code rolegate-session} cookie, to be looked up in {@link Sessions}. */
final class SessionRequest extends BaseAuthenticationRequest {

    private final String sessionId;

    SessionRequest(String sessionId) {
        this.sessionId = sessionId;
    }

    String sessionId() {
        return sessionId;
    }
}
