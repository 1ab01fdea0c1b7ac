package io.rolegate.account;

import java.util.Arrays;
import java.util.Optional;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** What a signed-in person may do; the names double as the security roles checked on every route. */
public enum Role {
    CUSTOMER, SUPPORT, ADMIN;

    public static final String CUSTOMER_ROLE = "customer";
    public static final String SUPPORT_ROLE = "support";
    public static final String ADMIN_ROLE = "admin";

    public String id() {
        return name().toLowerCase();
    }

    public boolean isStaff() {
        return this != CUSTOMER;
    }

    public static Optional<Role> parse(String id) {
        return Arrays.stream(values()).filter(role -> role.id().equals(id)).findFirst();
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<Role, String> {
        @Override
        public String convertToDatabaseColumn(Role role) {
            return role == null ? null : role.id();
        }

        @Override
        public Role convertToEntityAttribute(String id) {
            return id == null ? null : parse(id).orElseThrow();
        }
    }
}
