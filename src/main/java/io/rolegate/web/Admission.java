package io.rolegate.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.BlockingOperationControl;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Admission control of HTTP requests: at most {@link HttpConfig#concurrentRequests()} requests run their resource
 * method and render their answer at a time; the others wait for their turn in arrival order (a fair semaphore).
 * A page or an API answer is work for the processors and the database. Run all at once, 32 of them on two cores
 * each take longer than they would in turn, and the machine spends a good part of its time switching between
 * threads and waiting for locks held by threads it has put aside (docs/benchmarks.md, "Admission").
 *
 * <p>A request takes its place in a request filter on its worker thread, after Rolegate's other request filters,
 * so its body has been read: a client that sends slowly holds no place. It gives the place back once its answer is
 * rendered (a response filter), before the answer is written, so a client that reads slowly holds none either.
 * A request that ends without its response filters (the client went away) gives it back when Quarkus REST closes
 * it. A request that waits for AWS (the credential broker's AssumeRole, a template upload, reading the vendor's
 * account) steps out while it waits ({@link #outside}): that wait uses no processor, and a slow AWS must not hold
 * up the pages.
 *
 * <p>Requests served on an event loop are never held back, since an event loop must not block; Rolegate's resources
 * all run on worker threads. Metrics: {@code rolegate.http.requests.admitted} (running now) and
 * {@code rolegate.http.requests.waiting}.
 */
@ApplicationScoped
public class Admission {

    private static final String TICKET = Admission.class.getName();
    private static final ThreadLocal<Ticket> HELD = new ThreadLocal<>();

    private final Semaphore places;
    private final int size;

    Admission(HttpConfig config, MeterRegistry metrics) {
        size = config.concurrentRequests().orElse(2 * Runtime.getRuntime().availableProcessors());
        if (size < 1) {
            throw new IllegalArgumentException("rolegate.http.concurrent-requests must be at least 1, not " + size);
        }
        places = new Semaphore(size, true);
        Gauge.builder("rolegate.http.requests.admitted", this, Admission::admitted)
                .description("HTTP requests running their resource method or rendering now").register(metrics);
        Gauge.builder("rolegate.http.requests.waiting", places, Semaphore::getQueueLength)
                .description("HTTP requests waiting for their turn to run").register(metrics);
    }

    /** How many requests may run at once. */
    public int size() {
        return size;
    }

    /** How many requests hold a place now (requests waiting for AWS do not). */
    public int admitted() {
        return size - places.availablePermits();
    }

    /** Waits for a place, after the other request filters and before the resource method. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void admit(ResteasyReactiveContainerRequestContext request) {
        if (!BlockingOperationControl.isBlockingAllowed()
                || !(request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context)) {
            return;
        }
        places.acquireUninterruptibly();
        Ticket ticket = new Ticket(places);
        HELD.set(ticket);
        request.setProperty(TICKET, ticket);
        context.registerCompletionCallback(failure -> ticket.leave());
    }

    /** Gives the place back once the answer is rendered: this filter runs after every other response filter. */
    @ServerResponseFilter(priority = Priorities.AUTHENTICATION - 100)
    public void leave(ContainerRequestContext request) {
        if (request.getProperty(TICKET) instanceof Ticket ticket) {
            ticket.leave();
            if (HELD.get() == ticket) {
                HELD.remove();
            }
        }
    }

    /**
     * Runs {@code wait}, a call that waits for something other than this machine (AWS), with this thread's place
     * given to the next request meanwhile, and takes a place again (in turn) before it returns or throws. Outside a
     * request, or nested in another {@code outside}, it simply runs {@code wait}.
     */
    public static <T> T outside(Supplier<T> wait) {
        Ticket ticket = HELD.get();
        return ticket == null ? wait.get() : ticket.away(wait);
    }

    /**
     * One admitted request's place: held while it runs, away while it waits for AWS, done once given back. Every
     * transition is atomic, so the place is returned exactly once, whichever of the response filter, the request's
     * close or the end of a wait comes first.
     */
    static final class Ticket {

        private static final int HOLDING = 0;
        private static final int AWAY = 1;
        private static final int DONE = 2;

        private final AtomicInteger state = new AtomicInteger(HOLDING);
        private final Semaphore places;

        Ticket(Semaphore places) {
            this.places = places;
        }

        void leave() {
            if (state.compareAndSet(HOLDING, DONE)) {
                places.release();
            } else {
                state.compareAndSet(AWAY, DONE);
            }
        }

        <T> T away(Supplier<T> wait) {
            if (!state.compareAndSet(HOLDING, AWAY)) {
                return wait.get();
            }
            places.release();
            try {
                return wait.get();
            } finally {
                places.acquireUninterruptibly();
                if (!state.compareAndSet(AWAY, HOLDING)) {
                    places.release(); // the exchange ended meanwhile
                }
            }
        }
    }
}
