package io.rolegate.connection;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the connection pages; Japanese in {@code messages/conn_ja.properties}. */
@MessageBundle(value = "conn", locale = "en")
public interface ConnectionMessages {

    @Message("Connections")
    String list_title();

    @Message("No connections yet. A connection lets us read the S3 data you choose through an IAM role in your AWS account.")
    String list_empty();
}
