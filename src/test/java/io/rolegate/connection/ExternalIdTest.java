package io.rolegate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ExternalIdTest {

    @Test
    void tenThousandGeneratedIdsAreUniqueAndAcceptedByAws() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ExternalId.generate().value();
            assertTrue(ExternalId.matchesAwsPattern(id), id);
            assertTrue(id.matches("rg-[a-z2-7]{32}"), id);
            assertTrue(seen.add(id), "repeated " + id);
        }
    }

    @Test
    void generatedIdsUseEveryBase32Character() {
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ExternalId.generate().value().substring(3).chars().forEach(c -> used.add((char) c));
        }
        assertEquals(32, used.size(), "160 random bits spread over all 32 symbols");
    }

    @Test
    void awsPatternFollowsStsRules() {
        assertTrue(ExternalId.matchesAwsPattern("ab"));
        assertTrue(ExternalId.matchesAwsPattern("a".repeat(1224)));
        assertTrue(ExternalId.matchesAwsPattern("Az09_+=,.@:/-"));
        assertFalse(ExternalId.matchesAwsPattern("a"));
        assertFalse(ExternalId.matchesAwsPattern("a".repeat(1225)));
        assertFalse(ExternalId.matchesAwsPattern("has space"));
        assertFalse(ExternalId.matchesAwsPattern("star*"));
        assertFalse(ExternalId.matchesAwsPattern("東京東京"));
        assertFalse(ExternalId.matchesAwsPattern(null));
        assertThrows(IllegalArgumentException.class, () -> new ExternalId("x"));
    }
}
