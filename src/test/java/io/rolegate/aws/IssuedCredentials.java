package io.rolegate.aws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * Remembers every secret STS hands to an SDK client in the tests (registered as a global SDK interceptor in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}), so a test can look for them
 * in places they must never reach: logs and database tables.
 */
public class IssuedCredentials implements ExecutionInterceptor {

    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

    @Override
    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
        if (context.response() instanceof AssumeRoleResponse response && response.credentials() != null) {
            SECRETS.add(response.credentials().secretAccessKey());
            SECRETS.add(response.credentials().sessionToken());
        }
    }

    public static List<String> secrets() {
        return List.copyOf(SECRETS);
    }
}
