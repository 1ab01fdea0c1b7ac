package io.rolegate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which values of {@code rolegate.public-url} are accepted, and the links built on them. */
class PublicUrlValueTest {

    @ParameterizedTest
    @CsvSource({
            "https://rolegate.example.com, https://rolegate.example.com/invite/abc, true",
            "https://rolegate.example.com/, https://rolegate.example.com/invite/abc, true",
            "'  HTTPS://rolegate.example.com:8443 ', https://rolegate.example.com:8443/invite/abc, true",
            "http://10.0.0.7:8080, http://10.0.0.7:8080/invite/abc, false"})
    void linksStartWithTheConfiguredAddress(String configured, String link, boolean https) {
        PublicUrl url = new PublicUrl(Optional.of(configured));
        assertEquals(link, url.link("/invite/abc"));
        assertEquals(link, url.link("invite/abc"));
        assertEquals(https, url.isHttps());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rolegate.example.com", "ftp://rolegate.example.com", "https://", "https:///path",
            "https://user@rolegate.example.com", "https://rolegate.example.com/rolegate", "https://rolegate.example.com/?a=b",
            "https://rolegate.example.com/#top", "https://rolegate example.com"})
    void anUnusableAddressStopsStartUpWithTheReason(String configured) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new PublicUrl(Optional.of(configured)));
        assertTrue(refused.getMessage().startsWith("rolegate.public-url '" + configured + "' is not usable: "),
                refused.getMessage());
    }
}
