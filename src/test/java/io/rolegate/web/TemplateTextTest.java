package io.rolegate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Templates hold no text of their own: once Qute expressions are removed, text nodes and the values of
 * attributes people read ({@code title}, {@code aria-label}, {@code placeholder}, {@code alt}) are
 * only whitespace, punctuation or symbols. Everything else comes from the message bundles.
 */
class TemplateTextTest {

    private static final Pattern COMMENT = Pattern.compile("\\{!.*?!}|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern EXPRESSION = Pattern.compile("\\{[^{}]*}");
    private static final Pattern READABLE_ATTRIBUTE = Pattern.compile(
            "\\b(?:title|aria-label|placeholder|alt)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&#?[A-Za-z0-9]+;");
    private static final Pattern NOT_TEXT = Pattern.compile("[\\s\\p{P}\\p{S}]*");

    static List<String> hardCodedText(String template) {
        String source = COMMENT.matcher(template).replaceAll(" ");
        String previous;
        do {
            previous = source;
            source = EXPRESSION.matcher(source).replaceAll(" ");
        } while (!source.equals(previous));
        List<String> found = new ArrayList<>();
        Matcher tags = TAG.matcher(source);
        while (tags.find()) {
            Matcher attributes = READABLE_ATTRIBUTE.matcher(tags.group());
            while (attributes.find()) {
                addIfText(found, attributes.group(1) != null ? attributes.group(1) : attributes.group(2));
            }
        }
        for (String text : TAG.split(source)) {
            addIfText(found, text);
        }
        return found;
    }

    private static void addIfText(List<String> found, String text) {
        String stripped = ENTITY.matcher(text).replaceAll(" ").strip();
        if (!NOT_TEXT.matcher(stripped).matches()) {
            found.add(stripped);
        }
    }

    @Test
    void noTemplateHoldsHardCodedText() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            templates = files.filter(Files::isRegularFile).toList();
        }
        assertTrue(templates.size() >= 5, "templates found: " + templates);
        List<String> problems = new ArrayList<>();
        for (Path template : templates) {
            hardCodedText(Files.readString(template, StandardCharsets.UTF_8))
                    .forEach(text -> problems.add(template + ": " + text));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckFindsTextInNodesAndReadableAttributesButNotInExpressions() {
        assertEquals(List.of("Delete", "Close", "Welcome"), hardCodedText("""
                {! a comment !}<button title="{msg:x}" aria-label="Delete">{#if a}{msg:y}{/if} · </button>
                <img alt='Close' src="/x.png"> <p class="z" data-x="anything">Welcome</p> <!-- note -->
                {#form action=str:concat('/a/',b)}<input placeholder="{msg:p}">{/form} &amp; &rarr;
                """));
    }
}
