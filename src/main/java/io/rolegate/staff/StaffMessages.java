package io.rolegate.staff;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the staff console; Japanese in {@code messages/staff_ja.properties}. */
@MessageBundle(value = "staff", locale = "en")
public interface StaffMessages {

    @Message("All connections")
    String connections_title();

    @Message("No customer has created a connection yet.")
    String connections_empty();

    @Message("Organisation")
    String column_organisation();

    @Message("Label")
    String column_label();

    @Message("AWS account")
    String column_account();

    @Message("Status")
    String column_status();

    @Message("Connections by status")
    String counts_label();

    @Message("Role ARN")
    String column_role();

    @Message("Last check")
    String column_last_check();

    @Message("Failing since")
    String column_failing_since();

    @Message("Pending")
    String status_PENDING();

    @Message("Active")
    String status_ACTIVE();

    @Message("Failing")
    String status_FAILING();

    @Message("Revoked")
    String status_REVOKED();

    @Message("Search")
    String filter_query();

    @Message("Organisation, label, AWS account, role ARN or external ID.")
    String filter_query_hint();

    @Message("Any status")
    String filter_any_status();

    @Message("Sort by")
    String filter_sort();

    @Message("Show")
    String filter_apply();

    @Message("Last check, newest first")
    String sort_LAST_CHECK();

    @Message("Failing longest first")
    String sort_FAILING_SINCE();

    @Message("Created, newest first")
    String sort_CREATED();

    @Message("{#if count == 1}1 connection{#else}{count} connections{/if}")
    String results(long count);

    @Message("No connection matches these filters.")
    String connections_none_match();

    @Message("Never")
    String never();

    @Message("Pages")
    String pages_label();

    @Message("Previous")
    String page_previous();

    @Message("Next")
    String page_next();

    @Message("Page {page} of {pages}")
    String page_of(int page, int pages);

    @Message("Diagnosis code")
    String column_code();

    @Message("Diagnosis code")
    String filter_code();

    @Message("Any code")
    String filter_any_code();

    @Message("Start by creating an organisation")
    String first_step_title();

    @Message("Every connection belongs to a customer organisation. Create the first one with the e-mail address of a person there: they get an invite and can then create connections.")
    String first_step_text();

    @Message("Create an organisation")
    String first_step_link();

    @Message("No customer organisation exists yet. An administrator creates the first one.")
    String first_step_support();
}
