package io.rolegate.database;

import org.hibernate.FlushMode;
import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * For a request that only reads entities, e.g. a page view: what it loads from now on is read-only (Hibernate keeps
 * no snapshot and never dirty-checks it) and no query flushes the persistence context first. A setup page view runs
 * about a dozen queries over dozens of loaded entities; each query would otherwise dirty-check every one of them
 * (docs/benchmarks.md, "Setup page"). Native SQL statements still run, in the caller's transaction.
 */
public final class ReadOnlySession {

    private ReadOnlySession() {
    }

    /** Makes the current request's Hibernate session read-only; an entity changed afterwards is never written. */
    public static void enable() {
        Session session = Panache.getSession();
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }
}
