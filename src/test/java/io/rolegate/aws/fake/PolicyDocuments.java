package io.rolegate.aws.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Hand-written trust and permission policies under {@code src/test/resources/fakeaws/}. */
final class PolicyDocuments {

    static final String CUSTOMER_ACCOUNT = "222222222222";
    static final String ROLE_ARN = "arn:aws:iam::" + CUSTOMER_ACCOUNT + ":role/RolegateRead";
    static final String EXTERNAL_ID = "rg-3f9c2a7e5b1d4c8a9e6f0b2d4a6c8e1f";
    static final String KMS_KEY_ARN = "arn:aws:kms:us-east-1:" + CUSTOMER_ACCOUNT
            + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private PolicyDocuments() {
    }

    static String read(String name) {
        try (InputStream in = PolicyDocuments.class.getResourceAsStream("/fakeaws/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no policy document " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
