package io.rolegate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pasted values read the way a person means them (PRODUCT §10). */
class FormsTest {

    /** Every space a page, a console, a chat or an input method may put around a value. */
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0020", "0009", "000A", "000D", "00A0", "1680", "2000", "2001", "2002", "2003", "2004", "2005", "2006",
            "2007", "2008", "2009", "200A", "200B", "200C", "200D", "2028", "2029", "202F", "205F", "2060", "3000", "FEFF", "00AD", "180E"})
    void surroundingSpacesVisibleOrNotAreDropped(String hex) {
        String c = Character.toString(Integer.parseInt(hex, 16));
        assertEquals("Data lake", Forms.strip(c + c + "Data lake" + c));
        assertEquals("arn:aws:iam::123456789012:role/Vendor", Forms.identifier(c + "arn:aws:iam::123456789012:role/Vendor" + c + c));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"200B", "200C", "200D", "2060", "FEFF", "00AD", "180E"})
    void invisibleCharactersInsideAnIdentifierAreDroppedButNotInsideText(String hex) {
        String c = Character.toString(Integer.parseInt(hex, 16));
        assertEquals("arn:aws:iam::123456789012:role/VendorRole", Forms.identifier("arn:aws:iam::1234" + c + "56789012:role/Vendor" + c + "Role"));
        assertEquals("alice@example.com", Forms.identifier("alice@" + c + "example.com"));
        assertEquals("Vendor" + c + "Role", Forms.strip("Vendor" + c + "Role"));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
            "'\"arn:aws:iam::123456789012:role/Vendor\"'|arn:aws:iam::123456789012:role/Vendor",
            "`arn:aws:iam::123456789012:role/Vendor`|arn:aws:iam::123456789012:role/Vendor",
            "' `123456789012` '|123456789012",
            "“alice@example.com”|alice@example.com",
            "‘acme-data/reports/’|acme-data/reports/",
            "'''acme-data'''|acme-data",
            "\"acme-data|\"acme-data",
            "acme-data/x\"|acme-data/x\"",
            "'\"'|\"",
    })
    void oneQuotingAroundAnIdentifierIsTakenOff(String pasted, String meant) {
        assertEquals(meant, Forms.identifier(pasted));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"Vendor\u00A0Role", "Vendor Role", "Vendor\u3000Role"})
    void visibleSpacesInsideStaySoTheValuesOwnRulesSeeThem(String pasted) {
        assertEquals(pasted, Forms.identifier(pasted));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "\u00A0\u200B\uFEFF\u3000"})
    void blankIsEmpty(String pasted) {
        assertEquals("", Forms.strip(pasted));
        assertEquals("", Forms.identifier(pasted));
        assertEquals("", Forms.identifier(null));
    }
}
