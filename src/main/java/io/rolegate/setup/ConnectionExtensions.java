package io.rolegate.setup;

import io.quarkus.qute.TemplateExtension;
import io.rolegate.connection.Connection;
import io.rolegate.connection.Partition;
import io.rolegate.policy.Document;

/** View properties of connections for templates. */
@TemplateExtension
public class ConnectionExtensions {

    static String statusKey(Connection connection) {
        return "status_" + connection.status.name();
    }

    static String roleAction(Connection connection) {
        return "/connections/" + connection.id + "/role";
    }

    static String revokeAction(Connection connection) {
        return "/connections/" + connection.id + "/revoke";
    }

    static String rotationAction(Connection connection) {
        return "/connections/" + connection.id + "/rotation";
    }

    /** The edit page of a connection (PRODUCT §13). */
    static String editPath(Connection connection) {
        return "/connections/" + connection.id + "/edit";
    }

    static String resourcesAction(Connection connection) {
        return "/connections/" + connection.id + "/resources";
    }

    static String rotationCancelAction(Connection connection) {
        return "/connections/" + connection.id + "/rotation/cancel";
    }

    static String checksAction(Connection connection) {
        return "/connections/" + connection.id + "/checks";
    }

    /** Bundle key of an artifact's heading, e.g. {@code artifact_main_tf}. */
    static String titleKey(Document document) {
        return "artifact_" + document.fileName().replace('.', '_').replace('-', '_');
    }

    static String labelKey(Partition partition) {
        return "partition_" + partition.id().replace('-', '_');
    }
}
