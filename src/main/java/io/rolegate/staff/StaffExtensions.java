package io.rolegate.staff;

import java.util.Arrays;

import io.quarkus.qute.TemplateExtension;
import io.rolegate.connection.ConnectionSearch;
import io.rolegate.connection.ConnectionStatus;
import io.rolegate.verification.DiagnosisCode;

/** Bundle keys of statuses, outcomes and sort orders, and diagnosis codes, for the staff templates. */
@TemplateExtension
public class StaffExtensions {

    static String countKey(ConnectionStatus status) {
        return "status_" + status.name();
    }

    /** The published identifier of the row's failure code, e.g. {@code RG-TRUST-DENIED}; empty when there is none. */
    static String codeId(ConnectionSearch.Row row) {
        return idOf(row.failureCode());
    }

    /** The published identifier of the diagnosis code the list is filtered by; empty when it is not. */
    static String codeId(ConnectionSearch.Criteria criteria) {
        return idOf(criteria.codeName());
    }

    private static String idOf(String name) {
        return Arrays.stream(DiagnosisCode.values()).filter(code -> code.name().equals(name)).map(DiagnosisCode::id)
                .findFirst().orElse("");
    }

    /** Bundle key (in {@code check}) of the row's last outcome, e.g. {@code outcome_FAILED}. */
    static String outcomeKey(ConnectionSearch.Row row) {
        return "outcome_" + row.lastCheckOutcome();
    }

    static String labelKey(ConnectionSearch.Sort sort) {
        return "sort_" + sort.name();
    }
}
