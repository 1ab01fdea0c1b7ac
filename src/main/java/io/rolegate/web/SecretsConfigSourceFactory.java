package io.rolegate.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import io.rolegate.database.StartupArchive;

/**
 * Derives the keys that protect flash messages, invite links (docs/invites.md) and registration tokens
 * (connection/RegistrationTokens) from one master secret: {@code rolegate.secret} when configured (required when
 * several instances serve the same users, so that a message sealed or a link or token derived by one works on another),
 * otherwise a random one kept in {@code data/secret} so that it survives a restart. Sessions need no key: they
 * live in the database (account/Sessions).
 */
public class SecretsConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() == ExecutionMode.UNSET || StartupArchive.isBeingRecorded()) {
            return Collections.emptyList();
        }
        ConfigValue configured = context.getValue("rolegate.secret");
        String secret = configured != null && configured.getValue() != null && !configured.getValue().isBlank()
                ? configured.getValue()
                : storedSecret(dataDirectory(context).resolve("secret"));
        return Collections.singletonList(new MapBackedConfigSource("rolegate-secrets", Map.of(
                "rolegate.secrets.flash", derive(secret, "flash"),
                "rolegate.secrets.invites", derive(secret, "invites"),
                "rolegate.secrets.registration", derive(secret, "registration")), 260) {
        });
    }

    private static Path dataDirectory(ConfigSourceContext context) {
        ConfigValue value = context.getValue("rolegate.data-directory");
        return Path.of(value == null || value.getValue() == null ? "data" : value.getValue());
    }

    private static String storedSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, secret, StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the secret file " + file, e);
        }
    }

    static String derive(String secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(260);
    }
}
