package io.rolegate.setup;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rolegate.connection.Connection;

/**
 * Retries failed template uploads in the background (PRODUCT §12): each due connection's template is rendered again
 * and published ({@link TemplatePublisher}), so what is uploaded is always the current text.
 */
@ApplicationScoped
public class TemplateRetries {

    private final TemplatePublisher publisher;
    private final SetupPages setupPages;

    TemplateRetries(TemplatePublisher publisher, SetupPages setupPages) {
        this.publisher = publisher;
        this.setupPages = setupPages;
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        retryDue();
    }

    /** Uploads again every template whose retry is due; returns how many were tried. */
    public int retryDue() {
        int tried = 0;
        for (UUID connectionId : QuarkusTransaction.requiringNew().call(publisher::dueForRetry)) {
            QuarkusTransaction.requiringNew().run(() -> {
                Connection connection = Connection.findById(connectionId);
                if (connection != null && !connection.isRevoked()) {
                    setupPages.artifacts(connection);
                }
            });
            tried++;
        }
        return tried;
    }
}
