package io.rolegate.verification;

/** What started a check: a person on a page, the scheduler, or the API. */
public enum CheckTrigger {
    USER, SCHEDULE, API;

    public String id() {
        return name().toLowerCase();
    }
}
