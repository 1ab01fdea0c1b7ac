package io.rolegate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every artifact of the representative connections equals its reviewed golden file. A change in
 * output must be deliberate: the actual text is written under target/golden-actual for review.
 */
class GoldenArtifactsTest {

    static Stream<String> cases() {
        return PolicyCases.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void artifactsMatchTheirGoldenFiles(String name) throws IOException {
        Artifacts artifacts = Artifacts.render(PolicyCases.all().get(name), Optional.of(PolicyCases.TEMPLATE_URL));
        Map<String, String> actual = new LinkedHashMap<>();
        artifacts.documents().forEach(document -> actual.put(document.fileName(), document.content()));
        // Once the role exists there is no Launch Stack link: a second stack would fail on the existing role.
        actual.put("quick-create-link.txt", artifacts.quickCreateLink().map(link -> link + "\n").orElse(null));

        StringBuilder mismatches = new StringBuilder();
        for (Map.Entry<String, String> file : actual.entrySet()) {
            String resource = "/golden/" + name + "/" + file.getKey();
            String expected = read(resource);
            if (file.getValue() == null) {
                if (expected != null) {
                    mismatches.append(resource).append(" exists, but no such artifact is rendered\n");
                }
            } else if (!file.getValue().equals(expected)) {
                Path written = Path.of("target", "golden-actual", name, file.getKey());
                Files.createDirectories(written.getParent());
                Files.writeString(written, file.getValue(), StandardCharsets.UTF_8);
                mismatches.append(resource).append(expected == null ? " is missing" : " differs").append("; actual output in ").append(written).append('\n');
            }
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void renderingTheSameModelTwiceGivesTheSameText(String name) {
        PolicyModel model = PolicyCases.all().get(name);
        assertEquals(Artifacts.render(model, Optional.empty()), Artifacts.render(model, Optional.empty()));
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = GoldenArtifactsTest.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
