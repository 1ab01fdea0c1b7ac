package io.rolegate.connection;

/** The life of a connection: see PRODUCT §3. REVOKED is terminal. */
public enum ConnectionStatus {
    PENDING, ACTIVE, FAILING, REVOKED;

    public String id() {
        return name().toLowerCase();
    }
}
