package io.rolegate.broker;

import io.rolegate.aws.AwsFailure;
import io.rolegate.aws.SessionCredentials;
import io.rolegate.connection.ConnectionStatus;

/** The broker's answer to a {@link CredentialRequest}. */
public sealed interface Grant {

    /** Credentials of the connection's role, with at least the configured minimum lifetime left. */
    record Granted(SessionCredentials credentials, String region, String roleArn) implements Grant {
    }

    /** No such connection. */
    record Unknown() implements Grant {
    }

    /** The connection is not ACTIVE: nothing was asked of AWS. */
    record Refused(ConnectionStatus status) implements Grant {
    }

    /** AWS refused or could not answer the AssumeRole. */
    record Failed(AwsFailure failure) implements Grant {
    }
}
