package io.rolegate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.MessageBundle;

/** Every English message has a Japanese translation and no Japanese key is left over or empty. */
class MessageBundleParityTest {

    private static final Path CLASSES = Path.of("target", "classes");

    static List<Class<?>> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(name -> name.startsWith("io.rolegate."))
                    .map(MessageBundleParityTest::load)
                    .filter(type -> type.isInterface() && type.isAnnotationPresent(MessageBundle.class))
                    .toList();
        }
    }

    @Test
    void everyBundleHasTheSameKeysInJapaneseAndNoneIsEmpty() throws IOException {
        List<Class<?>> bundles = bundles();
        assertTrue(bundles.size() >= 4, "bundles found: " + bundles);
        for (Class<?> bundle : bundles) {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            Set<String> english = Arrays.stream(bundle.getDeclaredMethods()).map(method -> method.getName())
                    .collect(Collectors.toCollection(TreeSet::new));
            Properties japanese = japanese(name);
            assertEquals(english, new TreeSet<>(japanese.stringPropertyNames()),
                    "keys of " + bundle.getSimpleName() + " and messages/" + name + "_ja.properties");
            japanese.stringPropertyNames().forEach(key -> assertFalse(japanese.getProperty(key).isBlank(),
                    name + "_ja.properties has an empty " + key));
        }
    }

    private static Properties japanese(String bundle) throws IOException {
        String resource = "messages/" + bundle + "_ja.properties";
        try (InputStream in = MessageBundleParityTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing");
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, MessageBundleParityTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
