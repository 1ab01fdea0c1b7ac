package io.rolegate.database;

/**
 * The class-data sharing (AppCDS) archive the build creates next to the packaged application
 * ({@code quarkus.package.jar.appcds.enabled}, docs/deploy.md). To record it, the build starts the application with
 * {@code -Dquarkus.appcds.generate=true}; that run stops after static initialisation and must neither create a data
 * directory nor start a database.
 */
public final class StartupArchive {

    private StartupArchive() {
    }

    /** Whether this JVM is the build's recording run rather than an application serving requests. */
    public static boolean isBeingRecorded() {
        return Boolean.getBoolean("quarkus.appcds.generate");
    }
}
