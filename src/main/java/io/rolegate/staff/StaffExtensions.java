package io.rolegate.staff;

import io.quarkus.qute.TemplateExtension;
import io.rolegate.connection.ConnectionSearch;
import io.rolegate.connection.ConnectionStatus;

/** Bundle keys of statuses and sort orders for the staff templates. */
@TemplateExtension
public class StaffExtensions {

    static String countKey(ConnectionStatus status) {
        return "status_" + status.name();
    }

    static String labelKey(ConnectionSearch.Sort sort) {
        return "sort_" + sort.name();
    }
}
