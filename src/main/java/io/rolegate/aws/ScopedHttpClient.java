package io.rolegate.aws;

import java.io.IOException;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The HTTP client under every SDK client of Rolegate: it sends a request made within a {@link ConnectionScope}
 * only while the scope is not revoked, and registers it with the scope while it is in flight, so a revocation
 * can abort it.
 *
 * <p>The SDK runs a synchronous call's every attempt on the calling thread, interceptors and HTTP exchange
 * alike: {@link Interceptor#beforeTransmission} (once per attempt, retries included) hands the request's scope
 * to the exchange through a thread-local and refuses the attempt when the scope is revoked. The refusal is
 * not an {@code SdkException}: the SDK's retry strategy never retries it, and it reaches the caller as it is.
 */
final class ScopedHttpClient implements SdkHttpClient {

    /**
     * The scope a request belongs to, set on the request's override configuration. Its name is unique per loading of
     * this class: the SDK refuses two attributes of one name, and tests that start the application again (another
     * test resource or profile) load this class again while the SDK's own classes stay loaded.
     */
    static final ExecutionAttribute<ConnectionScope> SCOPE = new ExecutionAttribute<>(
            "RolegateConnectionScope-" + Integer.toHexString(System.identityHashCode(ScopedHttpClient.class)));

    private static final ThreadLocal<ConnectionScope> SENDING = new ThreadLocal<>();

    private final SdkHttpClient delegate;

    ScopedHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest exchange = delegate.prepareRequest(request);
        ConnectionScope scope = SENDING.get();
        return scope == null ? exchange : new Scoped(exchange, scope);
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Thrown instead of sending a request of a revoked connection. */
    static final class RevokedException extends IllegalStateException {
        RevokedException() {
            super("The connection was revoked: the request was not sent");
        }
    }

    /** Carries each attempt's scope to the HTTP exchange, and stops the attempts of a revoked scope. */
    static final class Interceptor implements ExecutionInterceptor {

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            ConnectionScope scope = attributes.getAttribute(SCOPE);
            if (scope == null) {
                SENDING.remove();
                return;
            }
            if (scope.isRevoked()) {
                SENDING.remove();
                throw new RevokedException();
            }
            SENDING.set(scope);
        }

        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            SENDING.remove();
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            SENDING.remove();
        }
    }

    /** One HTTP exchange of a scope: sent only if the scope is not revoked, and abortable while in flight. */
    private static final class Scoped implements ExecutableHttpRequest {

        private final ExecutableHttpRequest exchange;
        private final ConnectionScope scope;

        Scoped(ExecutableHttpRequest exchange, ConnectionScope scope) {
            this.exchange = exchange;
            this.scope = scope;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            if (!scope.enter(this)) {
                throw new RevokedException();
            }
            try {
                return exchange.call();
            } finally {
                scope.leave(this);
            }
        }

        @Override
        public void abort() {
            exchange.abort();
        }
    }
}
