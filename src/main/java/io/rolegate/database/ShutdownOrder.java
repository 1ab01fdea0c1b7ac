package io.rolegate.database;

/**
 * The order in which Rolegate stops on SIGTERM (docs/deploy.md). Each constant is the
 * {@code @Priority} of an observer of Quarkus' {@code ShutdownEvent}; lower runs first:
 * <ol>
 * <li>{@link #STOP_INTAKE}: nothing new starts — the re-check sweeper claims no more connections, and a
 * background consumer (such as the worker polling the CloudFormation registration queue) stops polling and lets
 * unhandled messages return to the queue;</li>
 * <li>{@link #INTERRUPT_CHECKS}: checks in flight end INCONCLUSIVE (interrupted) with their steps recorded, which
 * releases their claims;</li>
 * <li>then Quarkus closes the HTTP server and the connection pool, and the embedded PostgreSQL, if any, stops last:
 * it waits until no client is connected any more, at most {@code quarkus.shutdown.timeout} plus ten seconds.</li>
 * </ol>
 * All of it must fit in {@code quarkus.shutdown.timeout} (and in Kubernetes' {@code terminationGracePeriodSeconds}).
 */
public final class ShutdownOrder {

    /** Stop taking new work: sweeps, queue polling. */
    public static final int STOP_INTAKE = 100;

    /** End the checks in flight as interrupted, with their steps, and release their claims. */
    public static final int INTERRUPT_CHECKS = 200;

    private ShutdownOrder() {
    }
}
