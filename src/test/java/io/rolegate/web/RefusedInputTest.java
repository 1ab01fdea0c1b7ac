package io.rolegate.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.rolegate.account.AccountMessages;
import io.rolegate.api.ApiMessages;
import io.rolegate.connection.ConnectionMessages;
import io.rolegate.organisation.OrganisationMessages;

/**
 * The refusal messages are looked up by key at run time in the bundle of the page's form, so every bundle with a
 * form has them (MessageBundleParityTest then requires their Japanese).
 */
class RefusedInputTest {

    @ParameterizedTest
    @ValueSource(strings = { RefusedInput.CONTROL_KEY, RefusedInput.REPEATED_KEY })
    void everyBundleOfAFormHasTheMessage(String key) {
        for (Class<?> bundle : List.of(ConnectionMessages.class, OrganisationMessages.class, AccountMessages.class,
                ApiMessages.class)) {
            assertDoesNotThrow(() -> bundle.getDeclaredMethod(key), bundle.getSimpleName() + "." + key);
        }
    }
}
