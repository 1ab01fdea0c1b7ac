package io.rolegate.verification;

/**
 * Where a step sits in a check. Positions are fixed by the plan, so steps that run concurrently
 * never compete for one and the page lists them in the order of PRODUCT §5.
 */
record StepSlot(int position, String name, String resource) {

    static final String ROLE_ARN = "role-arn";
    static final String ASSUME_ROLE = "assume-role";
    static final String PROBE_WITHOUT_EXTERNAL_ID = "probe-without-external-id";
    static final String PROBE_WRONG_EXTERNAL_ID = "probe-wrong-external-id";
    static final String CALLER_IDENTITY = "caller-identity";
    static final String BUCKET_LOCATION = "bucket-location";
    static final String LIST_OBJECTS = "list-objects";
    static final String READ_OBJECT = "read-object";

    static final StepSlot ARN = new StepSlot(1, ROLE_ARN, null);
    static final StepSlot ASSUME = new StepSlot(2, ASSUME_ROLE, null);
    static final StepSlot PROBE_WITHOUT = new StepSlot(3, PROBE_WITHOUT_EXTERNAL_ID, null);
    static final StepSlot PROBE_WRONG = new StepSlot(4, PROBE_WRONG_EXTERNAL_ID, null);
    static final StepSlot IDENTITY = new StepSlot(5, CALLER_IDENTITY, null);

    /** The three steps of the bucket at {@code index} in the connection's list. */
    static StepSlot bucket(int index, int step, String name, String resource) {
        return new StepSlot(6 + 3 * index + step, name, resource);
    }

    /** Message key of a step's name, e.g. {@code step_assume_role}. */
    static String nameKey(String name) {
        return "step_" + name.replace('-', '_');
    }
}
