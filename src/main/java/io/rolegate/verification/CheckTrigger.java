package io.rolegate.verification;

/** What started a check: a person on a page, the scheduler, the API, or a CloudFormation stack's registration (PRODUCT §12). */
public enum CheckTrigger {
    USER, SCHEDULE, API, STACK;

    public String id() {
        return name().toLowerCase();
    }
}
